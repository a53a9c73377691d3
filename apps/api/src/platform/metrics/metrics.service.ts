import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The Prometheus registry of this instance. Default Node metrics include the event-loop lag
 * (`nodejs_eventloop_lag_seconds` and its percentiles).
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpRequests = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly graphqlOperations = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operations by type, name and outcome.',
    labelNames: ['type', 'name', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly socketsConnected = new Gauge({
    name: 'realtime_sockets_connected',
    help: 'Open realtime connections on this instance, by transport.',
    labelNames: ['transport'] as const,
    registers: [this.registry],
  });

  readonly socketsRefused = new Counter({
    name: 'realtime_handshakes_refused_total',
    help: 'Realtime handshakes refused, by transport and reason.',
    labelNames: ['transport', 'reason'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
  }
}
