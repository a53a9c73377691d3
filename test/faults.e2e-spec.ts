import { Factory, PrivatePostgres, PrivateRedis, connectSocket, gql, nextEvent, privatePostgresAvailable, privateRedisAvailable, spawnHub, type HubProcess } from '@app/testing';

/**
 * Faults on private servers the test owns: restarting them disturbs nothing else. Each fault must lose
 * nothing that was acknowledged, and the hub must recover on its own.
 */
const UPDATE = 'mutation($id: ID!, $city: String!) { updateOrganisation(organisationId: $id, input: { city: $city }) { id } }';
const CREATE = 'mutation($name: String!) { createOrganisation(input: { name: $name, kind: SME, country: "IT", city: "Prato" }) { id } }';
const MINE = '{ myOrganisations { organisation { id name } } }';

async function until<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

(privatePostgresAvailable ? describe : describe.skip)('a PostgreSQL restart', () => {
  let postgres: PrivatePostgres;
  let hub: HubProcess;

  beforeAll(async () => {
    postgres = await PrivatePostgres.start();
    hub = await spawnHub({ DATABASE_URL: postgres.url, REDIS_URL: '' });
  });
  afterAll(async () => {
    await hub?.stop();
    postgres?.destroy();
  });

  it('keeps every acknowledged write through a crash, answers SERVICE_UNAVAILABLE meanwhile, and recovers', async () => {
    const make = new Factory(hub.url);
    const owner = await make.user();
    const acknowledged: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const created = await gql<{ createOrganisation: { id: string } }>(hub.url, CREATE, { name: `Before crash ${i}` }, owner.accessToken);
      acknowledged.push(created.data!.createOrganisation.id);
    }

    postgres.stop('immediate');
    const during = await gql(hub.url, CREATE, { name: 'While down' }, owner.accessToken);
    expect(during.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect((await fetch(`${hub.url}/health/ready`)).status).toBe(503);
    expect((await fetch(`${hub.url}/health/live`)).status).toBe(200);

    postgres.start();
    await until('readiness', async () => ((await fetch(`${hub.url}/health/ready`)).status === 200 ? true : undefined));
    const after = await until('a successful query', async () => {
      const result = await gql<{ myOrganisations: { organisation: { id: string; name: string } }[] }>(hub.url, MINE, {}, owner.accessToken);
      return result.data ? result.data.myOrganisations : undefined;
    });
    const ids = new Set(after.map((m) => m.organisation.id));
    for (const id of acknowledged) expect(ids.has(id)).toBe(true);
    // The refused write was not half-done.
    expect(after.some((m) => m.organisation.name === 'While down')).toBe(false);
    const again = await gql(hub.url, CREATE, { name: 'After restart' }, owner.accessToken);
    expect(again.errors).toBeUndefined();
  });
});

(privatePostgresAvailable && privateRedisAvailable ? describe : describe.skip)('a Redis restart', () => {
  let postgres: PrivatePostgres;
  let redis: PrivateRedis;
  let a: HubProcess;
  let b: HubProcess;

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([PrivatePostgres.start(), PrivateRedis.start()]);
    a = await spawnHub({ DATABASE_URL: postgres.url, REDIS_URL: redis.url });
    b = await spawnHub({ DATABASE_URL: postgres.url, REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    redis?.kill();
    postgres?.destroy();
  });

  it('resumes cross-instance broadcasts within 10 s after Redis comes back', async () => {
    const make = new Factory(a.url);
    const owner = await make.user();
    const org = await make.organisation(owner);
    const socket = await connectSocket(b.url, owner.accessToken);
    await socket.emitWithAck('organisation:follow', { organisationId: org.id });

    await redis.restart();

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
    // Writes made while Redis was away were committed all the same: PostgreSQL is the record.
    const mine = await gql<{ organisation: { city: string } }>(a.url, 'query($id: ID!) { organisation(organisationId: $id) { city } }', { id: org.id }, owner.accessToken);
    expect(mine.data?.organisation.city).toMatch(/^Tunis /);
    socket.close();
  });
});
