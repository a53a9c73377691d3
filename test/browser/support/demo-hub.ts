import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnHub, type HubProcess } from '@app/testing';

export const DEMO_PASSWORD = 'innomed-demo-2026';

/**
 * The hub as `npm start` runs it: its own process, its own embedded PostgreSQL with the demo data
 * seeded, serving the built web client at `/`. Its own database (not the run's shared one) because the
 * demo data is seeded only into an empty database.
 */
export async function startDemoHub(): Promise<{ hub: HubProcess; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'innomed-browser-'));
  const port = String(await freePort());
  // The page's own origin must pass the hub's Origin check (graphql-ws, socket.io); the default list
  // names port 3000 only.
  const env = { PORT: port, ALLOWED_ORIGINS: `http://127.0.0.1:${port}`, DATABASE_URL: '', REDIS_URL: '', DATA_DIR: dataDir, SEED_DEMO: 'true' };
  const hub = await spawnHub(env, 180_000);
  return {
    hub,
    stop: async () => {
      await hub.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
