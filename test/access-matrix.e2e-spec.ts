import { randomUUID } from 'node:crypto';
import { ChatTestClient, Factory, gql, graphqlWsClient, startTestHub, subscribe, type TestHub, type TestOrganisation, type TestUser } from '@app/testing';

/**
 * Every operation on networks, challenges and symbiosis listings, for every kind of caller, against a PRIVATE network:
 * anonymous, a user of an organisation outside it, a member, a network admin, and a member of the
 * posting organisation. 'OK' means allowed; any other value is the expected error code. An unexpected
 * allow fails the build; an invisible object must answer NOT_FOUND, never FORBIDDEN.
 */
const CHAT_CHANNEL = 'query($c: ID!) { chatChannel(channelId: $c) { id } }';
const CHAT_THREAD = 'query($m: ID!) { chatThread(threadRootId: $m) { root { id } } }';

type Role = 'anonymous' | 'outsider' | 'member' | 'admin' | 'poster';
const ROLES: Role[] = ['anonymous', 'outsider', 'member', 'admin', 'poster'];
type Expected = Record<Role, string>;
const row = (anonymous: string, outsider: string, member: string, admin: string, poster: string): Expected => ({ anonymous, outsider, member, admin, poster });

interface Actor {
  user: TestUser;
  org: TestOrganisation;
}

