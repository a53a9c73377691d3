import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@api/platform/auth/public.decorator.js';
import { MetricsService } from '@api/platform/metrics/metrics.service.js';

/** Prometheus scrape endpoint. Expose it only to the monitoring network in production. */
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
