import { Factory, gql, graphqlWsClient, startTestHub, subscribe, type TestHub, type TestOrganisation, type TestUser } from '@app/testing';

/**
 * Server text (notification summaries, expert-suggestion reasons) as code + params, worded by the hub
 * in each reader's preferred language (User.preferredLanguages in order, English otherwise).
 */
const CREATE_NETWORK = `mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }`;
const REQUEST = `mutation($i: RequestToJoinInput!) { requestToJoinNetwork(input: $i) { id } }`;
const DECIDE = `mutation($id: ID!) { decideNetworkJoinRequest(requestId: $id, approve: true) { id } }`;
const POST = `mutation($i: PostChallengeInput!) { postChallenge(input: $i) { id } }`;
const MOVE = `mutation($id: ID!) { moveChallenge(challengeId: $id, to: OPEN) { id } }`;
const ANSWER = `mutation($i: AnswerInput!) { answerChallenge(input: $i) { id } }`;
const LANGUAGES = `mutation($l: [String!]) { updateProfile(input: { preferredLanguages: $l }) { id } }`;
const MESSAGE = 'message { code params { name type values } text language }';
const NOTIFICATIONS = `{ notifications(first: 20) { nodes { kind title ${MESSAGE} } } }`;

interface Text {
  code: string;
  params: { name: string; type: string; values: string[] }[];
  text: string;
  language: string;
}
interface Actor {
  user: TestUser;
  org: TestOrganisation;
}

