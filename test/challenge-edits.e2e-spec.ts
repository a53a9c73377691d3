import type { PubSubEngine } from 'graphql-subscriptions';
import type { Client } from 'graphql-ws';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import { Topics } from '@api/platform/realtime/topics.js';
import { Factory, errorCode, gql, graphqlWsClient, startTestHub, type TestHub, type TestOrganisation, type TestUser } from '@app/testing';

/**
 * Authors edit and delete their own answers and comments, and a posting organisation deletes its
 * drafts: who may, until when, and what subscribers and notifications see afterwards.
 */

const POST = `mutation($i: PostChallengeInput!) { postChallenge(input: $i) { id } }`;
const MOVE = `mutation($id: ID!, $to: ChallengeStatus!) { moveChallenge(challengeId: $id, to: $to) { id status } }`;
const ANSWER = `mutation($i: AnswerInput!) { answerChallenge(input: $i) { id } }`;
const EDIT_ANSWER = `mutation($id: ID!, $i: EditAnswerInput!) { editAnswer(answerId: $id, input: $i) { id body levers effortEstimate } }`;
const DELETE_ANSWER = `mutation($id: ID!) { deleteAnswer(answerId: $id) }`;
const ACCEPT = `mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }`;
const VOTE = `mutation($id: ID!, $v: Int!) { voteOnAnswer(answerId: $id, value: $v) { score } }`;
const COMMENT = `mutation($id: ID!, $b: String!) { commentOnAnswer(answerId: $id, body: $b) { id } }`;
const EDIT_COMMENT = `mutation($id: ID!, $b: String!) { editAnswerComment(commentId: $id, body: $b) { id body } }`;
const DELETE_COMMENT = `mutation($id: ID!) { deleteAnswerComment(commentId: $id) }`;
const DELETE_CHALLENGE = `mutation($id: ID!) { deleteChallenge(challengeId: $id) }`;
const CHALLENGE = `query($id: ID!) { challenge(challengeId: $id) { id answerCount voteScore answers(first: 10) { nodes { id body comments { id body } } } } }`;
const ACTIVITY = 'subscription($id: ID!) { challengeActivity(challengeId: $id) { kind answerId commentId } }';

interface Actor {
  user: TestUser;
  org: TestOrganisation;
}
/** Polls `condition` until it holds (10 s at most); polling, not a fixed sleep. */
async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
type Activity = { kind: string; answerId: string | null; commentId: string | null };