describe('access matrix for networks and challenges', () => {
  let hub: TestHub;
  let make: Factory;
  const actors = {} as Record<Exclude<Role, 'anonymous'>, Actor>;
  let network: string;

  const token = (role: Role) => (role === 'anonymous' ? undefined : actors[role].user.accessToken);
  const orgOf = (role: Role) => (role === 'anonymous' ? actors.outsider.org.id : actors[role].org.id);
  const outcome = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code ?? 'OK';

  const newChallenge = async (status: 'DRAFT' | 'OPEN' = 'OPEN') => {
    const posted = await gql<{ postChallenge: { id: string } }>(
      hub.url,
      'mutation($i: PostChallengeInput!) { postChallenge(input: $i) { id } }',
      { i: { networkId: network, organisationId: actors.poster.org.id, title: 'Private matrix challenge', description: 'Secret marble procurement', language: 'en', materials: ['marble'], levers: ['LOOP'] } },
      actors.poster.user.accessToken,
    );
    const id = posted.data!.postChallenge.id;
    if (status === 'OPEN') await gql(hub.url, 'mutation($id: ID!) { moveChallenge(challengeId: $id, to: OPEN) { id } }', { id }, actors.poster.user.accessToken);
    return id;
  };
  const newAnswer = async (challengeId: string, by: Exclude<Role, 'anonymous'> = 'admin') => {
    const answered = await gql<{ answerChallenge: { id: string } }>(
      hub.url,
      'mutation($i: AnswerInput!) { answerChallenge(input: $i) { id } }',
      { i: { challengeId, organisationId: actors[by].org.id, body: 'A proposal.' } },
      actors[by].user.accessToken,
    );
    return answered.data!.answerChallenge.id;
  };

  const newListing = async (status: 'DRAFT' | 'ACTIVE' = 'ACTIVE') => {
    const posted = await gql<{ postSymbiosisListing: { id: string } }>(
      hub.url,
      'mutation($i: PostListingInput!) { postSymbiosisListing(input: $i) { id } }',
      { i: listingInput(actors.poster.org.id) },
      actors.poster.user.accessToken,
    );
    const id = posted.data!.postSymbiosisListing.id;
    if (status === 'ACTIVE') await gql(hub.url, 'mutation($id: ID!) { moveSymbiosisListing(listingId: $id, to: ACTIVE) { id } }', { id }, actors.poster.user.accessToken);
    return id;
  };
  const listingInput = (organisationId: string) => ({
    organisationId,
    kind: 'OFFER',
    title: 'Private marble offcuts',
    description: 'Marble offcuts from a restoration site.',
    language: 'en',
    material: 'CERAMIC_TILES',
    ewcCode: '170103',
    quantity: 3,
    unit: 'TONNE',
    availableFrom: new Date(Date.now() + 60_000).toISOString(),
    city: 'Prato',
    country: 'IT',
    networkIds: [network],
  });

  beforeAll(async () => {
    hub = await startTestHub();
    make = new Factory(hub.url);
    for (const role of ['outsider', 'member', 'admin', 'poster'] as const) {
      const user = await make.user();
      actors[role] = { user, org: await make.organisation(user, { kind: 'EXPERT' }) };
    }
    const created = await gql<{ createNetwork: { id: string } }>(
      hub.url,
      'mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }',
      { i: { organisationId: actors.admin.org.id, kind: 'CLUSTER', name: 'Matrix private cluster', countries: ['IT'], visibility: 'PRIVATE' } },
      actors.admin.user.accessToken,
    );
    network = created.data!.createNetwork.id;
    for (const role of ['member', 'poster'] as const) {
      const invited = await gql<{ inviteOrganisationToNetwork: { id: string } }>(
        hub.url,
        'mutation($i: InviteOrganisationInput!) { inviteOrganisationToNetwork(input: $i) { id } }',
        { i: { networkId: network, organisationId: actors[role].org.id } },
        actors.admin.user.accessToken,
      );
      await gql(hub.url, 'mutation($id: ID!) { decideNetworkJoinRequest(requestId: $id, approve: true) { id } }', { id: invited.data!.inviteOrganisationToNetwork.id }, actors[role].user.accessToken);
    }
  });
  afterAll(() => hub.close());

  /** The network's general channel and a message in it (a thread root), made once by a member. */
  let chatFixture: { channel: string; message: string } | undefined;
  const chat = async () => {
    if (chatFixture) return chatFixture;
    const channels = await gql<{ networkChatChannels: { id: string; kind: string }[] }>(hub.url, 'query($n: ID!) { networkChatChannels(networkId: $n) { id kind } }', { n: network }, actors.member.user.accessToken);
    const channel = channels.data!.networkChatChannels.find((c) => c.kind === 'NETWORK_GENERAL')!.id;
    const sent = await gql<{ sendChatMessage: { id: string } }>(hub.url, 'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { id } }', { i: { channelId: channel, clientId: randomUUID(), body: 'Private matrix chat' } }, actors.member.user.accessToken);
    chatFixture = { channel, message: sent.data!.sendChatMessage.id };
    return chatFixture;
  };

  /** A symbiosis conversation the member's organisation started on the poster's listing, made once. */
  let conversationFixture: string | undefined;
  const conversation = async () => {
    if (conversationFixture) return conversationFixture;
    const started = await gql<{ startSymbiosisConversation: { id: string } }>(
      hub.url,
      'mutation($l: ID!, $o: ID!) { startSymbiosisConversation(listingId: $l, organisationId: $o) { id } }',
      { l: await newListing(), o: actors.member.org.id },
      actors.member.user.accessToken,
    );
    conversationFixture = started.data!.startSymbiosisConversation.id;
    return conversationFixture;
  };

  const cases: { name: string; expected: Expected; run: (role: Role) => Promise<string> }[] = [
    { name: 'network', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'OK', 'OK'), run: async (r) => outcome(await gql(hub.url, 'query($id: ID!) { network(networkId: $id) { id memberCount members(first: 5) { nodes { role } } } }', { id: network }, token(r))) },
    {
      name: 'networks lists it',
      expected: row('UNAUTHENTICATED', 'HIDDEN', 'OK', 'OK', 'OK'),
      run: async (r) => {
        const result = await gql<{ networks: { nodes: { id: string }[] } }>(hub.url, '{ networks(first: 100) { nodes { id } } }', {}, token(r));
        if (result.errors) return outcome(result);
        return result.data!.networks.nodes.some((n) => n.id === network) ? 'OK' : 'HIDDEN';
      },
    },
    { name: 'networkJoinRequests', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN', 'OK', 'FORBIDDEN'), run: async (r) => outcome(await gql(hub.url, 'query($n: ID!) { networkJoinRequests(networkId: $n) { id } }', { n: network }, token(r))) },
    { name: 'updateNetwork', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN', 'OK', 'FORBIDDEN'), run: async (r) => outcome(await gql(hub.url, 'mutation($n: ID!) { updateNetwork(networkId: $n, input: { description: "Edited" }) { id } }', { n: network }, token(r))) },
    {
      name: 'inviteOrganisationToNetwork',
      expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN', 'OK', 'FORBIDDEN'),
      run: async (r) => {
        const guest = await make.organisation(await make.user());
        return outcome(await gql(hub.url, 'mutation($i: InviteOrganisationInput!) { inviteOrganisationToNetwork(input: $i) { id } }', { i: { networkId: network, organisationId: guest.id } }, token(r)));
      },
    },
    {
      name: 'changeNetworkMemberRole',
      expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN', 'OK', 'FORBIDDEN'),
      run: async (r) => outcome(await gql(hub.url, 'mutation($n: ID!, $o: ID!) { changeNetworkMemberRole(networkId: $n, organisationId: $o, role: MEMBER) }', { n: network, o: actors.member.org.id }, token(r))),
    },
    { name: 'postChallenge (own organisation)', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'OK', 'OK'), run: async (r) => outcome(await gql(hub.url, 'mutation($i: PostChallengeInput!) { postChallenge(input: $i) { id } }', { i: { networkId: network, organisationId: orgOf(r), title: 'Matrix post', description: 'x', language: 'en' } }, token(r))) },
    { name: 'challenge (open)', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'OK', 'OK'), run: async (r) => outcome(await gql(hub.url, 'query($id: ID!) { challenge(challengeId: $id) { id transitions { to } answers(first: 5) { nodes { id } } } }', { id: await newChallenge() }, token(r))) },
    { name: 'challenge (draft)', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'OK'), run: async (r) => outcome(await gql(hub.url, 'query($id: ID!) { challenge(challengeId: $id) { id } }', { id: await newChallenge('DRAFT') }, token(r))) },
    {
      name: 'challenges feed and search show it',
      expected: row('UNAUTHENTICATED', 'HIDDEN', 'OK', 'OK', 'OK'),
      run: async (r) => {
        const id = await newChallenge();
        const feed = await gql<{ a: { nodes: { id: string }[] }; b: { nodes: { id: string }[] } }>(hub.url, '{ a: challenges(first: 100) { nodes { id } } b: challenges(first: 100, filter: { search: "marble" }) { nodes { id } } }', {}, token(r));
        if (feed.errors) return outcome(feed);
        const seen = [feed.data!.a.nodes.some((n) => n.id === id), feed.data!.b.nodes.some((n) => n.id === id)];
        return seen.every(Boolean) ? 'OK' : seen.some(Boolean) ? 'PARTLY' : 'HIDDEN';
      },
    },
    { name: 'suggestedExperts', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'OK', 'OK'), run: async (r) => outcome(await gql(hub.url, 'query($id: ID!) { suggestedExperts(challengeId: $id) { score } }', { id: await newChallenge() }, token(r))) },
    { name: 'moveChallenge to IN_PROGRESS', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'OK'), run: async (r) => outcome(await gql(hub.url, 'mutation($id: ID!) { moveChallenge(challengeId: $id, to: IN_PROGRESS) { id } }', { id: await newChallenge() }, token(r))) },
    { name: 'moveChallenge to CLOSED', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN', 'OK', 'OK'), run: async (r) => outcome(await gql(hub.url, 'mutation($id: ID!) { moveChallenge(challengeId: $id, to: CLOSED) { id } }', { id: await newChallenge() }, token(r))) },
    { name: 'updateChallenge', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'OK'), run: async (r) => outcome(await gql(hub.url, 'mutation($id: ID!) { updateChallenge(challengeId: $id, input: { title: "Edited title" }) { id } }', { id: await newChallenge() }, token(r))) },
    { name: 'answerChallenge (own organisation)', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'OK', 'OK'), run: async (r) => outcome(await gql(hub.url, 'mutation($i: AnswerInput!) { answerChallenge(input: $i) { id } }', { i: { challengeId: await newChallenge(), organisationId: orgOf(r), body: 'Idea' } }, token(r))) },
    { name: 'voteOnAnswer (answer by the admin)', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'FORBIDDEN', 'OK'), run: async (r) => outcome(await gql(hub.url, 'mutation($id: ID!) { voteOnAnswer(answerId: $id, value: 1) { score } }', { id: await newAnswer(await newChallenge()) }, token(r))) },
    { name: 'commentOnAnswer', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'OK', 'OK'), run: async (r) => outcome(await gql(hub.url, 'mutation($id: ID!) { commentOnAnswer(answerId: $id, body: "Why?") { id } }', { id: await newAnswer(await newChallenge()) }, token(r))) },
    { name: 'acceptAnswer', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'OK'), run: async (r) => outcome(await gql(hub.url, 'mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }', { id: await newAnswer(await newChallenge(), 'member') }, token(r))) },
    { name: 'followChallenge', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'OK', 'OK'), run: async (r) => outcome(await gql(hub.url, 'mutation($id: ID!) { followChallenge(challengeId: $id, follow: true) { viewerFollows } }', { id: await newChallenge() }, token(r))) },
    { name: 'postSymbiosisListing (own organisation)', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'OK', 'OK'), run: async (r) => outcome(await gql(hub.url, 'mutation($i: PostListingInput!) { postSymbiosisListing(input: $i) { id } }', { i: listingInput(orgOf(r)) }, token(r))) },
    { name: 'symbiosisListing (active)', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'OK', 'OK'), run: async (r) => outcome(await gql(hub.url, 'query($id: ID!) { symbiosisListing(listingId: $id) { id networkIds } }', { id: await newListing() }, token(r))) },
    { name: 'symbiosisListing (draft)', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'OK'), run: async (r) => outcome(await gql(hub.url, 'query($id: ID!) { symbiosisListing(listingId: $id) { id } }', { id: await newListing('DRAFT') }, token(r))) },
    {
      name: 'symbiosisListings list and search show it',
      expected: row('UNAUTHENTICATED', 'HIDDEN', 'OK', 'OK', 'OK'),
      run: async (r) => {
        const id = await newListing();
        const feed = await gql<{ a: { nodes: { id: string }[] }; b: { nodes: { id: string }[] } }>(hub.url, '{ a: symbiosisListings(first: 100) { nodes { id } } b: symbiosisListings(first: 100, filter: { search: "marble" }) { nodes { id } } }', {}, token(r));
        if (feed.errors) return outcome(feed);
        const seen = [feed.data!.a.nodes.some((n) => n.id === id), feed.data!.b.nodes.some((n) => n.id === id)];
        return seen.every(Boolean) ? 'OK' : seen.some(Boolean) ? 'PARTLY' : 'HIDDEN';
      },
    },
    { name: 'updateSymbiosisListing', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'OK'), run: async (r) => outcome(await gql(hub.url, 'mutation($id: ID!) { updateSymbiosisListing(listingId: $id, input: { title: "Edited listing" }) { id } }', { id: await newListing() }, token(r))) },
    { name: 'moveSymbiosisListing to WITHDRAWN', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'OK'), run: async (r) => outcome(await gql(hub.url, 'mutation($id: ID!) { moveSymbiosisListing(listingId: $id, to: WITHDRAWN) { id } }', { id: await newListing() }, token(r))) },
    { name: 'symbiosisCandidates', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'OK'), run: async (r) => outcome(await gql(hub.url, 'query($id: ID!) { symbiosisCandidates(listingId: $id) { score } }', { id: await newListing() }, token(r))) },
    {
      name: 'proposeSymbiosisExchange (own organisation)',
      expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'OK', 'BAD_USER_INPUT'),
      run: async (r) => outcome(await gql(hub.url, 'mutation($i: ProposeExchangeInput!) { proposeSymbiosisExchange(input: $i) { id } }', { i: { listingId: await newListing(), organisationId: orgOf(r), quantity: 1, proposedDate: new Date(Date.now() + 86_400_000).toISOString() } }, token(r))),
    },
    {
      name: 'startSymbiosisConversation (own organisation)',
      expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'OK', 'BAD_USER_INPUT'),
      run: async (r) => outcome(await gql(hub.url, 'mutation($l: ID!, $o: ID!) { startSymbiosisConversation(listingId: $l, organisationId: $o) { id } }', { l: await newListing(), o: orgOf(r) }, token(r))),
    },
    // A symbiosis conversation is the two organisations' alone: even a network admin of a third one is told it does not exist.
    { name: 'chatMessages of a symbiosis conversation', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'NOT_FOUND', 'OK'), run: async (r) => outcome(await gql(hub.url, 'query($c: ID!) { chatMessages(channelId: $c) { messages { id } } }', { c: await conversation() }, token(r))) },
    {
      name: 'sendChatMessage in a symbiosis conversation',
      expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'NOT_FOUND', 'OK'),
      run: async (r) => outcome(await gql(hub.url, 'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { id } }', { i: { channelId: await conversation(), clientId: randomUUID(), body: 'About the marble' } }, token(r))),
    },
    { name: 'symbiosisImpact', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'OK', 'OK'), run: async (r) => outcome(await gql(hub.url, 'query($n: ID!) { symbiosisImpact(networkId: $n) { exchanges } }', { n: network }, token(r))) },
    // Chat of a private network: an outsider is told it does not exist, like everything else of it.
    { name: 'networkChatChannels', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'OK', 'OK'), run: async (r) => outcome(await gql(hub.url, 'query($n: ID!) { networkChatChannels(networkId: $n) { id } }', { n: network }, token(r))) },
    { name: 'chatChannel', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'OK', 'OK'), run: async (r) => outcome(await gql(hub.url, CHAT_CHANNEL, { c: (await chat()).channel }, token(r))) },
    { name: 'chatMessages', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'OK', 'OK'), run: async (r) => outcome(await gql(hub.url, 'query($c: ID!) { chatMessages(channelId: $c) { messages { id body } } }', { c: (await chat()).channel }, token(r))) },
    { name: 'chatThread', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'OK', 'OK'), run: async (r) => outcome(await gql(hub.url, CHAT_THREAD, { m: (await chat()).message }, token(r))) },
    { name: 'searchChatMessages in the channel', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'OK', 'OK'), run: async (r) => outcome(await gql(hub.url, 'query($c: ID!) { searchChatMessages(query: "matrix", channelId: $c) { nodes { id } } }', { c: (await chat()).channel }, token(r))) },
    {
      name: 'sendChatMessage',
      expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'OK', 'OK'),
      run: async (r) => outcome(await gql(hub.url, 'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { id } }', { i: { channelId: (await chat()).channel, clientId: randomUUID(), body: 'Hello' } }, token(r))),
    },
    {
      name: 'sendChatMessage as a thread reply',
      expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'OK', 'OK', 'OK'),
      run: async (r) => {
        const { channel, message } = await chat();
        return outcome(await gql(hub.url, 'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { id } }', { i: { channelId: channel, clientId: randomUUID(), body: 'Reply', threadRootId: message } }, token(r)));
      },
    },
    { name: 'challengeChatChannel', expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'OK'), run: async (r) => outcome(await gql(hub.url, 'query($c: ID!) { challengeChatChannel(challengeId: $c) { id } }', { c: await newChallenge() }, token(r))) },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const actual = {} as Record<Role, string>;
    for (const role of ROLES) actual[role] = await testCase.run(role);
    expect(actual).toEqual(testCase.expected);
  });

  it('chat over the socket: an outsider joining or writing to a private network channel gets NOT_FOUND', async () => {
    const { channel, message } = await chat();
    const outsider = await ChatTestClient.connect(hub.url, actors.outsider.user.accessToken);
    const member = await ChatTestClient.connect(hub.url, actors.member.user.accessToken);
    try {
      const attempts = {
        join: await outsider.request('chat:join', { channelId: channel }),
        send: await outsider.send(channel, randomUUID(), 'Let me in'),
        reply: await outsider.send(channel, randomUUID(), 'Let me in', { threadRootId: message }),
        read: await outsider.request('chat:read', { channelId: channel, seq: 1 }),
        react: await outsider.request('chat:react', { messageId: message, emoji: '👍' }),
      };
      const codes = Object.fromEntries(Object.entries(attempts).map(([what, ack]) => [what, ack.ok ? 'OK' : ack.error.code]));
      expect(codes).toEqual({ join: 'NOT_FOUND', send: 'NOT_FOUND', reply: 'NOT_FOUND', read: 'NOT_FOUND', react: 'NOT_FOUND' });
      expect((await member.join(channel)).ok).toBe(true);
    } finally {
      outsider.close();
      member.close();
    }
  });

  it('subscriptions: nothing for callers who may not see the network', async () => {
    const challengeId = await newChallenge();
    for (const [query, variables] of [
      ['subscription($id: ID!) { challengeActivity(challengeId: $id) { kind } }', { id: challengeId }],
      ['subscription($n: ID!) { networkActivity(networkId: $n) { kind } }', { n: network }],
    ] as const) {
      const outsider = graphqlWsClient(hub.url, actors.outsider.user.accessToken);
      const refused = subscribe(outsider, query, variables);
      expect(JSON.stringify((await refused.next()).errors)).toContain('NOT_FOUND');
      await outsider.dispose();
    }
  });
});
