import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, type AppConfig } from '@app/config';
import { closeHubApp, createHubApp } from './bootstrap.js';
import { WEB_CLIENT_DIR } from '@api/platform/http/web-client.js';
import { DemoSeedService } from '@api/modules/demo/demo-seed.service.js';
import { DatabaseUnreachableError } from '@api/platform/database/database-unreachable.error.js';

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const hub = await createHubApp(config);
  const { app, logger } = hub;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: draining requests and sockets`, 'Shutdown');
    const force = setTimeout(() => {
      logger.error(`still busy after ${config.shutdownGraceMs} ms; exiting anyway`, 'Shutdown');
      process.exit(1);
    }, config.shutdownGraceMs);
    force.unref();
    try {
      await closeHubApp(hub);
      logger.log('stopped cleanly', 'Shutdown');
      process.exit(0);
    } catch (error) {
      logger.error(error, 'Shutdown');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  // Seed before listening: a ready instance never serves a half-seeded database.
  await app.init();
  const demo = await app.get(DemoSeedService).ensureSeeded();
  await app.listen(config.port, config.host);

  const web = existsSync(resolve(WEB_CLIENT_DIR, 'index.html'));
  // The address a person opens comes first; the API endpoints follow for integrators.
  const lines = [web ? `innomed-hub is running: open ${config.publicUrl}/ in a browser` : `innomed-hub is running (web client not built: npm run build:web)`, `  GraphQL (HTTP and graphql-ws): ${config.publicUrl}/graphql`, `  socket.io: ${config.publicUrl}`, `  health: ${config.publicUrl}/health/ready  metrics: ${config.publicUrl}/metrics`];
  if (!config.database.url) lines.push(`  database: embedded PostgreSQL, data in ${config.database.dataDir}`);
  if (demo) lines.push(`  demo users (password "${demo.password}"):`, ...demo.emails.map((e) => `    ${e}`));
  lines.push('  Ctrl-C stops it.');
  // Printed plainly (not as JSON) so a person starting the hub sees where it is.
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  // Already logged as one JSON line (host, port, reason) by Nest's exception handler, which reports
  // every error thrown while the application is created: printing it again would only add a stack.
  if (error instanceof DatabaseUnreachableError) process.exit(1);
  console.error('innomed-hub failed to start:', error);
  process.exit(1);
});
