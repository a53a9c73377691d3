import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { INestApplication } from '@nestjs/common';
import { ErrorCode } from '@app/contracts';
import type { AppConfig } from '@app/config';
import { MetricsService } from '@api/platform/metrics/metrics.service.js';
import { HTTP_STATUS_BY_CODE } from '@api/platform/errors/error-mapping.js';
import { RequestDrain } from './request-drain.js';

const REQUEST_ID = /^[\w.-]{1,64}$/;

function errorResponse(res: Response, code: ErrorCode, message: string, requestId?: string) {
  res.status(HTTP_STATUS_BY_CODE[code]).json({ errors: [{ message, extensions: { code, ...(requestId ? { requestId } : {}) } }] });
}

/**
 * The Express pipeline in front of GraphQL and the controllers: request ids, HTTP metrics, a JSON body
 * parser with a size cap, and JSON answers (never HTML, never 500) for bodies that fail to parse.
 * Nest's own body parser is off (see main/bootstrap) so this one, with its limit, is the only one.
 */
export function installHttpPipeline(app: INestApplication, config: AppConfig): void {
  const metrics = app.get(MetricsService);
  const drain = app.get(RequestDrain);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (drain.closing) {
      // A request on a connection kept alive past the shutdown: not taken, so the client may retry elsewhere.
      res.setHeader('connection', 'close');
      return errorResponse(res, ErrorCode.SERVICE_UNAVAILABLE, 'This instance is shutting down; retry.');
    }
    const done = drain.begin();
    res.once('finish', done);
    res.once('close', done);
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', requestId);
    const stop = metrics.httpRequests.startTimer();
    // Read now: routers mounted below rewrite req.path. Unknown paths share one label (bounded cardinality).
    const path = req.path;
    const route = path === '/graphql' || path === '/metrics' || path === '/health/live' || path === '/health/ready' ? path : 'other';
    res.once('finish', () => {
      stop({ method: req.method, route, status: String(res.statusCode) });
    });
    // Carried on res.locals (not AsyncLocalStorage, whose promise hooks cost every request on Node 20).
    res.locals.requestId = requestId;
    next();
  });
  app.use(express.json({ limit: config.http.maxBodyBytes, strict: true }));
  app.use((error: Error & { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (!error) return next();
    const requestId = res.getHeader('x-request-id') as string | undefined;
    if (error.type === 'entity.too.large') {
      return errorResponse(res, ErrorCode.PAYLOAD_TOO_LARGE, `The request body is larger than ${config.http.maxBodyBytes} bytes.`, requestId);
    }
    if (error.type === 'entity.parse.failed') {
      return errorResponse(res, ErrorCode.BAD_USER_INPUT, 'The request body is not valid JSON or not a JSON object.', requestId);
    }
    if (error.status && error.status >= 400 && error.status < 500) {
      return errorResponse(res, ErrorCode.BAD_USER_INPUT, 'The request could not be read.', requestId);
    }
    return next(error);
  });
}
