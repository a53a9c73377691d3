import { DatabaseService } from '@api/platform/database/database.service.js';
import { Factory, errorCode, gql, graphqlWsClient, startTestHub, subscribe, untilSubscribed, type TestHub, type TestOrganisation, type TestUser } from '@app/testing';
import { Topics } from '@api/platform/realtime/topics.js';

const CREATE_NETWORK = `mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }`;
const REQUEST = `mutation($i: RequestToJoinInput!) { requestToJoinNetwork(input: $i) { id } }`;
const DECIDE = `mutation($id: ID!) { decideNetworkJoinRequest(requestId: $id, approve: true) { id } }`;
const POST = `mutation($i: PostChallengeInput!) { postChallenge(input: $i) { id status answerCount voteScore language author { id } organisation { id } network { id } } }`;
const MOVE = `mutation($id: ID!, $to: ChallengeStatus!) { moveChallenge(challengeId: $id, to: $to) { id status } }`;
const ANSWER = `mutation($i: AnswerInput!) { answerChallenge(input: $i) { id score viewerVote accepted } }`;
const VOTE = `mutation($id: ID!, $v: Int!) { voteOnAnswer(answerId: $id, value: $v) { id score viewerVote } }`;
const FEED = `query($f: ChallengeFilter, $first: Int, $after: String) { challenges(filter: $f, first: $first, after: $after) {
  nodes { id title status answerCount voteScore lastActivityAt viewerFollows author { id displayName } organisation { id name country } network { id name } }
  pageInfo { endCursor hasNextPage } } }`;

interface Actor {
  user: TestUser;
  org: TestOrganisation;
}

