import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnHub, type HubProcess } from '@app/testing';

export const DEMO_PASSWORD = 'innomed-demo-2026';

/**
 * The hub as `npm start` runs it: its own process, its own embedded PostgreSQL with the demo data
 * seeded, serving the built web client at `/`. Its own database (not the run's shared one) because the
 * demo data is seeded only into an empty database.
 */
export async function startDemoHub(): Promise<{ hub: HubProcess; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'innomed-browser-'));
  const hub = await spawnHub({ DATABASE_URL: '', REDIS_URL: '', DATA_DIR: dataDir, SEED_DEMO: 'true' }, 180_000);
  return {
    hub,
    stop: async () => {
      await hub.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
