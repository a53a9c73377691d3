import { Factory, connectSocket, gql, graphqlWsClient, nextEvent, spawnHub, subscribe, type HubProcess } from '@app/testing';

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

  it('delivers challenge activity and notifications raised on one instance to subscribers on the other', async () => {
    const make = new Factory(one.url);
    const poster = await make.user();
    const expert = await make.user();
    const posterOrg = await make.organisation(poster);
    const expertOrg = await make.organisation(expert, { kind: 'EXPERT', country: 'GR' });
    const network = await gql<{ createNetwork: { id: string } }>(one.url, 'mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }', {
      i: { organisationId: posterOrg.id, kind: 'NETWORK', name: 'Cross-instance network', countries: ['IT', 'GR'], visibility: 'PUBLIC' },
    }, poster.accessToken);
    const networkId = network.data!.createNetwork.id;
    const request = await gql<{ requestToJoinNetwork: { id: string } }>(one.url, 'mutation($i: RequestToJoinInput!) { requestToJoinNetwork(input: $i) { id } }', { i: { networkId, organisationId: expertOrg.id } }, expert.accessToken);
    await gql(one.url, 'mutation($id: ID!) { decideNetworkJoinRequest(requestId: $id, approve: true) { id } }', { id: request.data!.requestToJoinNetwork.id }, poster.accessToken);
    const posted = await gql<{ postChallenge: { id: string } }>(one.url, 'mutation($i: PostChallengeInput!) { postChallenge(input: $i) { id } }', {
      i: { networkId, organisationId: posterOrg.id, title: 'Cross-instance challenge', description: 'x', language: 'en' },
    }, poster.accessToken);
    const challengeId = posted.data!.postChallenge.id;
    await gql(one.url, 'mutation($id: ID!) { moveChallenge(challengeId: $id, to: OPEN) { id } }', { id: challengeId }, poster.accessToken);

    const client = graphqlWsClient(two.url, poster.accessToken);
    const activity = subscribe<{ challengeActivity: { kind: string } }>(client, 'subscription($id: ID!) { challengeActivity(challengeId: $id) { kind } }', { id: challengeId });
    const notifications = subscribe<{ notificationReceived: { kind: string } }>(client, 'subscription { notificationReceived { kind } }');
    await new Promise((r) => setTimeout(r, 500));
    await gql(one.url, 'mutation($i: AnswerInput!) { answerChallenge(input: $i) { id } }', { i: { challengeId, organisationId: expertOrg.id, body: 'From instance one.' } }, expert.accessToken);
    expect((await activity.next()).data?.challengeActivity).toEqual({ kind: 'ANSWER_ADDED' });
    expect((await notifications.next()).data?.notificationReceived).toEqual({ kind: 'ANSWER_ON_MY_CHALLENGE' });
    activity.dispose();
    notifications.dispose();
    await client.dispose();
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
