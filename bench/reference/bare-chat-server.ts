/**
 * The bare reference for the chat-fanout scenario: the ceiling of socket.io itself on this machine.
 * A plain socket.io 4 server with the `/chat` namespace and the hub's payload shapes, so one load
 * generator drives both, but no authentication, no membership check, no validation, no storage and
 * no rate limit: `chat:join` joins a room and acks, `chat:send` takes the channel's next seq from an
 * in-memory counter, broadcasts `chat:message` to the room (sender included) and acks.
 *
 * The server options that change per-socket cost are the hub's (ping interval and timeout, maximum
 * payload), so the idle-socket memory compares like with like.
 *
 * With REDIS_URL the rooms are shared through @socket.io/redis-adapter on ioredis, as in the hub, under
 * a key prefix of its own. The seq counter stays per process: two instances do not agree on seqs, and
 * the scenario does not check their order for this variant.
 *
 * Environment: PORT, REDIS_URL (optional).
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import type { ChatJoinPayload, ChatMessagePayload, ChatSendPayload } from '../../libs/contracts/src/chat-events.js';

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error('PORT is required');
const redisUrl = process.env.REDIS_URL || undefined;

// Anything that is not socket.io gets a 200 on /health (the runner's readiness probe) and 404 otherwise.
const http = createServer((request, response) => {
  response.writeHead(request.url === '/health' ? 200 : 404).end();
});
const io = new Server(http, {
  maxHttpBufferSize: 1_048_576,
  pingInterval: 20_000,
  pingTimeout: 20_000,
  cors: { origin: true, credentials: true },
});
const redisClients: Redis[] = [];
if (redisUrl) {
  const pub = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const sub = pub.duplicate();
  redisClients.push(pub, sub);
  io.adapter(createAdapter(pub, sub, { key: 'bench-bare-chat' }));
}

const chat = io.of('/chat');
const seqs = new Map<string, number>();

type Ack = (result: unknown) => void;
const refuse = (ack: unknown, message: string): void => {
  if (typeof ack === 'function') (ack as Ack)({ ok: false, error: { code: 'BAD_USER_INPUT', message } });
};

chat.on('connection', (socket) => {
  socket.on('chat:join', (payload: ChatJoinPayload, ack: unknown) => {
    if (typeof payload?.channelId !== 'string' || typeof ack !== 'function') return refuse(ack, 'channelId and an ack are required.');
    const { channelId } = payload;
    void socket.join(channelId);
    const seq = seqs.get(channelId) ?? 0;
    (ack as Ack)({ ok: true, data: { channelId, lastSeq: seq, revision: seq, lastReadSeq: 0 } });
    socket.emit('chat:synced', { channelId, seq, revision: seq });
  });

  socket.on('chat:send', (payload: ChatSendPayload, ack: unknown) => {
    if (typeof payload?.channelId !== 'string' || typeof payload.clientId !== 'string' || typeof payload.body !== 'string' || typeof ack !== 'function') {
      return refuse(ack, 'channelId, clientId, body and an ack are required.');
    }
    const seq = (seqs.get(payload.channelId) ?? 0) + 1;
    seqs.set(payload.channelId, seq);
    const message: ChatMessagePayload = {
      id: randomUUID(),
      channelId: payload.channelId,
      seq,
      revision: seq,
      authorId: null,
      clientId: payload.clientId,
      body: payload.body,
      language: null,
      threadRootId: null,
      replyCount: 0,
      mentions: [],
      reactions: [],
      createdAt: new Date().toISOString(),
      editedAt: null,
      deletedAt: null,
    };
    chat.to(payload.channelId).emit('chat:message', message);
    (ack as Ack)({ ok: true, data: { messageId: message.id, seq, revision: seq, createdAt: message.createdAt, duplicate: false } });
  });
});

http.listen(port, '127.0.0.1', () => console.log(`bare chat reference listening on 127.0.0.1:${port}${redisUrl ? ' (redis adapter)' : ''}`));

let stopping = false;
const shutdown = (): void => {
  if (stopping) return;
  stopping = true;
  io.close(() => {
    for (const client of redisClients) client.disconnect();
    process.exit(0);
  });
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
