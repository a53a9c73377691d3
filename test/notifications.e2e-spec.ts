import { Factory, errorCode, gql, graphqlWsClient, startTestHub, subscribe, untilSubscribed, type TestHub, type TestOrganisation, type TestUser } from '@app/testing';
import { Topics } from '@api/platform/realtime/topics.js';

const LIST = `query($unread: Boolean, $after: String) { notifications(first: 2, unreadOnly: $unread, after: $after) { nodes { id kind title challengeId readAt } pageInfo { endCursor hasNextPage } } unreadNotificationCount }`;

interface Actor {
  user: TestUser;
  org: TestOrganisation;
}

describe('notifications', () => {
  let hub: TestHub;
  let make: Factory;
  let poster: Actor, expert: Actor, follower: Actor, admin: Actor;
  let network: string;

  const actor = async (): Promise<Actor> => {
    const user = await make.user();
    return { user, org: await make.organisation(user) };
  };

  beforeAll(async () => {
    hub = await startTestHub();
    make = new Factory(hub.url);
    [admin, poster, expert, follower] = [await actor(), await actor(), await actor(), await actor()];
    const created = await gql<{ createNetwork: { id: string } }>(hub.url, `mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }`, { i: { organisationId: admin.org.id, kind: 'NETWORK', name: 'Notified network', countries: ['IT'], visibility: 'PUBLIC' } }, admin.user.accessToken);
    network = created.data!.createNetwork.id;
  });
  afterAll(() => hub.close());

  it('stores, lists, counts, marks read and pushes what concerns each user', async () => {
    // A join request decided: the requesting organisation's managers hear of it.
    const request = await gql<{ requestToJoinNetwork: { id: string } }>(hub.url, `mutation($i: RequestToJoinInput!) { requestToJoinNetwork(input: $i) { id } }`, { i: { networkId: network, organisationId: poster.org.id } }, poster.user.accessToken);
    await gql(hub.url, `mutation($id: ID!) { decideNetworkJoinRequest(requestId: $id, approve: true) { id } }`, { id: request.data!.requestToJoinNetwork.id }, admin.user.accessToken);
    for (const who of [expert, follower]) {
      const r = await gql<{ requestToJoinNetwork: { id: string } }>(hub.url, `mutation($i: RequestToJoinInput!) { requestToJoinNetwork(input: $i) { id } }`, { i: { networkId: network, organisationId: who.org.id } }, who.user.accessToken);
      await gql(hub.url, `mutation($id: ID!) { decideNetworkJoinRequest(requestId: $id, approve: true) { id } }`, { id: r.data!.requestToJoinNetwork.id }, admin.user.accessToken);
    }

    const posted = await gql<{ postChallenge: { id: string } }>(hub.url, `mutation($i: PostChallengeInput!) { postChallenge(input: $i) { id } }`, { i: { networkId: network, organisationId: poster.org.id, title: 'Glass offcuts from mosaics', description: 'x', language: 'en' } }, poster.user.accessToken);
    const challengeId = posted.data!.postChallenge.id;
    await gql(hub.url, `mutation($id: ID!) { moveChallenge(challengeId: $id, to: OPEN) { id } }`, { id: challengeId }, poster.user.accessToken);
    await gql(hub.url, `mutation($id: ID!) { followChallenge(challengeId: $id, follow: true) { id } }`, { id: challengeId }, follower.user.accessToken);

    const live = graphqlWsClient(hub.url, poster.user.accessToken);
    const pushed = subscribe<{ notificationReceived: { kind: string; challengeId: string } }>(live, 'subscription { notificationReceived { kind challengeId } }');
    await untilSubscribed(hub, Topics.notificationReceived(poster.user.id));
    const answer = await gql<{ answerChallenge: { id: string } }>(hub.url, `mutation($i: AnswerInput!) { answerChallenge(input: $i) { id } }`, { i: { challengeId, organisationId: expert.org.id, body: 'Grind them into terrazzo.' } }, expert.user.accessToken);
    expect((await pushed.next()).data?.notificationReceived).toEqual({ kind: 'ANSWER_ON_MY_CHALLENGE', challengeId });
    pushed.dispose();
    await live.dispose();
    await gql(hub.url, `mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }`, { id: answer.data!.answerChallenge.id }, poster.user.accessToken);

    const waitFor = async (user: TestUser, kind: string) => {
      for (let i = 0; i < 40; i += 1) {
        const list = await gql<{ notifications: { nodes: { kind: string }[] } }>(hub.url, LIST, { unread: true }, user.accessToken);
        if (list.data?.notifications.nodes.some((n) => n.kind === kind)) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no ${kind} notification`);
    };
    await waitFor(follower.user, 'ANSWER_ON_FOLLOWED_CHALLENGE');
    await waitFor(expert.user, 'ANSWER_ACCEPTED');

    // The poster: JOIN_REQUEST_DECIDED then ANSWER_ON_MY_CHALLENGE; paged two at a time.
    const mine = await gql<{ notifications: { nodes: { id: string; kind: string; readAt: string | null }[]; pageInfo: { hasNextPage: boolean } }; unreadNotificationCount: number }>(hub.url, LIST, {}, poster.user.accessToken);
    expect(mine.data?.notifications.nodes.map((n) => n.kind)).toEqual(['ANSWER_ON_MY_CHALLENGE', 'JOIN_REQUEST_DECIDED']);
    expect(mine.data?.unreadNotificationCount).toBe(2);
    // The actor is never notified of their own act.
    const expertList = await gql<{ notifications: { nodes: { kind: string }[] } }>(hub.url, LIST, {}, expert.user.accessToken);
    expect(expertList.data?.notifications.nodes.map((n) => n.kind)).not.toContain('ANSWER_ON_MY_CHALLENGE');

    const first = mine.data!.notifications.nodes[0]!.id;
    expect((await gql<{ markNotificationsRead: number }>(hub.url, 'mutation($ids: [ID!]) { markNotificationsRead(notificationIds: $ids) }', { ids: [first] }, poster.user.accessToken)).data?.markNotificationsRead).toBe(1);
    // Someone else's notification cannot be marked.
    expect((await gql<{ markNotificationsRead: number }>(hub.url, 'mutation($ids: [ID!]) { markNotificationsRead(notificationIds: $ids) }', { ids: [first] }, expert.user.accessToken)).data?.markNotificationsRead).toBe(0);
    const unread = await gql<{ notifications: { nodes: { kind: string }[] }; unreadNotificationCount: number }>(hub.url, LIST, { unread: true }, poster.user.accessToken);
    expect(unread.data?.notifications.nodes.map((n) => n.kind)).toEqual(['JOIN_REQUEST_DECIDED']);
    expect(unread.data?.unreadNotificationCount).toBe(1);
    expect((await gql<{ markNotificationsRead: number }>(hub.url, 'mutation { markNotificationsRead }', {}, poster.user.accessToken)).data?.markNotificationsRead).toBe(1);
    expect(errorCode(await gql(hub.url, 'mutation($ids: [ID!]) { markNotificationsRead(notificationIds: $ids) }', { ids: ['nope'] }, poster.user.accessToken))).toBe('BAD_USER_INPUT');
  });
});
