import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { freePort, spawnHub, type HubProcess } from '@app/testing';
import { msg, type Lang } from './browser.js';

export const DEMO_PASSWORD = 'innomed-demo-2026';

/**
 * The hub as `npm start` runs it: its own process, its own embedded PostgreSQL with the demo data
 * seeded, serving the built web client at `/`. Its own database (not the run's shared one) because the
 * demo data is seeded only into an empty database.
 */
export async function startDemoHub(): Promise<{ hub: HubProcess; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'innomed-browser-'));
  const port = String(await freePort());
  // No ALLOWED_ORIGINS: the hub always allows its own origin, where it serves the page.
  const env = { PORT: port, DATABASE_URL: '', REDIS_URL: '', DATA_DIR: dataDir, SEED_DEMO: 'true' };
  const hub = await spawnHub(env, 180_000);
  return {
    hub,
    stop: async () => {
      await hub.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs a demo user in through the login page, in the page's language, and waits for the feed. */
export async function logIn(page: Page, lang: Lang, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(msg(lang, 'auth.email')).fill(email);
  await page.getByLabel(msg(lang, 'auth.password')).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: msg(lang, 'auth.login.submit') }).click();
  await page.getByRole('heading', { level: 1, name: msg(lang, 'challenges.feed.title') }).waitFor();
}