describe('editing and deleting answers, comments and draft challenges', () => {
  let hub: TestHub;
  let make: Factory;
  let admin: Actor, poster: Actor, expert: Actor;
  /** A second member of the expert's organisation: same organisation, not the author. */
  let colleague: TestUser;
  let network: string;
  const clients: Client[] = [];

  const actor = async (): Promise<Actor> => {
    const user = await make.user();
    return { user, org: await make.organisation(user) };
  };
  const ok = async <T>(result: Promise<{ data?: T | null; errors?: unknown }>): Promise<T> => {
    const answer = await result;
    if (!answer.data) throw new Error(JSON.stringify(answer.errors));
    return answer.data;
  };
  const openChallenge = async () => {
    const id = (await ok(gql<{ postChallenge: { id: string } }>(hub.url, POST, { i: { networkId: network, organisationId: poster.org.id, title: 'Edits and deletions', description: 'x', language: 'en' } }, poster.user.accessToken))).postChallenge.id;
    await ok(gql(hub.url, MOVE, { id, to: 'OPEN' }, poster.user.accessToken));
    return id;
  };
  const answer = async (challengeId: string, body = 'First idea') =>
    (await ok(gql<{ answerChallenge: { id: string } }>(hub.url, ANSWER, { i: { challengeId, organisationId: expert.org.id, body } }, expert.user.accessToken))).answerChallenge.id;

  /**
   * A challengeActivity subscription that is known to be live: priming events are published on the
   * challenge's topic until one arrives, so no event of the test can be missed; primes are skipped.
   * A prime is a valid activity (the kind is an enum) marked by an answer id no answer has.
   */
  const PRIME = '00000000-0000-4000-8000-00000000feed';
  const liveActivity = async (who: TestUser, challengeId: string) => {
    const client = graphqlWsClient(hub.url, who.accessToken);
    clients.push(client);
    const received: Activity[] = [];
    const failures: unknown[] = [];
    client.subscribe<{ challengeActivity: Activity }>(
      { query: ACTIVITY, variables: { id: challengeId } },
      {
        next: (value) => (value.data ? received.push(value.data.challengeActivity) : failures.push(value.errors)),
        error: (error) => failures.push(error),
        complete: () => undefined,
      },
    );
    const pubSub = hub.hub.app.get<PubSubEngine>(PUB_SUB, { strict: false });
    const prime = () =>
      pubSub.publish(Topics.challengeActivity(challengeId), { challengeActivity: { challengeId, kind: 'STATUS_CHANGED', answerId: PRIME, commentId: null, score: null, status: null, at: new Date().toISOString() } });
    await until(async () => {
      if (failures.length > 0) throw new Error(JSON.stringify(failures));
      await prime();
      return received.length > 0;
    });
    return {
      /** The next activity that is not a prime, waiting for it. */
      async next(): Promise<Activity> {
        await until(async () => {
          while (received[0]?.answerId === PRIME) received.shift();
          return received.length > 0;
        });
        return received.shift()!;
      },
    };
  };

  beforeAll(async () => {
    hub = await startTestHub();
    make = new Factory(hub.url);
    [admin, poster, expert] = [await actor(), await actor(), await actor()];
    colleague = await make.user();
    await make.membership(expert.org, expert.user, colleague, 'ADMIN');
    network = (await ok(gql<{ createNetwork: { id: string } }>(hub.url, 'mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }', { i: { organisationId: admin.org.id, kind: 'NETWORK', name: 'Edits network', countries: ['IT'], visibility: 'PUBLIC' } }, admin.user.accessToken))).createNetwork.id;
    for (const who of [poster, expert]) {
      const req = await ok(gql<{ requestToJoinNetwork: { id: string } }>(hub.url, 'mutation($i: RequestToJoinInput!) { requestToJoinNetwork(input: $i) { id } }', { i: { networkId: network, organisationId: who.org.id } }, who.user.accessToken));
      await ok(gql(hub.url, 'mutation($id: ID!) { decideNetworkJoinRequest(requestId: $id, approve: true) { id } }', { id: req.requestToJoinNetwork.id }, admin.user.accessToken));
    }
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await hub.close();
  });

  it('lets only the author edit an answer, while the challenge takes answers and the answer is not accepted', async () => {
    const challengeId = await openChallenge();
    const answerId = await answer(challengeId);
    const activity = await liveActivity(poster.user, challengeId);

    for (const who of [colleague, poster.user, admin.user]) expect(errorCode(await gql(hub.url, EDIT_ANSWER, { id: answerId, i: { body: 'Hijacked' } }, who.accessToken))).toBe('FORBIDDEN');
    const edited = await ok(gql<{ editAnswer: { id: string; body: string; levers: string[]; effortEstimate: string | null } }>(hub.url, EDIT_ANSWER, { id: answerId, i: { body: 'Better idea', levers: ['LOOP'], effortEstimate: ' 2 weeks ' } }, expert.user.accessToken));
    expect(edited.editAnswer).toEqual({ id: answerId, body: 'Better idea', levers: ['LOOP'], effortEstimate: '2 weeks' });
    expect(await activity.next()).toEqual({ kind: 'ANSWER_EDITED', answerId, commentId: null });

    await ok(gql(hub.url, ACCEPT, { id: answerId }, poster.user.accessToken));
    expect(await activity.next()).toMatchObject({ kind: 'ANSWER_ACCEPTED' });
    expect(errorCode(await gql(hub.url, EDIT_ANSWER, { id: answerId, i: { body: 'After acceptance' } }, expert.user.accessToken))).toBe('CONFLICT');

    const second = await answer(challengeId, 'Second idea');
    await ok(gql(hub.url, MOVE, { id: challengeId, to: 'CLOSED' }, poster.user.accessToken));
    expect(errorCode(await gql(hub.url, EDIT_ANSWER, { id: second, i: { body: 'After closing' } }, expert.user.accessToken))).toBe('CONFLICT');
    expect(errorCode(await gql(hub.url, EDIT_ANSWER, { id: '00000000-0000-4000-8000-000000000000', i: { body: 'x' } }, expert.user.accessToken))).toBe('NOT_FOUND');
    const stored = await ok(gql<{ challenge: { answers: { nodes: { id: string; body: string }[] } } }>(hub.url, CHALLENGE, { id: challengeId }, poster.user.accessToken));
    expect(stored.challenge.answers.nodes.map((a) => a.body)).toEqual(['Better idea', 'Second idea']);
  });

  it('lets only the author delete an answer (not an accepted one), with its votes, comments and notifications', async () => {
    const challengeId = await openChallenge();
    const answerId = await answer(challengeId);
    const kept = await answer(challengeId, 'Kept');
    await ok(gql(hub.url, VOTE, { id: answerId, v: 1 }, poster.user.accessToken));
    await ok(gql(hub.url, VOTE, { id: kept, v: 1 }, poster.user.accessToken));
    await ok(gql(hub.url, COMMENT, { id: answerId, b: 'Why?' }, poster.user.accessToken));
    const notified = async () => {
      const list = await ok(gql<{ notifications: { nodes: { answerId: string | null }[] } }>(hub.url, '{ notifications(first: 100) { nodes { answerId } } }', {}, poster.user.accessToken));
      return list.notifications.nodes.filter((n) => n.answerId === answerId).length;
    };
    expect(await notified()).toBe(1);
    const activity = await liveActivity(poster.user, challengeId);

    for (const who of [colleague, poster.user, admin.user]) expect(errorCode(await gql(hub.url, DELETE_ANSWER, { id: answerId }, who.accessToken))).toBe('FORBIDDEN');
    expect((await ok(gql<{ deleteAnswer: string }>(hub.url, DELETE_ANSWER, { id: answerId }, expert.user.accessToken))).deleteAnswer).toBe(answerId);
    expect(await activity.next()).toEqual({ kind: 'ANSWER_DELETED', answerId, commentId: null });

    const after = await ok(gql<{ challenge: { answerCount: number; voteScore: number; answers: { nodes: { id: string }[] } } }>(hub.url, CHALLENGE, { id: challengeId }, poster.user.accessToken));
    expect({ count: after.challenge.answerCount, score: after.challenge.voteScore, ids: after.challenge.answers.nodes.map((a) => a.id) }).toEqual({ count: 1, score: 1, ids: [kept] });
    expect(await notified()).toBe(0);
    expect(errorCode(await gql(hub.url, DELETE_ANSWER, { id: answerId }, expert.user.accessToken))).toBe('NOT_FOUND');

    await ok(gql(hub.url, ACCEPT, { id: kept }, poster.user.accessToken));
    expect(errorCode(await gql(hub.url, DELETE_ANSWER, { id: kept }, expert.user.accessToken))).toBe('CONFLICT');
  });

  it('lets only the author edit or delete a comment, and tells subscribers which comment', async () => {
    const challengeId = await openChallenge();
    const answerId = await answer(challengeId);
    const commentId = (await ok(gql<{ commentOnAnswer: { id: string } }>(hub.url, COMMENT, { id: answerId, b: 'Which dyes?' }, poster.user.accessToken))).commentOnAnswer.id;
    const activity = await liveActivity(expert.user, challengeId);

    for (const who of [expert.user, admin.user]) {
      expect(errorCode(await gql(hub.url, EDIT_COMMENT, { id: commentId, b: 'Hijacked' }, who.accessToken))).toBe('FORBIDDEN');
      expect(errorCode(await gql(hub.url, DELETE_COMMENT, { id: commentId }, who.accessToken))).toBe('FORBIDDEN');
    }
    expect((await ok(gql<{ editAnswerComment: { body: string } }>(hub.url, EDIT_COMMENT, { id: commentId, b: 'Which mordants?' }, poster.user.accessToken))).editAnswerComment.body).toBe('Which mordants?');
    expect(await activity.next()).toEqual({ kind: 'COMMENT_EDITED', answerId, commentId });
    expect(errorCode(await gql(hub.url, EDIT_COMMENT, { id: commentId, b: '' }, poster.user.accessToken))).toBe('BAD_USER_INPUT');

    expect((await ok(gql<{ deleteAnswerComment: string }>(hub.url, DELETE_COMMENT, { id: commentId }, poster.user.accessToken))).deleteAnswerComment).toBe(commentId);
    expect(await activity.next()).toEqual({ kind: 'COMMENT_DELETED', answerId, commentId });
    const after = await ok(gql<{ challenge: { answers: { nodes: { comments: unknown[] }[] } } }>(hub.url, CHALLENGE, { id: challengeId }, poster.user.accessToken));
    expect(after.challenge.answers.nodes[0]!.comments).toEqual([]);
    expect(errorCode(await gql(hub.url, DELETE_COMMENT, { id: commentId }, poster.user.accessToken))).toBe('NOT_FOUND');
  });

  it('lets the posting organisation delete a draft, and only a draft', async () => {
    const draft = (await ok(gql<{ postChallenge: { id: string } }>(hub.url, POST, { i: { networkId: network, organisationId: poster.org.id, title: 'A draft to delete', description: 'x', language: 'en' } }, poster.user.accessToken))).postChallenge.id;
    // Others do not see a draft at all.
    for (const who of [expert.user, admin.user]) expect(errorCode(await gql(hub.url, DELETE_CHALLENGE, { id: draft }, who.accessToken))).toBe('NOT_FOUND');
    const activity = await liveActivity(poster.user, draft);
    expect((await ok(gql<{ deleteChallenge: string }>(hub.url, DELETE_CHALLENGE, { id: draft }, poster.user.accessToken))).deleteChallenge).toBe(draft);
    expect(await activity.next()).toEqual({ kind: 'CHALLENGE_DELETED', answerId: null, commentId: null });
    expect(errorCode(await gql(hub.url, 'query($id: ID!) { challenge(challengeId: $id) { id } }', { id: draft }, poster.user.accessToken))).toBe('NOT_FOUND');

    const opened = await openChallenge();
    const refused = await gql(hub.url, DELETE_CHALLENGE, { id: opened }, poster.user.accessToken);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toMatch(/CLOSED/);
    expect(errorCode(await gql(hub.url, DELETE_CHALLENGE, { id: opened }, expert.user.accessToken))).toBe('FORBIDDEN');
  });
});
