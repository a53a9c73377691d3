/**
 * The co-editing reference: `@hocuspocus/server` as it comes from npm, with no extensions, no
 * authentication hook and no persistence, so a document lives in memory while clients are connected.
 * Only what the benchmark needs is set: the port, the loopback address, and quiet start-up output.
 * Everything else (broadcast coalescing within an event-loop turn, garbage collection, unloading a
 * document when its last client leaves) keeps Hocuspocus' defaults.
 */
import { Server } from '@hocuspocus/server';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const port = Number(required('PORT'));
// The runner stops the reference with SIGTERM; Hocuspocus closes its connections on it by itself.
const server = new Server({ port, address: '127.0.0.1', quiet: true, stopOnSignals: true });
await server.listen();
console.log(`bare Hocuspocus reference listening at ${server.webSocketURL}`);
