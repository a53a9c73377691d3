import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { INestApplication } from '@nestjs/common';

/** Where `npm run build:web` writes the browser client, from the repository (or image) root. */
export const WEB_CLIENT_DIR = resolve(process.cwd(), 'apps/web/dist');

/** Paths the hub itself answers; everything else that asks for HTML is a page of the client. */
const HUB_PATHS = /^\/(graphql|socket\.io|health|metrics)(\/|$)/;

/**
 * Serves the built web client at `/`: hashed assets cached for a year, `index.html` never cached, and
 * any other GET that accepts HTML answered with `index.html` so deep links (/challenges/…) load the
 * app. Returns false when no build is present (the API still works; `npm start` builds it).
 */
export function installWebClient(app: INestApplication, dir = WEB_CLIENT_DIR): boolean {
  const index = resolve(dir, 'index.html');
  if (!existsSync(index)) return false;
  app.use(
    '/assets',
    express.static(resolve(dir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }),
  );
  app.use(express.static(dir, { index: false, maxAge: 0 }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || HUB_PATHS.test(req.path) || !(req.headers.accept ?? '').includes('text/html')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
