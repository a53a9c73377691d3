import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@app/config';
import { AppModule } from './app.module.js';
import { JsonLogger } from '@api/platform/logging/json-logger.js';
import { installHttpPipeline } from '@api/platform/http/http-pipeline.js';
import { installWebClient } from '@api/platform/http/web-client.js';
import { InputValidationPipe } from '@api/platform/graphql/input-validation.pipe.js';
import { HubIoAdapter } from '@api/platform/realtime/hub-io.adapter.js';
import { HealthController } from '@api/platform/http/health.controller.js';
import { isOriginAllowed } from '@api/platform/http/origins.js';
import { RequestDrain } from '@api/platform/http/request-drain.js';
import type { Server } from 'node:http';

export interface HubApp {
  app: NestExpressApplication;
  logger: JsonLogger;
}

/**
 * Builds the hub exactly as production runs it; `main.ts` and the end-to-end tests both call this, so
 * tests exercise the same pipeline, adapters and pipes.
 */
export async function createHubApp(config: AppConfig, instanceName = 'api'): Promise<HubApp> {
  const logger = new JsonLogger(config.logLevel, instanceName);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger,
    bodyParser: false,
    abortOnError: false,
    cors: {
      origin: (origin, callback) => callback(null, isOriginAllowed(origin, config.http.allowedOrigins)),
      credentials: true,
    },
  });
  app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  // GraphQL answers POSTs; an ETag (a hash of every response body) would never be used.
  app.set('etag', false);
  installHttpPipeline(app, config);
  installWebClient(app);
  app.useGlobalPipes(new InputValidationPipe());
  app.useWebSocketAdapter(new HubIoAdapter(app, config));
  return { app, logger };
}

/**
 * Stop order: readiness fails; the HTTP server stops accepting and idle keep-alive connections close;
 * requests already accepted finish; then Nest stops GraphQL, disconnects the sockets (clients
 * reconnect elsewhere) and closes the database last. Nest alone would stop Apollo before the HTTP
 * server, failing requests that were in flight.
 */
export async function closeHubApp(hub: HubApp): Promise<void> {
  hub.app.get(HealthController, { strict: false }).markShuttingDown();
  const server = hub.app.getHttpServer() as Server;
  if (server.listening) {
    const drained = hub.app.get(RequestDrain, { strict: false }).drain();
    server.close();
    server.closeIdleConnections();
    await drained;
  }
  await hub.app.close();
}
