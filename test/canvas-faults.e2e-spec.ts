import { CanvasTestClient, Factory, gql, spawnHub, type HubProcess } from '@app/testing';

/**
 * Co-editing under a kill: editors on two instances type concurrently, one instance is SIGKILLed in
 * the middle, its editors reconnect to the other and go on. Nothing any client saw acknowledged or
 * relayed is lost, every editor converges, and a restarted hub serves exactly the converged state.
 * Runs against the real PostgreSQL and Redis (DATABASE_URL and REDIS_URL, as CI sets them).
 */
const DATABASE_URL = process.env.TEST_DATABASE_KIND === 'external' ? process.env.DATABASE_URL : undefined;
const REDIS_URL = process.env.REDIS_URL;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const FAST = { CANVAS_UPDATES_PER_SECOND: '1000', CANVAS_COMPACT_AFTER: '150' };

(DATABASE_URL && REDIS_URL ? describe : describe.skip)('co-editing with an instance killed mid-stream', () => {
  let one: HubProcess;
  let two: HubProcess;
  let again: HubProcess | undefined;
  const opened: CanvasTestClient[] = [];
  afterAll(async () => {
    for (const client of opened) client.close();
    await Promise.all([one?.stop('SIGKILL'), two?.stop(), again?.stop()]);
  });

  it('loses no acknowledged or relayed update, converges, and restarts into the converged state', async () => {
    const env = { DATABASE_URL: DATABASE_URL!, REDIS_URL: REDIS_URL!, ...FAST };
    [one, two] = await Promise.all([spawnHub(env), spawnHub(env)]);
    const make = new Factory(two.url);
    const owner = await make.user();
    const org = await make.organisation(owner);
    const editors = [owner];
    for (let i = 0; i < 5; i += 1) {
      const user = await make.user();
      await make.membership(org, owner, user, 'MEMBER');
      editors.push(user);
    }
    const network = await gql<{ createNetwork: { id: string } }>(two.url, 'mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }', { i: { organisationId: org.id, kind: 'NETWORK', name: 'Fault canvas network', countries: ['IT'], visibility: 'PUBLIC' } }, owner.accessToken);
    const created = await gql<{ createCanvas: { id: string } }>(two.url, 'mutation($i: CreateCanvasInput!) { createCanvas(input: $i) { id } }', { i: { networkId: network.data!.createNetwork.id, organisationId: org.id, title: 'Under fire' } }, owner.accessToken);
    const canvasId = created.data!.createCanvas.id;

    // Three editors on each instance; one more on instance one types, sees its acks, and vanishes.
    const clients = await Promise.all(editors.map((user, i) => CanvasTestClient.open(i % 2 === 0 ? one.url : two.url, user.accessToken, canvasId)));
    opened.push(...clients);
    await Promise.all(clients.map((c) => c.synced));
    const vanishing = await CanvasTestClient.open(one.url, editors[0]!.accessToken, canvasId);
    opened.push(vanishing);
    await vanishing.synced;
    for (let n = 0; n < 20; n += 1) vanishing.doc.getText('text').insert(0, `[gone-${n}]`);
    await vanishing.settled();
    expect(vanishing.acked.length).toBeGreaterThan(0);
    vanishing.socket.disconnect();

    // Everybody types tokens of their own; halfway, instance one dies and its editors move to two.
    const ROUNDS = 60;
    let killed = false;
    const typed = clients.map(() => [] as string[]);
    await Promise.all(
      clients.map(async (client, i) => {
        for (let n = 0; n < ROUNDS; n += 1) {
          if (!client.socket.connected) {
            for (;;) {
              try {
                await client.reconnect(two.url);
                break;
              } catch {
                await sleep(200);
              }
            }
          }
          const token = `[e${i}-${n}]`;
          const text = client.doc.getText('text');
          // Anywhere between two tokens, never inside one, so every token stays whole to count.
          const current = text.toString();
          const boundaries = [0, ...[...current].flatMap((char, k) => (char === ']' ? [k + 1] : []))];
          text.insert(boundaries[Math.floor(Math.random() * boundaries.length)]!, token);
          typed[i]!.push(token);
          if (i === 0 && n === ROUNDS / 2 && !killed) {
            killed = true;
            one.child.kill('SIGKILL');
          }
          await sleep(15);
        }
        await client.settled();
      }),
    );
    expect(killed).toBe(true);
    // Clients whose instance died resync with two (their unacknowledged edits go with the sync).
    for (const client of clients) if (!client.socket.connected) await client.reconnect(two.url);
    await Promise.all(clients.map((c) => c.settled()));
    const expected = clients[1]!.text();
    for (const client of clients) {
      const deadline = Date.now() + 15_000;
      while (client.text() !== expected && Date.now() < deadline) await sleep(100);
    }
    const texts = clients.map((c) => c.text());
    expect(new Set(texts).size).toBe(1);
    // The union of what everyone did: every token, exactly once, including the vanished client's.
    const final = texts[0]!;
    const all = [...typed.flat(), ...Array.from({ length: 20 }, (_, n) => `[gone-${n}]`)];
    const wrong = all.filter((token) => final.split(token).length - 1 !== 1);
    expect({ wrong, vanishingAcked: vanishing.acked.length, refusals: clients.map((c) => c.refusals) }).toEqual({ wrong: [], vanishingAcked: 20, refusals: clients.map(() => []) });

    // A restarted hub (a fresh process on the same database) serves exactly that.
    again = await spawnHub(env);
    const fresh = await CanvasTestClient.open(again.url, owner.accessToken, canvasId);
    opened.push(fresh);
    await fresh.synced;
    expect(fresh.text()).toBe(final);
  }, 180_000);
});