describe('challenges', () => {
  let hub: TestHub;
  let make: Factory;
  let poster: Actor, expert: Actor, outsider: Actor, admin: Actor;
  let network: string, privateNetwork: string;

  const actor = async (country: string, kind = 'SME'): Promise<Actor> => {
    const user = await make.user();
    return { user, org: await make.organisation(user, { country, kind }) };
  };
  const joinNetwork = async (networkId: string, who: Actor) => {
    const req = await gql<{ requestToJoinNetwork: { id: string } }>(hub.url, REQUEST, { i: { networkId, organisationId: who.org.id } }, who.user.accessToken);
    await gql(hub.url, DECIDE, { id: req.data!.requestToJoinNetwork.id }, admin.user.accessToken);
  };
  const post = async (who: Actor, fields: Record<string, unknown>, networkId = network) => {
    const result = await gql<{ postChallenge: { id: string } }>(hub.url, POST, { i: { networkId, organisationId: who.org.id, description: 'Details.', language: 'en', ...fields } }, who.user.accessToken);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.postChallenge.id;
  };
  const open = async (id: string, who: Actor = poster) => {
    const moved = await gql(hub.url, MOVE, { id, to: 'OPEN' }, who.user.accessToken);
    if (moved.errors) throw new Error(JSON.stringify(moved.errors));
  };

  beforeAll(async () => {
    hub = await startTestHub({ DATABASE_TRACE_QUERIES: 'true' });
    make = new Factory(hub.url);
    admin = await actor('GR', 'MUNICIPALITY');
    poster = await actor('IT');
    expert = await actor('TN', 'EXPERT');
    outsider = await actor('JO', 'NGO');
    const created = await gql<{ createNetwork: { id: string } }>(hub.url, CREATE_NETWORK, { i: { organisationId: admin.org.id, kind: 'NETWORK', name: 'Circular test network', countries: ['IT', 'TN', 'GR'], visibility: 'PUBLIC' } }, admin.user.accessToken);
    network = created.data!.createNetwork.id;
    const priv = await gql<{ createNetwork: { id: string } }>(hub.url, CREATE_NETWORK, { i: { organisationId: admin.org.id, kind: 'CLUSTER', name: 'Private test cluster', countries: ['GR'], visibility: 'PRIVATE' } }, admin.user.accessToken);
    privateNetwork = priv.data!.createNetwork.id;
    await joinNetwork(network, poster);
    await joinNetwork(network, expert);
  });
  afterAll(() => hub.close());

  it('lets member organisations post, keeps drafts to the poster, and records every transition', async () => {
    expect(errorCode(await gql(hub.url, POST, { i: { networkId: network, organisationId: outsider.org.id, title: 'Not a member here', description: 'x', language: 'en' } }, outsider.user.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await gql(hub.url, POST, { i: { networkId: network, organisationId: poster.org.id, title: 'Someone else’s org', description: 'x', language: 'en' } }, expert.user.accessToken))).toBe('FORBIDDEN');

    const id = await post(poster, { title: 'What can we make from 2 t/month of wool offcuts?', levers: ['LOOP', 'REGENERATE'], materials: ['Wool', 'offcuts'] });
    const asExpert = await gql(hub.url, 'query($id: ID!) { challenge(challengeId: $id) { id } }', { id }, expert.user.accessToken);
    expect(errorCode(asExpert)).toBe('NOT_FOUND');

    expect(errorCode(await gql(hub.url, MOVE, { id, to: 'SOLVED' }, poster.user.accessToken))).toBe('CONFLICT');
    await open(id);
    expect(errorCode(await gql(hub.url, MOVE, { id, to: 'IN_PROGRESS' }, expert.user.accessToken))).toBe('FORBIDDEN');
    expect((await gql(hub.url, MOVE, { id, to: 'IN_PROGRESS' }, poster.user.accessToken)).errors).toBeUndefined();
    const history = await gql<{ challenge: { materials: string[]; transitions: { from: string | null; to: string; actorId: string }[] } }>(
      hub.url,
      'query($id: ID!) { challenge(challengeId: $id) { materials transitions { from to actorId } } }',
      { id },
      expert.user.accessToken,
    );
    expect(history.data?.challenge.materials).toEqual(['wool', 'offcuts']);
    expect(history.data?.challenge.transitions).toEqual([
      { from: null, to: 'DRAFT', actorId: poster.user.id },
      { from: 'DRAFT', to: 'OPEN', actorId: poster.user.id },
      { from: 'OPEN', to: 'IN_PROGRESS', actorId: poster.user.id },
    ]);
    // Network admins may close, and only close.
    expect(errorCode(await gql(hub.url, MOVE, { id, to: 'SOLVED' }, admin.user.accessToken))).toBe('FORBIDDEN');
    expect((await gql(hub.url, MOVE, { id, to: 'CLOSED' }, admin.user.accessToken)).errors).toBeUndefined();
    expect(errorCode(await gql(hub.url, MOVE, { id, to: 'OPEN' }, poster.user.accessToken))).toBe('CONFLICT');
  });

  it('takes answers, votes, comments and acceptances by their rules, and keeps the counters', async () => {
    const id = await post(poster, { title: 'Reuse of dyeing water' });
    await open(id);
    const answered = await gql<{ answerChallenge: { id: string } }>(hub.url, ANSWER, { i: { challengeId: id, organisationId: expert.org.id, body: 'Closed-loop filtration.', levers: ['LOOP'], effortEstimate: '3 months' } }, expert.user.accessToken);
    const answerId = answered.data!.answerChallenge.id;
    expect(errorCode(await gql(hub.url, ANSWER, { i: { challengeId: id, organisationId: outsider.org.id, body: 'Me too' } }, outsider.user.accessToken))).toBe('FORBIDDEN');

    expect(errorCode(await gql(hub.url, VOTE, { id: answerId, v: 1 }, expert.user.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await gql(hub.url, VOTE, { id: answerId, v: 1 }, outsider.user.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await gql(hub.url, VOTE, { id: answerId, v: 2 }, poster.user.accessToken))).toBe('BAD_USER_INPUT');
    expect((await gql<{ voteOnAnswer: { score: number } }>(hub.url, VOTE, { id: answerId, v: 1 }, poster.user.accessToken)).data?.voteOnAnswer.score).toBe(1);
    expect((await gql<{ voteOnAnswer: { score: number } }>(hub.url, VOTE, { id: answerId, v: 1 }, poster.user.accessToken)).data?.voteOnAnswer.score).toBe(1);
    expect((await gql<{ voteOnAnswer: { score: number; viewerVote: number } }>(hub.url, VOTE, { id: answerId, v: -1 }, admin.user.accessToken)).data?.voteOnAnswer).toEqual({ id: answerId, score: 0, viewerVote: -1 });
    expect((await gql<{ voteOnAnswer: { score: number } }>(hub.url, VOTE, { id: answerId, v: 0 }, admin.user.accessToken)).data?.voteOnAnswer.score).toBe(1);

    const comment = await gql(hub.url, 'mutation($id: ID!) { commentOnAnswer(answerId: $id, body: "How much water per day?") { id authorId } }', { id: answerId }, poster.user.accessToken);
    expect(comment.errors).toBeUndefined();
    expect(errorCode(await gql(hub.url, 'mutation($id: ID!) { commentOnAnswer(answerId: $id, body: "spam") { id } }', { id: answerId }, outsider.user.accessToken))).toBe('FORBIDDEN');

    expect(errorCode(await gql(hub.url, 'mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }', { id: answerId }, expert.user.accessToken))).toBe('FORBIDDEN');
    const accepted = await gql<{ acceptAnswer: { accepted: boolean } }>(hub.url, 'mutation($id: ID!) { acceptAnswer(answerId: $id) { accepted } }', { id: answerId }, poster.user.accessToken);
    expect(accepted.data?.acceptAnswer.accepted).toBe(true);
    expect(errorCode(await gql(hub.url, 'mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }', { id: answerId }, poster.user.accessToken))).toBe('CONFLICT');

    const seen = await gql<{ challenge: { answerCount: number; voteScore: number; answers: { nodes: { id: string; score: number; viewerVote: number; comments: { body: string }[] }[] } } }>(
      hub.url,
      'query($id: ID!) { challenge(challengeId: $id) { answerCount voteScore answers(first: 10) { nodes { id score viewerVote comments { body } } } } }',
      { id },
      poster.user.accessToken,
    );
    expect(seen.data?.challenge).toMatchObject({ answerCount: 1, voteScore: 1 });
    expect(seen.data?.challenge.answers.nodes).toEqual([{ id: answerId, score: 1, viewerVote: 1, comments: [{ body: 'How much water per day?' }] }]);

    await gql(hub.url, MOVE, { id, to: 'CLOSED' }, poster.user.accessToken);
    expect(errorCode(await gql(hub.url, ANSWER, { i: { challengeId: id, organisationId: expert.org.id, body: 'Too late' } }, expert.user.accessToken))).toBe('CONFLICT');
  });

  it('searches Italian, Greek, French, Arabic and English text, by relevance', async () => {
    const texts = [
      { language: 'it', title: 'Rigenerazione della lana a Prato', description: 'Cerchiamo idee per rigenerare gli scarti di lana cardata e la sostenibilità del distretto.' },
      { language: 'el', title: 'Ανακύκλωση υφασμάτων στην Αθήνα', description: 'Ψάχνουμε λύσεις για την ανακύκλωση βαμβακερών υφασμάτων.' },
      { language: 'fr', title: 'Céramique et déchets de verre à Tunis', description: 'Comment réutiliser les éclats de verre dans la céramique artisanale ?' },
      { language: 'ar', title: 'إعادة تدوير النسيج في المدينة', description: 'نبحث عن حلول لإعادة استخدام بقايا القماش في الحرف اليدوية' },
      { language: 'en', title: 'Repairing leather goods at scale', description: 'Looking for partners to repair and resell leather bags.' },
    ];
    const ids: Record<string, string> = {};
    for (const text of texts) {
      ids[text.language] = await post(poster, { ...text, levers: ['LOOP'] });
      await open(ids[text.language]!);
    }
    const search = async (term: string) =>
      (await gql<{ challenges: { nodes: { id: string }[] } }>(hub.url, FEED, { f: { search: term, networkId: network }, first: 10 }, expert.user.accessToken)).data!.challenges.nodes.map((n) => n.id);
    // Stemming per language: other forms of the words find the text.
    expect(await search('rigenerare lana')).toEqual([ids.it]);
    expect(await search('sostenibilità')).toEqual([ids.it]);
    expect(await search('ανακύκλωση')).toEqual([ids.el]);
    expect(await search('céramiques')).toEqual([ids.fr]);
    expect(await search('النسيج')).toEqual([ids.ar]);
    expect(await search('repair leather')).toEqual([ids.en]);
    expect(await search('nothing matches this')).toEqual([]);
    // Typos: the trigram fallback on folded text finds what the words alone miss.
    expect(await search('rigenerazone')).toEqual([ids.it]);
    expect(await search('ανακυκλοση')).toEqual([ids.el]);
    expect(await search('leathr')).toEqual([ids.en]);
    // A text that only a typo matches ranks after every text the words themselves match.
    const misspelt = await post(poster, { language: 'en', title: 'Leathr offcuts wanted', description: 'Small pieces for key rings.', levers: ['LOOP'] });
    await open(misspelt);
    expect(await search('leather')).toEqual([ids.en, misspelt]);
  });

  it('filters the feed and pages through it with a fixed number of SQL statements', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const id = await post(poster, { title: `Feed challenge ${i}`, levers: i % 2 ? ['SHARE'] : ['OPTIMISE'], materials: ['glass'], subsectors: ['ARTISTIC_CRAFTS'] });
      await open(id);
      ids.push(id);
    }
    await gql(hub.url, 'mutation($id: ID!) { followChallenge(challengeId: $id, follow: true) { viewerFollows } }', { id: ids[6] }, expert.user.accessToken);
    const trace = hub.hub.app.get(DatabaseService).trace!;

    const before = trace.count;
    const first = await gql<{ challenges: { nodes: { id: string; viewerFollows: boolean; author: { id: string }; organisation: { country: string }; network: { id: string } }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } }>(
      hub.url,
      FEED,
      { f: { networkId: network, lever: 'SHARE', tag: 'Glass', subsector: 'ARTISTIC_CRAFTS', country: 'IT', status: 'OPEN' }, first: 2 },
      expert.user.accessToken,
    );
    const statements = trace.count - before;
    expect(first.data?.challenges.nodes.map((n) => n.id)).toEqual([ids[5], ids[3]]);
    expect(first.data?.challenges.nodes[0]).toMatchObject({ author: { id: poster.user.id }, organisation: { country: 'IT' }, network: { id: network } });
    const second = await gql<{ challenges: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean } } }>(
      hub.url,
      FEED,
      { f: { networkId: network, lever: 'SHARE', tag: 'glass' }, first: 2, after: first.data!.challenges.pageInfo.endCursor },
      expert.user.accessToken,
    );
    expect(second.data?.challenges.nodes.map((n) => n.id)).toEqual([ids[1]]);
    expect(second.data?.challenges.pageInfo.hasNextPage).toBe(false);

    // The statement count does not grow with the page size.
    const big = trace.count;
    const fifty = await gql<{ challenges: { nodes: { id: string; viewerFollows: boolean }[] } }>(hub.url, FEED, { first: 50 }, expert.user.accessToken);
    const bigStatements = trace.count - big;
    expect(fifty.data!.challenges.nodes.length).toBeGreaterThan(10);
    expect(fifty.data!.challenges.nodes.find((n) => n.id === ids[6])?.viewerFollows).toBe(true);
    expect(statements).toBeLessThanOrEqual(5);
    expect(bigStatements).toBe(statements);
  });

  it('filters the feed by the language of the text (ISO 639-1; a regional tag counts as its language)', async () => {
    const tag = 'language-filter';
    const french = await post(poster, { title: 'Chutes de laine cardée', materials: [tag], language: 'fr' });
    const tunisianFrench = await post(poster, { title: 'Chutes de cuir à Tunis', materials: [tag], language: 'fr-TN' });
    const arabic = await post(poster, { title: 'بقايا الجلد في تونس', materials: [tag], language: 'ar' });
    for (const id of [french, tunisianFrench, arabic]) await open(id);
    const feed = async (language: string) => {
      const result = await gql<{ challenges: { nodes: { id: string }[] } }>(hub.url, FEED, { f: { tag, language }, first: 10 }, expert.user.accessToken);
      return result.data?.challenges.nodes.map((n) => n.id).sort();
    };
    expect(await feed('fr')).toEqual([french, tunisianFrench].sort());
    expect(await feed('AR')).toEqual([arabic]);
    expect(await feed('it')).toEqual([]);
    for (const language of ['fra', 'fr-TN', '']) {
      const result = await gql(hub.url, FEED, { f: { language }, first: 5 }, expert.user.accessToken);
      expect({ language, code: errorCode(result), fields: result.errors?.[0]?.extensions?.fields }).toEqual({ language, code: 'BAD_USER_INPUT', fields: ['filter.language'] });
    }
  });

  it('pages through challenges created in the same instant without skipping any', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const id = await post(poster, { title: `Same instant ${i}`, materials: ['same-instant'] });
      await open(id);
      ids.push(id);
    }
    // Microseconds apart within one millisecond, as rows written in one burst can be.
    await hub.hub.app.get(DatabaseService).dataSource.query(
      `UPDATE challenges SET created_at = '2026-01-01T00:00:00.000100Z'::timestamptz + (array_position($1::uuid[], id) * interval '1 microsecond') WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page += 1) {
      const result = await gql<{ challenges: { nodes: { id: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } }>(hub.url, FEED, { f: { tag: 'same-instant' }, first: 1, after }, expert.user.accessToken);
      seen.push(...result.data!.challenges.nodes.map((n) => n.id));
      if (!result.data!.challenges.pageInfo.hasNextPage) break;
      after = result.data!.challenges.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it('shows nothing of a private network to outsiders: no challenge, hit or subscription', async () => {
    // The admin organisation posts into its private cluster.
    const secret = await post(admin, { title: 'Confidential procurement of recycled marble', language: 'en' }, privateNetwork);
    await open(secret, admin);
    const hits = await gql<{ challenges: { nodes: { id: string }[] } }>(hub.url, FEED, { f: { search: 'marble' }, first: 50 }, outsider.user.accessToken);
    expect(hits.data?.challenges.nodes).toEqual([]);
    const all = await gql<{ challenges: { nodes: { id: string }[] } }>(hub.url, FEED, { first: 100 }, outsider.user.accessToken);
    expect(all.data?.challenges.nodes.map((n) => n.id)).not.toContain(secret);
    expect(errorCode(await gql(hub.url, 'query($id: ID!) { challenge(challengeId: $id) { id } }', { id: secret }, outsider.user.accessToken))).toBe('NOT_FOUND');
    const client = graphqlWsClient(hub.url, outsider.user.accessToken);
    const sub = subscribe(client, 'subscription($id: ID!) { challengeActivity(challengeId: $id) { kind } }', { id: secret });
    expect(JSON.stringify((await sub.next()).errors)).toContain('NOT_FOUND');
    await client.dispose();
    expect(errorCode(await gql(hub.url, 'query($id: ID!) { challenge(challengeId: $id) { id } }', { id: secret }))).toBe('UNAUTHENTICATED');
  });

  it('streams challenge activity to those who may see it', async () => {
    const id = await post(poster, { title: 'Live activity challenge' });
    await open(id);
    const client = graphqlWsClient(hub.url, outsider.user.accessToken);
    const sub = subscribe<{ challengeActivity: { kind: string; score: number | null } }>(client, 'subscription($id: ID!) { challengeActivity(challengeId: $id) { kind score } }', { id });
    await untilSubscribed(hub, Topics.challengeActivity(id));
    const answer = await gql<{ answerChallenge: { id: string } }>(hub.url, ANSWER, { i: { challengeId: id, organisationId: expert.org.id, body: 'An idea.' } }, expert.user.accessToken);
    expect((await sub.next()).data?.challengeActivity).toEqual({ kind: 'ANSWER_ADDED', score: null });
    await gql(hub.url, VOTE, { id: answer.data!.answerChallenge.id, v: 1 }, poster.user.accessToken);
    expect((await sub.next()).data?.challengeActivity).toEqual({ kind: 'VOTE_SCORE_CHANGED', score: 1 });
    sub.dispose();
    await client.dispose();
  });

  it('suggests expert organisations with the reasons, preferring other countries', async () => {
    // `expert` (an EXPERT organisation in TN) has answered with LOOP on wool; a later challenge about wool asks for experts.
    const earlier = await post(poster, { title: 'Wool felt for acoustics', materials: ['wool'], levers: ['LOOP'] });
    await open(earlier);
    await gql(hub.url, ANSWER, { i: { challengeId: earlier, organisationId: expert.org.id, body: 'Needle felt.', levers: ['LOOP'] } }, expert.user.accessToken);
    const id = await post(poster, { title: 'Regenerated wool offcuts', materials: ['Wool'], levers: ['LOOP', 'REGENERATE'], language: 'en' });
    await open(id);
    const result = await gql<{ suggestedExperts: { organisation: { id: string }; score: number; reasons: string[]; people: { id: string }[] }[] }>(
      hub.url,
      'query($id: ID!) { suggestedExperts(challengeId: $id) { organisation { id } score reasons people { id } } }',
      { id },
      poster.user.accessToken,
    );
    const suggestion = result.data?.suggestedExperts.find((s) => s.organisation.id === expert.org.id);
    expect(suggestion?.reasons).toEqual(['Has answered with a lever of the challenge: Loop', 'Has worked on a material of the challenge: wool', 'Speaks English, the language of the challenge', 'Based in another country: Tunisia']);
    expect(suggestion?.people.map((p) => p.id)).toEqual([expert.user.id]);
    expect(result.data?.suggestedExperts.some((s) => s.organisation.id === poster.org.id)).toBe(false);
    expect(errorCode(await gql(hub.url, 'query($id: ID!) { suggestedExperts(challengeId: $id) { score } }', { id: '00000000-0000-4000-8000-000000000000' }, poster.user.accessToken))).toBe('NOT_FOUND');
  });

  it('refuses bad input with clear codes', async () => {
    const base = { networkId: network, organisationId: poster.org.id, description: 'x', language: 'en' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, title: 'abc' }, 'input.title'],
      [{ ...base, title: 'x'.repeat(201) }, 'input.title'],
      [{ ...base, title: 'Valid title', language: 'not a language!' }, 'input.language'],
      [{ ...base, title: 'Valid title', materials: ['x'.repeat(51)] }, 'input.materials'],
      [{ ...base, title: 'Valid title', attachments: [{ title: 'Spec', url: 'javascript:alert(1)' }] }, 'input.attachments.0.url'],
    ];
    for (const [input, field] of cases) {
      const result = await gql(hub.url, POST, { i: input }, poster.user.accessToken);
      expect({ field, code: errorCode(result), fields: result.errors?.[0]?.extensions?.fields }).toEqual({ field, code: 'BAD_USER_INPUT', fields: [field] });
    }
    expect(errorCode(await gql(hub.url, FEED, { first: 5, after: 'garbage' }, poster.user.accessToken))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(hub.url, MOVE, { id: '00000000-0000-4000-8000-000000000000', to: 'OPEN' }, poster.user.accessToken))).toBe('NOT_FOUND');
  });
});
