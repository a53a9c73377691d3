import pg from 'pg';
import { CanvasTestClient, ChatTestClient, Factory, PrivatePostgres, freePort, gql, privatePostgresAvailable, runHubToExit, spawnHub, type HubProcess } from '@app/testing';

/**
 * A database that is not there at start, or that stops answering while the hub runs. The hub says so
 * in its log, answers SERVICE_UNAVAILABLE instead of holding requests, and recovers by itself.
 */
describe('a database unreachable at start', () => {
  it('logs one JSON line naming host, port and cause, and exits non-zero', async () => {
    const port = await freePort(); // nothing listens there
    const result = await runHubToExit({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/innomed`, REDIS_URL: '', LOG_LEVEL: 'warn' });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    const lines = result.output.split('\n').filter((line) => line.trim() !== '');
    // Every line is JSON (no multi-line stack printed beside the log).
    const records = lines.map((line) => JSON.parse(line) as { msg?: string; err?: { host?: string; port?: number; reason?: string } });
    const reports = records.filter((record) => /unreachable/.test(record.msg ?? ''));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.msg).toBe(`database unreachable at 127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`);
    expect(reports[0]!.err).toMatchObject({ host: '127.0.0.1', port, reason: expect.stringMatching(/ECONNREFUSED/) });
  });
});

const OPEN = 'mutation($i: OpenDirectConversationInput!) { openDirectConversation(input: $i) { id } }';
const HISTORY = 'query($c: ID!, $a: Int) { chatMessages(channelId: $c, afterSeq: $a, limit: 100) { messages { seq clientId } hasMore } }';
/** The test's patience for one answer: far beyond the hub's limits, so a missing answer means a hang. */
const PATIENCE_MS = 30_000;

interface Outcome {
  clientId: string;
  code: string | null; // null: acknowledged
  frozen: boolean; // whether PostgreSQL was frozen when the answer came
}

async function storedHistory(url: string, token: string, channelId: string): Promise<{ seq: number; clientId: string }[]> {
  const all: { seq: number; clientId: string }[] = [];
  for (;;) {
    const page = await gql<{ chatMessages: { messages: { seq: number; clientId: string }[]; hasMore: boolean } }>(url, HISTORY, { c: channelId, a: all.length ? all[all.length - 1]!.seq : 0 }, token);
    if (!page.data) throw new Error(JSON.stringify(page.errors));
    all.push(...page.data.chatMessages.messages);
    if (!page.data.chatMessages.hasMore) return all;
  }
}

/** Re-checks `condition` every 50 ms until it holds; gives up (naming it) after the test's patience. */
async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

(privatePostgresAvailable ? describe : describe.skip)('a database that hangs instead of refusing (SIGSTOP)', () => {
  let postgres: PrivatePostgres;
  let hub: HubProcess;
  let frozen = false;

  beforeAll(async () => {
    postgres = await PrivatePostgres.start();
    // The default timeouts: what is tested is the configuration an operator gets.
    hub = await spawnHub({ DATABASE_URL: postgres.url, REDIS_URL: '', CHAT_SEND_RATE_PER_SECOND: '10000', CHAT_SEND_BURST: '10000', CANVAS_UPDATES_PER_SECOND: '1000' });
  });
  afterAll(async () => {
    if (frozen) postgres.thaw();
    await hub?.stop();
    postgres?.destroy();
  });

  it('answers SERVICE_UNAVAILABLE while frozen under chat and canvas load, loses nothing acknowledged, and recovers by itself', async () => {
    const make = new Factory(hub.url);
    const [owner, peer] = [await make.user(), await make.user()];
    const channelId = (await gql<{ openDirectConversation: { id: string } }>(hub.url, OPEN, { i: { userIds: [peer.id] } }, owner.accessToken)).data!.openDirectConversation.id;
    const org = await make.organisation(owner);
    const network = await gql<{ createNetwork: { id: string } }>(hub.url, 'mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }', { i: { organisationId: org.id, kind: 'NETWORK', name: 'Frozen database network', countries: ['IT'], visibility: 'PUBLIC' } }, owner.accessToken);
    const canvasId = (await gql<{ createCanvas: { id: string } }>(hub.url, 'mutation($i: CreateCanvasInput!) { createCanvas(input: $i) { id } }', { i: { networkId: network.data!.createNetwork.id, organisationId: org.id, title: 'Frozen' } }, owner.accessToken)).data!.createCanvas.id;

    const chat = await ChatTestClient.connect(hub.url, owner.accessToken);
    await chat.join(channelId);
    const editor = await CanvasTestClient.open(hub.url, owner.accessToken, canvasId);
    editor.requestTimeoutMs = PATIENCE_MS;
    await editor.synced;

    // Load: one chat sender and one canvas editor, each as fast as it is answered.
    const outcomes: Outcome[] = [];
    let unanswered = 0;
    let running = true;
    const chatLoad = (async () => {
      for (let n = 0; running; n += 1) {
        const clientId = `m-${n}`;
        try {
          const ack = await chat.request<{ seq: number }>('chat:send', { channelId, clientId, body: `message ${n}` }, PATIENCE_MS);
          outcomes.push({ clientId, code: ack.ok ? null : ack.error.code, frozen });
        } catch {
          unanswered += 1;
        }
      }
    })();
    const typed: string[] = [];
    const canvasLoad = (async () => {
      for (let n = 0; running; n += 1) {
        const token = `[t${n}]`;
        editor.doc.getText('text').insert(editor.text().length, token);
        typed.push(token);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const acknowledged = () => outcomes.filter((o) => o.code === null);
    await until('load acknowledged before the freeze', () => acknowledged().length >= 20 && editor.acked.length >= 20);

    postgres.freeze();
    frozen = true;
    const refusedWhileFrozen = () => outcomes.filter((o) => o.frozen && o.code !== null);
    // Requests are answered while PostgreSQL is still stopped: the ones in flight when it froze and new ones.
    await until('answers while frozen', () => refusedWhileFrozen().length >= 3 && editor.refusals.includes('SERVICE_UNAVAILABLE'));
    const query = await gql(hub.url, HISTORY, { c: channelId, a: 0 }, owner.accessToken);
    const ready = await fetch(`${hub.url}/health/ready`);
    expect(frozen).toBe(true);
    expect(query.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(ready.status).toBe(503);
    expect(new Set(refusedWhileFrozen().map((o) => o.code))).toEqual(new Set(['SERVICE_UNAVAILABLE']));
    expect(new Set(editor.refusals)).toEqual(new Set(['SERVICE_UNAVAILABLE']));
    expect(unanswered + editor.unanswered).toBe(0);

    postgres.thaw();
    frozen = false;
    // The hub recovers by itself: sends are acknowledged again, the editor's updates stored again.
    const [answersAtThaw, ackedAtThaw] = [outcomes.length, editor.acked.length];
    await until('sends and updates acknowledged after the thaw', () => outcomes.slice(answersAtThaw).some((o) => o.code === null) && editor.acked.length > ackedAtThaw);
    await until('readiness after the thaw', async () => (await fetch(`${hub.url}/health/ready`)).status === 200);
    running = false;
    await Promise.all([chatLoad, canvasLoad]);
    await editor.settled();
    expect(unanswered + editor.unanswered).toBe(0);

    // Nothing acknowledged was lost: every acknowledged message is stored once, with no gap.
    const history = await storedHistory(hub.url, peer.accessToken, channelId);
    expect(history.map((m) => m.seq)).toEqual(history.map((_, i) => i + 1));
    expect(new Set(history.map((m) => m.clientId)).size).toBe(history.length);
    const stored = new Set(history.map((m) => m.clientId));
    expect(acknowledged().filter((o) => !stored.has(o.clientId))).toEqual([]);
    // And the canvas: a fresh client reads every token the editor typed, once (refused updates came
    // back with the resync the hub asked for after the refusal).
    await until('every typed token stored', async () => {
      const fresh = await CanvasTestClient.open(hub.url, owner.accessToken, canvasId).catch(() => null);
      if (!fresh) return false;
      await fresh.synced;
      const text = fresh.text();
      fresh.close();
      return typed.every((token) => text.split(token).length === 2);
    });
    chat.close();
    editor.close();
  }, 240_000);

  it('answers SERVICE_UNAVAILABLE when a row lock is held past the lock timeout, and stores nothing', async () => {
    const make = new Factory(hub.url);
    const [owner, peer] = [await make.user(), await make.user()];
    const channelId = (await gql<{ openDirectConversation: { id: string } }>(hub.url, OPEN, { i: { userIds: [peer.id] } }, owner.accessToken)).data!.openDirectConversation.id;
    const chat = await ChatTestClient.connect(hub.url, owner.accessToken);
    await chat.join(channelId);
    // Another session holds the channel row, as a stuck transaction would.
    const holder = new pg.Client({ connectionString: postgres.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM chat_channels WHERE id = $1 FOR UPDATE', [channelId]);
      const refused = await chat.request('chat:send', { channelId, clientId: 'locked', body: 'behind a lock' }, PATIENCE_MS);
      expect(refused).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
      await holder.query('ROLLBACK');
    } finally {
      await holder.end();
    }
    expect(await chat.send(channelId, 'locked', 'behind a lock')).toMatchObject({ ok: true, data: { seq: 1, duplicate: false } });
    chat.close();
  });
});
