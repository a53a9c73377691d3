import { ChatTestClient, Factory, PrivatePostgres, PrivateRedis, gql, privatePostgresAvailable, privateRedisAvailable, spawnHub, type HubProcess, type TestUser } from '@app/testing';

/**
 * Chat delivery under faults, with real servers: an instance killed mid-stream, Redis restarted,
 * PostgreSQL away. What was acknowledged is stored exactly once, every channel's sequence has no gap,
 * and every client ends with exactly the stored history, in order.
 */
const DATABASE_URL = process.env.TEST_DATABASE_KIND === 'external' ? process.env.DATABASE_URL : undefined;
const REDIS_URL = process.env.REDIS_URL;
const OPEN = 'mutation($i: OpenDirectConversationInput!) { openDirectConversation(input: $i) { id } }';
const HISTORY = 'query($c: ID!, $a: Int) { chatMessages(channelId: $c, afterSeq: $a, limit: 100) { messages { id seq clientId } hasMore } }';
const FAST = { CHAT_SEND_RATE_PER_SECOND: '10000', CHAT_SEND_BURST: '10000' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Stored {
  id: string;
  seq: number;
  clientId: string;
}

async function storedHistory(url: string, token: string, channelId: string): Promise<Stored[]> {
  const all: Stored[] = [];
  for (;;) {
    const page = await gql<{ chatMessages: { messages: Stored[]; hasMore: boolean } }>(url, HISTORY, { c: channelId, a: all.length ? all[all.length - 1]!.seq : 0 }, token);
    if (!page.data) throw new Error(JSON.stringify(page.errors));
    all.push(...page.data.chatMessages.messages);
    if (!page.data.chatMessages.hasMore) return all;
  }
}

/**
 * Sends until acknowledged, as a client must: the same client id on every attempt, reconnecting (to
 * whichever instance is alive) when the socket is gone.
 */
async function sendReliably(client: ChatTestClient, aliveUrl: () => string, channelId: string, clientId: string, body: string): Promise<{ seq: number; duplicate: boolean; attempts: number }> {
  for (let attempt = 1; ; attempt += 1) {
    if (!client.socket.connected) {
      try {
        await client.reconnect(aliveUrl());
      } catch {
        await sleep(200);
        continue;
      }
    }
    try {
      const ack = await client.send(channelId, clientId, body);
      if (ack.ok) return { seq: ack.data.seq, duplicate: ack.data.duplicate, attempts: attempt };
      if (ack.error.code !== 'SERVICE_UNAVAILABLE' && ack.error.code !== 'RATE_LIMITED') throw new Error(`send refused: ${JSON.stringify(ack.error)}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('send refused')) throw error;
      // no ack in time: the socket died or the instance is gone; try again
    }
    await sleep(100);
  }
}

(DATABASE_URL && REDIS_URL ? describe : describe.skip)('chat with an instance killed mid-stream', () => {
  let one: HubProcess;
  let two: HubProcess;
  afterAll(async () => {
    await Promise.all([one?.stop('SIGKILL'), two?.stop()]);
  });

  it('stores every acknowledged message once, with no gap, and every client converges on the stored history', async () => {
    [one, two] = await Promise.all([spawnHub({ DATABASE_URL: DATABASE_URL!, REDIS_URL: REDIS_URL!, ...FAST }), spawnHub({ DATABASE_URL: DATABASE_URL!, REDIS_URL: REDIS_URL!, ...FAST })]);
    const make = new Factory(two.url);
    const users: TestUser[] = [];
    for (let i = 0; i < 50; i += 1) users.push(await make.user({ displayName: `Sender ${i}` }));
    // Ten channels of ten: user i belongs to channels i % 10 and (i + 1) % 10.
    const channels: string[] = [];
    for (let k = 0; k < 10; k += 1) {
      const members = users.filter((_, i) => i % 10 === k || (i + 1) % 10 === k);
      const opened = await gql<{ openDirectConversation: { id: string } }>(two.url, OPEN, { i: { userIds: members.slice(1).map((u) => u.id), title: `Channel ${k}` } }, members[0]!.accessToken);
      channels.push(opened.data!.openDirectConversation.id);
    }
    const channelsOf = (i: number) => [channels[i % 10]!, channels[(i + 1) % 10]!];

    // Half the clients on each instance.
    const clients = await Promise.all(users.map((user, i) => ChatTestClient.connect(i % 2 === 0 ? one.url : two.url, user.accessToken)));
    for (const [i, client] of clients.entries()) for (const channelId of channelsOf(i)) expect((await client.join(channelId)).ok).toBe(true);

    let killed = false;
    const aliveUrl = () => two.url;
    let acknowledged = 0;
    const sent = new Map<string, string>(); // clientId → channel
    const PER_CLIENT = 100;
    await Promise.all(
      clients.map(async (client, i) => {
        for (let n = 0; n < PER_CLIENT; n += 1) {
          const channelId = channelsOf(i)[n % 2]!;
          const clientId = `u${i}-m${n}`;
          sent.set(clientId, channelId);
          await sendReliably(client, aliveUrl, channelId, clientId, `message ${n} from ${i}`);
          acknowledged += 1;
          if (!killed && acknowledged >= (clients.length * PER_CLIENT) / 2) {
            killed = true;
            one.child.kill('SIGKILL');
          }
        }
      }),
    );
    expect(killed).toBe(true);
    expect(acknowledged).toBe(5000);
    // The kill was felt: the killed instance's clients had to move to the other one.
    expect(clients.filter((_, i) => i % 2 === 0).every((client) => client.reconnects > 0)).toBe(true);

    // The store: every acknowledged message exactly once, sequences 1..n without gaps.
    let total = 0;
    const stored = new Map<string, Stored[]>();
    for (const channelId of channels) {
      const member = users.find((_, i) => channelsOf(i).includes(channelId))!;
      const history = await storedHistory(two.url, member.accessToken, channelId);
      stored.set(channelId, history);
      expect(history.map((m) => m.seq)).toEqual(history.map((_, i) => i + 1));
      expect(new Set(history.map((m) => m.clientId)).size).toBe(history.length);
      for (const m of history) expect(sent.get(m.clientId)).toBe(channelId);
      total += history.length;
    }
    expect(total).toBe(5000);

    // Every client, reconnected where needed, ends with exactly the stored history, in order, nothing twice.
    for (const [i, client] of clients.entries()) {
      if (!client.socket.connected) await client.reconnect(two.url);
      for (const channelId of channelsOf(i)) {
        const history = stored.get(channelId)!;
        const view = client.view(channelId);
        await client.until(() => view.seq >= history.length, 30_000, `client ${i} catching up on ${channelId}`);
        expect(view.violations).toEqual([]);
        expect(view.messages.map((m) => m.id)).toEqual(history.map((m) => m.id));
      }
    }
    for (const client of clients) client.close();
  }, 300_000);
});

(DATABASE_URL && REDIS_URL ? describe : describe.skip)('chat on two instances', () => {
  let one: HubProcess;
  let two: HubProcess;
  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
  });

  it('keeps one message when the same client id reaches both instances at once, and shows presence across them', async () => {
    [one, two] = await Promise.all([spawnHub({ DATABASE_URL: DATABASE_URL!, REDIS_URL: REDIS_URL!, ...FAST }), spawnHub({ DATABASE_URL: DATABASE_URL!, REDIS_URL: REDIS_URL!, ...FAST })]);
    const make = new Factory(one.url);
    const [sender, peer] = [await make.user(), await make.user()];
    const opened = await gql<{ openDirectConversation: { id: string } }>(one.url, OPEN, { i: { userIds: [peer.id] } }, sender.accessToken);
    const channelId = opened.data!.openDirectConversation.id;
    const [onOne, onTwo] = [await ChatTestClient.connect(one.url, sender.accessToken), await ChatTestClient.connect(two.url, sender.accessToken)];
    const watcher = await ChatTestClient.connect(two.url, peer.accessToken);
    try {
      // Twenty races of the same client id through both instances: one row each, the same answer to both.
      for (let i = 0; i < 20; i += 1) {
        const [a, b] = await Promise.all([onOne.send(channelId, `race-${i}`, `race ${i}`), onTwo.send(channelId, `race-${i}`, `race ${i}`)]);
        expect(a.ok && b.ok).toBe(true);
        if (!a.ok || !b.ok) continue;
        expect(a.data.messageId).toBe(b.data.messageId);
        expect([a.data.duplicate, b.data.duplicate].sort()).toEqual([false, true]);
      }
      const stored = await storedHistory(two.url, peer.accessToken, channelId);
      expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

      // Presence: the sender has sockets on both instances; the peer watches from instance two.
      const watch = await watcher.request<{ statuses: { status: string }[] }>('presence:watch', { userIds: [sender.id] });
      expect(watch).toMatchObject({ ok: true, data: { statuses: [{ status: 'ONLINE' }] } });
      const offline = new Promise<void>((resolve) => watcher.socket.on('presence:changed', (p) => p.status === 'OFFLINE' && resolve()));
      onOne.close();
      await sleep(500);
      // Still online through the socket on instance two; offline once that one goes too.
      expect((await watcher.request<{ statuses: { status: string }[] }>('presence:watch', { userIds: [sender.id] }))).toMatchObject({ ok: true, data: { statuses: [{ status: 'ONLINE' }] } });
      onTwo.close();
      await Promise.race([offline, sleep(5_000).then(() => Promise.reject(new Error('no OFFLINE across instances within 5 s')))]);
    } finally {
      for (const client of [onOne, onTwo, watcher]) client.close();
    }
  });
});

(privatePostgresAvailable && privateRedisAvailable ? describe : describe.skip)('chat through a Redis restart', () => {
  let postgres: PrivatePostgres;
  let redis: PrivateRedis;
  let a: HubProcess;
  let b: HubProcess;

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([PrivatePostgres.start(), PrivateRedis.start()]);
    a = await spawnHub({ DATABASE_URL: postgres.url, REDIS_URL: redis.url, ...FAST });
    b = await spawnHub({ DATABASE_URL: postgres.url, REDIS_URL: redis.url, ...FAST });
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    redis?.kill();
    postgres?.destroy();
  });

  it('keeps sending, resumes live delivery across instances within seconds, and fills the gap by catch-up', async () => {
    const make = new Factory(a.url);
    const [sender, receiver] = [await make.user(), await make.user()];
    const opened = await gql<{ openDirectConversation: { id: string } }>(a.url, OPEN, { i: { userIds: [receiver.id] } }, sender.accessToken);
    const channelId = opened.data!.openDirectConversation.id;
    const out = await ChatTestClient.connect(a.url, sender.accessToken);
    const inbox = await ChatTestClient.connect(b.url, receiver.accessToken);
    await out.join(channelId);
    await inbox.join(channelId);

    let n = 0;
    const send = async () => {
      n += 1;
      return sendReliably(out, () => a.url, channelId, `r-${n}`, `during the restart ${n}`);
    };
    for (let i = 0; i < 20; i += 1) await send();
    const restarting = redis.restart();
    for (let i = 0; i < 40; i += 1) {
      await send();
      await sleep(25);
    }
    await restarting;
    // Every message, including those sent while Redis was away, reaches the other instance's client, in order.
    await inbox.until(() => inbox.view(channelId).seq === n, 15_000, 'catch-up after the restart');
    expect(inbox.view(channelId).violations).toEqual([]);
    // And live delivery is back: a new message arrives within 10 s.
    const started = Date.now();
    await send();
    await inbox.until(() => inbox.view(channelId).seq === n, 10_000, 'live delivery after the restart');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(inbox.view(channelId).messages.map((m) => m.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    out.close();
    inbox.close();
  }, 120_000);
});

(privatePostgresAvailable && privateRedisAvailable ? describe : describe.skip)('chat while Redis is down', () => {
  let postgres: PrivatePostgres;
  let redis: PrivateRedis;
  let a: HubProcess;
  let b: HubProcess;

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([PrivatePostgres.start(), PrivateRedis.start()]);
    [a, b] = await Promise.all([spawnHub({ DATABASE_URL: postgres.url, REDIS_URL: redis.url, ...FAST }), spawnHub({ DATABASE_URL: postgres.url, REDIS_URL: redis.url, ...FAST })]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    redis?.kill();
    postgres?.destroy();
  });

  it('acknowledges a stored message without waiting for Redis; the other instance gets it from the sweep, and live delivery resumes', async () => {
    const make = new Factory(a.url);
    const [sender, receiver] = [await make.user(), await make.user()];
    const opened = await gql<{ openDirectConversation: { id: string } }>(a.url, OPEN, { i: { userIds: [receiver.id] } }, sender.accessToken);
    const channelId = opened.data!.openDirectConversation.id;
    const out = await ChatTestClient.connect(a.url, sender.accessToken);
    const inbox = await ChatTestClient.connect(b.url, receiver.accessToken);
    try {
      await out.join(channelId);
      await inbox.join(channelId);
      expect((await out.send(channelId, 'before', 'before the outage')).ok).toBe(true);
      await inbox.until(() => inbox.view(channelId).seq === 1, 10_000, 'live delivery before the outage');

      await redis.stop();
      // Stored, so acknowledged: the ack does not wait for Redis to come back.
      const during = await out.send(channelId, 'during', 'while Redis is down');
      expect(during).toMatchObject({ ok: true, data: { seq: 2, duplicate: false } });
      expect(redis.running).toBe(false);
      // The sender's own instance delivers it to its sockets at once.
      await out.until(() => out.view(channelId).seq === 2, 10_000, 'own instance delivery while Redis is down');
      // The other instance reads it from PostgreSQL in its sweep, Redis or not.
      await inbox.until(() => inbox.view(channelId).seq === 2, 20_000, 'the sweep delivering while Redis is down');
      expect(redis.running).toBe(false);

      await redis.start();
      // After the outage every message still reaches the other instance (live once ioredis has reconnected).
      for (let n = 3; n <= 5; n += 1) {
        expect((await out.send(channelId, `after-${n}`, `after the outage ${n}`)).ok).toBe(true);
        await inbox.until(() => inbox.view(channelId).seq === n, 20_000, `delivery of ${n} after the outage`);
      }
      for (const client of [out, inbox]) {
        expect(client.view(channelId).violations).toEqual([]);
        expect(client.view(channelId).messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
      }
    } finally {
      out.close();
      inbox.close();
    }
  }, 120_000);
});

(privatePostgresAvailable ? describe : describe.skip)('chat with PostgreSQL away', () => {
  let postgres: PrivatePostgres;
  let hub: HubProcess;

  beforeAll(async () => {
    postgres = await PrivatePostgres.start();
    hub = await spawnHub({ DATABASE_URL: postgres.url, REDIS_URL: '', ...FAST });
  });
  afterAll(async () => {
    await hub?.stop();
    postgres?.destroy();
  });

  it('refuses sends with SERVICE_UNAVAILABLE while it is down, acknowledges nothing falsely, and recovers', async () => {
    const make = new Factory(hub.url);
    const [sender, receiver] = [await make.user(), await make.user()];
    const opened = await gql<{ openDirectConversation: { id: string } }>(hub.url, OPEN, { i: { userIds: [receiver.id] } }, sender.accessToken);
    const channelId = opened.data!.openDirectConversation.id;
    const client = await ChatTestClient.connect(hub.url, sender.accessToken);
    await client.join(channelId);
    const acknowledged = new Set<string>();
    for (let i = 0; i < 5; i += 1) if ((await client.send(channelId, `pg-${i}`, `before ${i}`)).ok) acknowledged.add(`pg-${i}`);

    postgres.stop('immediate');
    const refused = await client.send(channelId, 'pg-down', 'while down');
    expect(refused).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
    // The socket is still usable while the database is away.
    expect(client.socket.connected).toBe(true);

    postgres.start();
    const retried = await sendReliably(client, () => hub.url, channelId, 'pg-down', 'while down');
    expect(retried.duplicate).toBe(false);
    acknowledged.add('pg-down');
    const history = await storedHistory(hub.url, receiver.accessToken, channelId);
    expect(history.map((m) => m.clientId)).toEqual([...acknowledged]);
    expect(history.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    await client.until(() => client.view(channelId).seq === 6, 10_000, 'delivery after recovery');
    expect(client.view(channelId).violations).toEqual([]);
    client.close();
  }, 120_000);
});