describe('server text in the reader’s language', () => {
  let hub: TestHub;
  let make: Factory;
  let poster: Actor, expert: Actor, follower: Actor;
  let network: string;

  const speak = async (who: Actor, languages: string[]) => {
    const result = await gql(hub.url, LANGUAGES, { l: languages }, who.user.accessToken);
    expect(result.errors).toBeUndefined();
  };
  const notifications = async (who: Actor) => (await gql<{ notifications: { nodes: { kind: string; title: string; message: Text }[] } }>(hub.url, NOTIFICATIONS, {}, who.user.accessToken)).data!.notifications.nodes;
  const until = async <T>(read: () => Promise<T | undefined>): Promise<T> => {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const value = await read();
      if (value !== undefined) return value;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error('condition not reached');
  };
  const post = async (fields: Record<string, unknown>) => {
    const posted = await gql<{ postChallenge: { id: string } }>(hub.url, POST, { i: { networkId: network, organisationId: poster.org.id, description: 'Details.', language: 'en', ...fields } }, poster.user.accessToken);
    const id = posted.data!.postChallenge.id;
    await gql(hub.url, MOVE, { id }, poster.user.accessToken);
    return id;
  };
  const answer = (challengeId: string, body: string) => gql<{ answerChallenge: { id: string } }>(hub.url, ANSWER, { i: { challengeId, organisationId: expert.org.id, body, levers: ['LOOP'] } }, expert.user.accessToken);

  beforeAll(async () => {
    hub = await startTestHub();
    make = new Factory(hub.url);
    const actor = async (country: string, kind = 'SME'): Promise<Actor> => {
      const user = await make.user();
      return { user, org: await make.organisation(user, { country, kind }) };
    };
    [poster, expert, follower] = [await actor('IT'), await actor('TN', 'EXPERT'), await actor('GR')];
    await speak(poster, ['it']);
    await speak(expert, ['ar-TN', 'en']);
    await speak(follower, ['de', 'el']);
    network = (await gql<{ createNetwork: { id: string } }>(hub.url, CREATE_NETWORK, { i: { organisationId: poster.org.id, kind: 'NETWORK', name: 'Rete Mediterranea', countries: ['IT', 'TN', 'GR'], visibility: 'PUBLIC' } }, poster.user.accessToken)).data!.createNetwork.id;
    for (const who of [expert, follower]) {
      const request = await gql<{ requestToJoinNetwork: { id: string } }>(hub.url, REQUEST, { i: { networkId: network, organisationId: who.org.id } }, who.user.accessToken);
      await gql(hub.url, DECIDE, { id: request.data!.requestToJoinNetwork.id }, poster.user.accessToken);
    }
  });
  afterAll(() => hub.close());

  it('words notifications for each reader, stored as code and params, and rewords them when the reader changes language', async () => {
    const challengeId = await post({ title: 'Lana rigenerata', materials: ['wool'], levers: ['LOOP'] });
    await gql(hub.url, `mutation($id: ID!) { followChallenge(challengeId: $id, follow: true) { id } }`, { id: challengeId }, follower.user.accessToken);
    await answer(challengeId, 'Carded wool for felt.');

    const toPoster = await until(async () => (await notifications(poster)).find((n) => n.kind === 'ANSWER_ON_MY_CHALLENGE'));
    expect(toPoster.message).toEqual({
      code: 'NOTIFICATION_ANSWER_ON_MY_CHALLENGE',
      params: [{ name: 'challengeTitle', type: 'TEXT', values: ['Lana rigenerata'] }],
      text: 'Nuova risposta alla sfida «Lana rigenerata»',
      language: 'it',
    });
    expect(toPoster.title).toBe(toPoster.message.text);

    // German has no catalogue: the follower's next language, Greek, is used.
    const toFollower = await until(async () => (await notifications(follower)).find((n) => n.kind === 'ANSWER_ON_FOLLOWED_CHALLENGE'));
    expect(toFollower.message).toMatchObject({ code: 'NOTIFICATION_ANSWER_ON_FOLLOWED_CHALLENGE', text: 'Νέα απάντηση στην πρόκληση «Lana rigenerata» που παρακολουθείτε', language: 'el' });

    await speak(poster, ['ar']);
    expect((await notifications(poster)).find((n) => n.kind === 'ANSWER_ON_MY_CHALLENGE')?.message).toMatchObject({ text: 'إجابة جديدة على التحدي «Lana rigenerata»', language: 'ar' });
    await speak(poster, ['sw']);
    expect((await notifications(poster)).find((n) => n.kind === 'ANSWER_ON_MY_CHALLENGE')?.message).toMatchObject({ text: 'New answer on “Lana rigenerata”', language: 'en' });

    // The join decision the expert's organisation received, in the expert's first language.
    expect((await notifications(expert)).find((n) => n.kind === 'JOIN_REQUEST_DECIDED')?.message).toEqual({
      code: 'NOTIFICATION_JOIN_REQUEST_APPROVED',
      params: [{ name: 'networkName', type: 'TEXT', values: ['Rete Mediterranea'] }],
      text: 'Rete Mediterranea: أصبحت مؤسستكم عضوًا',
      language: 'ar',
    });
  });

  it('pushes a notification worded for its reader', async () => {
    await speak(poster, ['fr']);
    const challengeId = await post({ title: 'Chutes de verre', materials: ['glass'], levers: ['LOOP'] });
    const client = graphqlWsClient(hub.url, poster.user.accessToken);
    const pushed = subscribe<{ notificationReceived: { message: Text } }>(client, `subscription { notificationReceived { ${MESSAGE} } }`);
    try {
      // The subscription has no ready signal: answer until one arrives (each answer notifies once).
      let received: { message: Text } | undefined;
      for (let attempt = 0; !received && attempt < 20; attempt += 1) {
        await answer(challengeId, `Idea ${attempt}`);
        received = (await pushed.next(1000).catch(() => undefined))?.data?.notificationReceived;
      }
      expect(received?.message).toEqual({
        code: 'NOTIFICATION_ANSWER_ON_MY_CHALLENGE',
        params: [{ name: 'challengeTitle', type: 'TEXT', values: ['Chutes de verre'] }],
        text: 'Nouvelle réponse au défi « Chutes de verre »',
        language: 'fr',
      });
    } finally {
      pushed.dispose();
      await client.dispose();
    }
  });

  it('gives expert-suggestion reasons as code and params, worded for the reader, with plurals', async () => {
    const earlier = await post({ title: 'Feltro', materials: ['wool'], levers: ['LOOP'] });
    await answer(earlier, 'Needle felt.');
    const challengeId = await post({ title: 'Wool offcuts', materials: ['wool'], levers: ['LOOP', 'REGENERATE'], subsectors: ['DESIGN_FASHION'] });
    await speak(poster, ['ar']);
    const result = await gql<{ suggestedExperts: { organisation: { id: string }; reasons: string[]; reasonMessages: Text[] }[] }>(
      hub.url,
      `query($id: ID!) { suggestedExperts(challengeId: $id) { organisation { id } reasons reasonMessages { code params { name type values } text language } } }`,
      { id: challengeId },
      poster.user.accessToken,
    );
    const suggestion = result.data!.suggestedExperts.find((s) => s.organisation.id === expert.org.id)!;
    expect(suggestion.reasonMessages.map(({ code, params }) => ({ code, params }))).toEqual([
      { code: 'EXPERT_SHARED_LEVERS', params: [{ name: 'levers', type: 'RESOLVE_LEVER', values: ['LOOP'] }, { name: 'count', type: 'COUNT', values: ['1'] }] },
      { code: 'EXPERT_SHARED_MATERIALS', params: [{ name: 'materials', type: 'TEXT', values: ['wool'] }, { name: 'count', type: 'COUNT', values: ['1'] }] },
      { code: 'EXPERT_SHARED_SUBSECTORS', params: [{ name: 'subsectors', type: 'CCI_SUBSECTOR', values: ['DESIGN_FASHION'] }, { name: 'count', type: 'COUNT', values: ['1'] }] },
      { code: 'EXPERT_SPEAKS_LANGUAGE', params: [{ name: 'language', type: 'LANGUAGE', values: ['en'] }] },
      { code: 'EXPERT_OTHER_COUNTRY', params: [{ name: 'country', type: 'COUNTRY', values: ['TN'] }] },
    ]);
    expect(suggestion.reasonMessages.map((m) => m.text)).toEqual([
      'استخدمت في إجاباتها رافعة واحدة من روافع التحدي: إغلاق الحلقة',
      'عملت على مادة واحدة من مواد التحدي: wool',
      'تعمل في قطاع واحد من قطاعات التحدي: تصميم الأزياء',
      'تتحدث الإنجليزية، لغة التحدي',
      'مقرها في بلد آخر: تونس',
    ]);
    expect(suggestion.reasons).toEqual(suggestion.reasonMessages.map((m) => m.text));

    await speak(poster, ['it']);
    const italian = await gql<{ suggestedExperts: { organisation: { id: string }; reasons: string[] }[] }>(hub.url, `query($id: ID!) { suggestedExperts(challengeId: $id) { organisation { id } reasons } }`, { id: challengeId }, poster.user.accessToken);
    expect(italian.data!.suggestedExperts.find((s) => s.organisation.id === expert.org.id)?.reasons).toEqual([
      'Ha risposto usando una leva della sfida: Chiudere il ciclo',
      'Ha lavorato su un materiale della sfida: wool',
      'Opera in un settore della sfida: design della moda',
      'Parla inglese, la lingua della sfida',
      'Ha sede in un altro paese: Tunisia',
    ]);
  });
});
