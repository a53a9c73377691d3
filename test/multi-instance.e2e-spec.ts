import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Factory, connectSocket, freePort, gql, graphqlWsClient, nextEvent, spawnHub, subscribe, type HubProcess } from '@app/testing';

/**
 * Two hub processes on two ports sharing one PostgreSQL and one Redis: what is raised on one instance
 * reaches clients of the other. Runs when DATABASE_URL and REDIS_URL name real servers (CI does).
 */
const DATABASE_URL = process.env.TEST_DATABASE_KIND === 'external' ? process.env.DATABASE_URL : undefined;
const REDIS_URL = process.env.REDIS_URL;
const suite = DATABASE_URL && REDIS_URL ? describe : describe.skip;

const UPDATE = 'mutation($id: ID!, $city: String!) { updateOrganisation(organisationId: $id, input: { city: $city }) { id } }';
const CHANGED = 'subscription($id: ID!) { organisationChanged(organisationId: $id) { organisationId change } }';

suite('several instances behind Redis', () => {
  let one: HubProcess;
  let two: HubProcess;

  beforeAll(async () => {
    [one, two] = await Promise.all([spawnHub({ DATABASE_URL: DATABASE_URL!, REDIS_URL: REDIS_URL! }), spawnHub({ DATABASE_URL: DATABASE_URL!, REDIS_URL: REDIS_URL! })]);
  });
  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
  });

  it('delivers a subscription event and a room emit raised on one instance to clients of the other', async () => {
    const make = new Factory(one.url);
    const owner = await make.user();
    const member = await make.user();
    const org = await make.organisation(owner);
    await make.membership(org, owner, member, 'MEMBER');

    // The member's clients are on instance two.
    const socket = await connectSocket(two.url, member.accessToken);
    expect(await socket.emitWithAck('organisation:follow', { organisationId: org.id })).toEqual({ ok: true, data: {} });
    const client = graphqlWsClient(two.url, member.accessToken);
    const sub = subscribe<{ organisationChanged: { organisationId: string; change: string } }>(client, CHANGED, { id: org.id });
    await new Promise((r) => setTimeout(r, 500));

    // The change is made through instance one.
    const viaSocket = nextEvent(socket, 'organisation:changed');
    expect((await gql(one.url, UPDATE, { id: org.id, city: 'Agrigento' }, owner.accessToken)).errors).toBeUndefined();
    expect(await viaSocket).toMatchObject({ organisationId: org.id, change: 'UPDATED' });
    expect((await sub.next()).data?.organisationChanged).toEqual({ organisationId: org.id, change: 'UPDATED' });
    sub.dispose();
    await client.dispose();
    socket.close();
  });

  it('ends a session’s sockets on every instance when it logs out on one', async () => {
    const user = await new Factory(one.url).user();
    const socket = await connectSocket(two.url, user.accessToken);
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await gql(one.url, 'mutation { logout }', {}, user.accessToken);
    expect(await disconnected).toBe('io server disconnect');
  });

  it('loses nothing acknowledged when an instance is killed', async () => {
    const make = new Factory(one.url);
    const owner = await make.user();
    const victim = await spawnHub({ DATABASE_URL: DATABASE_URL!, REDIS_URL: REDIS_URL! });
    const created = [];
    for (let i = 0; i < 5; i += 1) created.push(await make.organisation(owner, { name: `Acknowledged ${i} ${owner.id}` }));
    const lastOnVictim = await gql<{ createOrganisation: { id: string } }>(
      victim.url,
      'mutation { createOrganisation(input: { name: "Written just before the kill", kind: SME, country: "GR", city: "Athens" }) { id } }',
      {},
      owner.accessToken,
    );
    expect(lastOnVictim.data?.createOrganisation.id).toBeDefined();
    expect(await victim.stop('SIGKILL')).toBe('SIGKILL');
    const mine = await gql<{ myOrganisations: { organisation: { id: string } }[] }>(two.url, '{ myOrganisations { organisation { id } } }', {}, owner.accessToken);
    const ids = new Set(mine.data!.myOrganisations.map((m) => m.organisation.id));
    for (const org of created) expect(ids.has(org.id)).toBe(true);
    expect(ids.has(lastOnVictim.data!.createOrganisation.id)).toBe(true);
  });
});

/** A private Redis the test may restart, so the shared one is never disturbed. */
const redisBinary = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((path) => existsSync(path));
const faultSuite = DATABASE_URL && redisBinary ? describe : describe.skip;

faultSuite('a Redis restart', () => {
  let redis: ChildProcess | undefined;
  let port: number;
  const startRedis = async () => {
    redis = spawn(redisBinary!, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 500));
  };

  afterAll(() => {
    redis?.kill('SIGKILL');
  });

  it('resumes cross-instance broadcasts after Redis comes back', async () => {
    port = await freePort();
    await startRedis();
    const env = { DATABASE_URL: DATABASE_URL!, REDIS_URL: `redis://127.0.0.1:${port}` };
    const [a, b] = await Promise.all([spawnHub(env), spawnHub(env)]);
    try {
      const make = new Factory(a.url);
      const owner = await make.user();
      const org = await make.organisation(owner);
      const socket = await connectSocket(b.url, owner.accessToken);
      await socket.emitWithAck('organisation:follow', { organisationId: org.id });

      redis!.kill('SIGKILL');
      await new Promise((r) => setTimeout(r, 1000));
      await startRedis();

      // Within 10 s an update made on instance a reaches the socket on instance b again.
      const deadline = Date.now() + 10_000;
      let delivered = false;
      while (!delivered && Date.now() < deadline) {
        const event = nextEvent(socket, 'organisation:changed', 1000).then(
          () => true,
          () => false,
        );
        await gql(a.url, UPDATE, { id: org.id, city: `Tunis ${Date.now()}` }, owner.accessToken);
        delivered = await event;
      }
      expect(delivered).toBe(true);
      socket.close();
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
