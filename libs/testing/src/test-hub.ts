import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { loadConfig, type AppConfig } from '@app/config';
import { createHubApp, closeHubApp, type HubApp } from '@api/bootstrap.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

/** Environment every test hub starts from; a suite overrides what it tests. */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string | undefined> {
  return {
    ...process.env,
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SEED_DEMO: 'false',
    JWT_SECRET: TEST_JWT_SECRET,
    // Cheaper hashing keeps suites fast; production keeps the OWASP minimum (19 MiB).
    ARGON2_MEMORY_KIB: '1024',
    // The run's shared embedded database takes one connection per hub (see DatabaseService.connect).
    // It is also one PGlite session for every hub of the run, so named prepared statements would collide.
    ...(process.env.TEST_DATABASE_KIND === 'embedded' ? { DATABASE_POOL_SIZE: '1', DATABASE_PREPARED_STATEMENTS: 'false' } : {}),
    ...overrides,
  };
}

export interface TestHub {
  hub: HubApp;
  config: AppConfig;
  url: string;
  close(): Promise<void>;
}

/** The real application, built by the same function as main.ts, listening on a free port. */
export async function startTestHub(overrides: Record<string, string> = {}): Promise<TestHub> {
  const config = loadConfig(testEnv(overrides));
  const hub = await createHubApp(config, `test-${randomUUID().slice(0, 6)}`);
  await hub.app.listen(0, '127.0.0.1');
  const { port } = hub.app.getHttpServer().address() as AddressInfo;
  return { hub, config, url: `http://127.0.0.1:${port}`, close: () => closeHubApp(hub) };
}
