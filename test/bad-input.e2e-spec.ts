import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { ChatTestClient, Factory, connectSocket, errorCode, gql, graphqlWsClient, startTestHub, type GraphQLResult, type HubSocket, type TestHub, type TestUser } from '@app/testing';

/**
 * Bad input gets a clear error with a stable code and never a 500, a crash, a hung socket or a
 * corrupted row. Everything goes over real HTTP and real socket.io frames; raw bodies use fetch.
 */

const MAX_BODY_BYTES = 16_384;
const REALTIME_MAX_PAYLOAD_BYTES = 16_384;
const ACK_TIMEOUT_MS = 3000;

const ME = '{ me { id email displayName preferredLanguages country timeZone } }';
const UPDATE_PROFILE = 'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id displayName } }';
const CREATE_ORGANISATION = 'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }';
const REGISTER = 'mutation($i: RegisterInput!) { register(input: $i) { accessToken } }';
const INVITE = 'mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id } }';
const VALID_ORGANISATION = { name: 'Bad Input Org', kind: 'SME', country: 'IT', city: 'Prato' };

type Body = Omit<GraphQLResult<Record<string, unknown>>, 'status'>;

interface RawAnswer {
  status: number;
  requestId: string | null;
  contentType: string | null;
  body: Body;
}

/** One HTTP request with a body exactly as given; the answer must be JSON, whatever the input. */
async function raw(baseUrl: string, init: { method?: string; body?: string | Uint8Array; headers?: Record<string, string>; path?: string } = {}): Promise<RawAnswer> {
  const response = await fetch(`${baseUrl}${init.path ?? '/graphql'}`, { method: init.method ?? 'POST', headers: init.headers ?? {}, body: init.body });
  const text = await response.text();
  let body: Body;
  try {
    body = JSON.parse(text) as Body;
  } catch {
    throw new Error(`answer ${response.status} is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: response.status, requestId: response.headers.get('x-request-id'), contentType: response.headers.get('content-type'), body };
}

const json = (body: string | Uint8Array, headers: Record<string, string> = {}) => ({ body, headers: { 'content-type': 'application/json', ...headers } });

/** A refused request: the exact code, a client-side status, a message, and never a masked internal error. */
function expectRefused(answer: { status: number; body: Body } | GraphQLResult<unknown>, code: string, status?: number): void {
  const errors = 'body' in answer ? answer.body.errors : answer.errors;
  const seen = { status: answer.status, code: errors?.[0]?.extensions?.code };
  expect(seen).toEqual({ status: status ?? seen.status, code });
  expect(answer.status).toBeLessThan(500);
  expect(answer.status).toBeGreaterThanOrEqual(200);
  expect(errors?.every((e) => e.extensions?.code !== 'INTERNAL_SERVER_ERROR')).toBe(true);
  expect(typeof errors?.[0]?.message).toBe('string');
}

/** A body of exactly `length` bytes that is a valid GraphQL request (the padding is an unused variable). */
function bodyOfLength(length: number, query: string, variables: Record<string, unknown> = {}): string {
  const bare = JSON.stringify({ query, variables: { ...variables, pad: '' } });
  const body = JSON.stringify({ query, variables: { ...variables, pad: 'x'.repeat(length - bare.length) } });
  expect(Buffer.byteLength(body)).toBe(length);
  return body;
}

/** Emits with an acknowledgement and a deadline: an acknowledgement that never comes fails the test. */
function emitWithDeadline(socket: HubSocket, event: string, ...args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no acknowledgement for ${event} within ${ACK_TIMEOUT_MS} ms`)), ACK_TIMEOUT_MS);
    (socket as unknown as { emit(e: string, ...a: unknown[]): void }).emit(event, ...args, (result: unknown) => {
      clearTimeout(timer);
      resolve(result);
    });
  });
}

interface WsOutcome {
  /** The single result of a query or mutation, or the first event of a subscription. */
  result?: { data?: unknown; errors?: { message: string; extensions?: { code?: string; fields?: string[] } }[] };
  /** Request errors graphql-ws sends as an `error` message. */
  errors?: { message: string; extensions?: { code?: string } }[];
  /** Set when the connection closed instead. */
  closeCode?: number;
}

/** One operation over graphql-ws with a deadline; the first result is enough. */
function overWs(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<WsOutcome> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no graphql-ws answer within ${ACK_TIMEOUT_MS} ms`)), ACK_TIMEOUT_MS);
    // Only the first outcome counts: a result, a request error or the connection closing.
    let finished = false;
    const done = (outcome: WsOutcome) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      dispose();
      resolve(outcome);
    };
    const dispose = client.subscribe(
      { query, variables },
      {
        next: (value) => done({ result: value as WsOutcome['result'] }),
        error: (error) => done(Array.isArray(error) ? { errors: error as WsOutcome['errors'] } : { closeCode: (error as { code?: number }).code }),
        complete: () => done({}),
      },
    );
  });
}

describe('bad input gets a clear error with a stable code, never a 500, a hung socket or a corrupted row', () => {
  let hub: TestHub;
  let make: Factory;
  /** Every rejected write below is attempted as this user; their profile must not change. */
  let victim: TestUser;
  let profileBefore: Record<string, unknown>;
  /** Every error-level line the hub logs; refused input must never produce one. */
  const errorLogs: unknown[] = [];

  beforeAll(async () => {
    hub = await startTestHub({ MAX_BODY_BYTES: String(MAX_BODY_BYTES), REALTIME_MAX_PAYLOAD_BYTES: String(REALTIME_MAX_PAYLOAD_BYTES) });
    // The logger is the hub's own (silent in tests): its error and fatal calls are recorded, not faked.
    const logger = hub.hub.logger;
    for (const level of ['error', 'fatal'] as const) {
      const original = logger[level].bind(logger);
      logger[level] = (message: unknown, ...rest: unknown[]) => {
        errorLogs.push(message);
        original(message, ...rest);
      };
    }
    make = new Factory(hub.url);
    victim = await make.user({ displayName: 'Unchanged Name' });
    const me = await gql<{ me: Record<string, unknown> }>(hub.url, ME, {}, victim.accessToken);
    profileBefore = me.data!.me;
  });
  afterAll(() => hub.close());

  const changeName = () => ({ query: UPDATE_PROFILE, variables: { i: { displayName: 'Changed By A Bad Request' } } });

  describe('HTTP bodies', () => {
    it('answers malformed JSON with 400 BAD_USER_INPUT and the request id', async () => {
      for (const body of ['{"query": ', '{"query": "{ me { id } }"} trailing', "{'query': '{ me { id } }'}", '{"query": "{ me { id } }",}']) {
        const answer = await raw(hub.url, json(body));
        expectRefused(answer, 'BAD_USER_INPUT', 400);
        expect(answer.body.errors?.[0]?.message).toMatch(/not valid JSON/);
        expect(answer.contentType).toMatch(/^application\/json/);
        expect(answer.body.errors?.[0]?.extensions?.requestId).toBe(answer.requestId);
      }
    });

    it('refuses a JSON array (batching is off) with 400 QUERY_TOO_COMPLEX, without running any of it', async () => {
      const answer = await raw(hub.url, json(JSON.stringify([changeName(), changeName()]), { authorization: `Bearer ${victim.accessToken}` }));
      expectRefused(answer, 'QUERY_TOO_COMPLEX', 400);
      expect(answer.body.errors?.[0]?.message).toMatch(/batching/i);
    });

    it('refuses JSON that is not an object (number, string, null, boolean) with 400 BAD_USER_INPUT', async () => {
      for (const body of ['42', '"{ me { id } }"', 'null', 'true']) {
        const answer = await raw(hub.url, json(body));
        expect({ body, code: answer.body.errors?.[0]?.extensions?.code, status: answer.status }).toEqual({ body, code: 'BAD_USER_INPUT', status: 400 });
      }
    });

    it('refuses a request without a usable query with 400 BAD_USER_INPUT', async () => {
      const bodies = ['', '{}', '{"variables": {}}', '{"query": null}', '{"query": ""}', '{"query": 5}', '{"query": {"kind": "Document"}}', '{"query": ["{ me { id } }"]}'];
      for (const body of bodies) {
        const answer = await raw(hub.url, json(body));
        expect({ body, code: answer.body.errors?.[0]?.extensions?.code, status: answer.status }).toEqual({ body, code: 'BAD_USER_INPUT', status: 400 });
      }
    });

    it('refuses variables, extensions and operation names of the wrong shape with 400 BAD_USER_INPUT', async () => {
      const bodies = [
        { query: '{ __typename }', variables: '{"a": 1}' },
        { query: '{ __typename }', variables: [1] },
        { query: '{ __typename }', extensions: 5 },
        { query: 'query A { __typename } query B { __typename }' },
        { query: 'query A { __typename }', operationName: 'C' },
        { query: 'query A { __typename }', operationName: 7 },
      ];
      for (const body of bodies) {
        const answer = await raw(hub.url, json(JSON.stringify(body)));
        expect({ body, code: answer.body.errors?.[0]?.extensions?.code, status: answer.status }).toEqual({ body, code: 'BAD_USER_INPUT', status: 400 });
      }
    });

    it('refuses a body it cannot decode (unknown charset or content encoding) with 400 BAD_USER_INPUT', async () => {
      const body = JSON.stringify({ query: '{ __typename }' });
      const unreadable: Record<string, string>[] = [
        { 'content-type': 'application/json; charset=klingon' },
        { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        { 'content-type': 'application/json', 'content-encoding': 'x-unknown' },
      ];
      for (const headers of unreadable) {
        const answer = await raw(hub.url, { body, headers });
        expectRefused(answer, 'BAD_USER_INPUT', 400);
      }
      const invalidUtf8 = Buffer.concat([Buffer.from('{"query": "{ __typename }", "variables": {"x": "'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}}')]);
      // Invalid UTF-8 inside a string decodes to replacement characters: an ordinary request, served.
      const answer = await raw(hub.url, json(invalidUtf8));
      expect({ status: answer.status, data: answer.body.data }).toEqual({ status: 200, data: { __typename: 'Query' } });
    });

    it('refuses a verb GraphQL does not serve with a 4xx JSON answer', async () => {
      const answer = await raw(hub.url, { method: 'PUT', ...json(JSON.stringify({ query: '{ __typename }' })) });
      expectRefused(answer, 'BAD_USER_INPUT', 405);
    });

    it(`accepts a body of exactly MAX_BODY_BYTES and refuses one byte more with 413 PAYLOAD_TOO_LARGE, unexecuted`, async () => {
      const atLimit = await raw(hub.url, json(bodyOfLength(MAX_BODY_BYTES, '{ __typename }')));
      expect(atLimit.status).toBe(200);
      expect(atLimit.body.data).toEqual({ __typename: 'Query' });

      const { query, variables } = changeName();
      const tooLarge = await raw(hub.url, json(bodyOfLength(MAX_BODY_BYTES + 1, query, variables), { authorization: `Bearer ${victim.accessToken}` }));
      expectRefused(tooLarge, 'PAYLOAD_TOO_LARGE', 413);
      expect(tooLarge.body.errors?.[0]?.message).toContain(String(MAX_BODY_BYTES));
      expect(tooLarge.body.errors?.[0]?.extensions?.requestId).toBe(tooLarge.requestId);

      const muchTooLarge = await raw(hub.url, json(bodyOfLength(MAX_BODY_BYTES * 8, query, variables), { authorization: `Bearer ${victim.accessToken}` }));
      expectRefused(muchTooLarge, 'PAYLOAD_TOO_LARGE', 413);
    });
  });

  describe('cross-site request forgery', () => {
    it('refuses simple (non-preflighted) POSTs with 400 CSRF_REJECTED and does not run the mutation', async () => {
      const body = JSON.stringify(changeName());
      const auth = { authorization: `Bearer ${victim.accessToken}` };
      for (const contentType of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const answer = await raw(hub.url, { body, headers: { 'content-type': contentType, ...auth } });
        expect({ contentType, code: answer.body.errors?.[0]?.extensions?.code, status: answer.status }).toEqual({ contentType, code: 'CSRF_REJECTED', status: 400 });
      }
      const noContentType = await raw(hub.url, { body, headers: auth });
      expectRefused(noContentType, 'CSRF_REJECTED', 400);
    });

    it('refuses a mutation over GET: CSRF_REJECTED without a preflight header, 405 with one', async () => {
      const auth = { authorization: `Bearer ${victim.accessToken}` };
      const query = encodeURIComponent('mutation { updateProfile(input: { displayName: "Changed By GET" }) { id } }');
      const simple = await raw(hub.url, { method: 'GET', path: `/graphql?query=${query}`, headers: auth });
      expectRefused(simple, 'CSRF_REJECTED', 400);
      const preflighted = await raw(hub.url, { method: 'GET', path: `/graphql?query=${query}`, headers: { ...auth, 'apollo-require-preflight': 'true' } });
      expectRefused(preflighted, 'BAD_USER_INPUT', 405);
      expect(preflighted.body.errors?.[0]?.message).toMatch(/GET requests only support query operations/);
    });
  });

  describe('GraphQL documents', () => {
    const SYNTAX_ERRORS = ['{ me ', '{ me { id }', 'mutation { createOrganisation(input: { name: }) { id } }', '{ "unterminated }', '{ me { id } } \u0007', '   '];

    it('answers a syntax error in JSON with the position, never a masked internal error', async () => {
      for (const query of SYNTAX_ERRORS) {
        const answer = await raw(hub.url, json(JSON.stringify({ query })));
        const error = answer.body.errors?.[0];
        expect({ query, status: answer.status }).toEqual({ query, status: 400 });
        expect(error?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
        expect(error?.message).toMatch(/^Syntax Error: /);
        expect((error as { locations?: unknown[] } | undefined)?.locations?.length).toBeGreaterThan(0);
      }
    });

    // Known defect: graphql-armor's max-tokens Apollo plugin re-parses the document in `parsingDidStart`
    // and throws, which Apollo treats as an unexpected error: HTTP 500, code GRAPHQL_VALIDATION_FAILED.
    // Remove `.failing` once syntax errors are answered with 400 GRAPHQL_PARSE_FAILED.
    it('answers a syntax error with 400 GRAPHQL_PARSE_FAILED', async () => {
      for (const query of SYNTAX_ERRORS) {
        const answer = await raw(hub.url, json(JSON.stringify({ query })));
        expect({ query, status: answer.status, code: answer.body.errors?.[0]?.extensions?.code }).toEqual({ query, status: 400, code: 'GRAPHQL_PARSE_FAILED' });
      }
    });

    it('refuses fields, arguments, types and input fields the schema does not have with 400 GRAPHQL_VALIDATION_FAILED', async () => {
      const documents = [
        '{ me { nickname } }',
        '{ organisations(frist: 1) { nodes { id } } }',
        '{ organisations(first: 1.5) { nodes { id } } }',
        '{ organisations(first: "5") { nodes { id } } }',
        'mutation { updateProfile(input: { nickname: "x" }) { id } }',
        'mutation { createOrganisation(input: { name: "Org", kind: sme, country: "IT", city: "Prato" }) { id } }',
        'query($i: NoSuchInput!) { me { id } }',
        'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
      ];
      for (const query of documents) {
        const result = await gql(hub.url, query, {}, victim.accessToken);
        expect({ query, status: result.status, code: errorCode(result) }).toEqual({ query, status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
      }
    });
  });

  describe('variables of the wrong type', () => {
    const cases: [string, string, Record<string, unknown>, string[] | undefined][] = [
      ['an Int for a String', UPDATE_PROFILE, { i: { displayName: 5 } }, ['i.displayName']],
      ['a lower-case string for an enum', CREATE_ORGANISATION, { i: { ...VALID_ORGANISATION, kind: 'sme' } }, ['i.kind']],
      ['an unknown enum value', CREATE_ORGANISATION, { i: { ...VALID_ORGANISATION, kind: 'BANK' } }, ['i.kind']],
      ['an object for a list of enums', CREATE_ORGANISATION, { i: { ...VALID_ORGANISATION, subsectors: { music: true } } }, undefined],
      ['an object for a list of strings', UPDATE_PROFILE, { i: { preferredLanguages: { en: 1 } } }, undefined],
      ['a list for a String', UPDATE_PROFILE, { i: { displayName: ['a', 'b'] } }, ['i.displayName']],
      ['an unknown input field', UPDATE_PROFILE, { i: { nickname: 'x' } }, undefined],
      ['a missing required field', CREATE_ORGANISATION, { i: { name: 'Only A Name' } }, undefined],
      ['null for a non-null input', UPDATE_PROFILE, { i: null }, undefined],
      ['no value for a required variable', UPDATE_PROFILE, {}, undefined],
      ['a string for the input object', UPDATE_PROFILE, { i: 'displayName=x' }, undefined],
      ['an object for an ID', 'query($id: ID!) { organisation(organisationId: $id) { id } }', { id: { id: 1 } }, ['id']],
      ['a float for an ID', 'query($id: ID!) { organisation(organisationId: $id) { id } }', { id: 1.5 }, ['id']],
      ['an Int beyond 32 bits', 'query($f: Int!) { organisations(first: $f) { nodes { id } } }', { f: 1e20 }, ['f']],
    ];

    it.each(cases)('refuses %s with 400 BAD_USER_INPUT before any resolver runs', async (_name, query, variables, fields) => {
      const result = await gql(hub.url, query, variables, victim.accessToken);
      expectRefused(result, 'BAD_USER_INPUT', 400);
      expect(result.data).toBeUndefined();
      if (fields) expect(result.errors?.[0]?.extensions?.fields).toEqual(fields);
    });

    // Known defect: `fieldsFromMessage` stops at the first ':' of the printed value, so an object value
    // yields the variable name (`i`) instead of the path graphql-js reports (`i.preferredLanguages`).
    it('names the full path of an object given for a list', async () => {
      const result = await gql(hub.url, UPDATE_PROFILE, { i: { preferredLanguages: { en: 1 } } }, victim.accessToken);
      expect(result.errors?.[0]?.message).toContain('at "i.preferredLanguages"');
      expect(result.errors?.[0]?.extensions?.fields).toEqual(['i.preferredLanguages']);
    });

    it('coerces a single value to a one-item list, as the GraphQL spec requires', async () => {
      const user = await make.user();
      const result = await gql<{ updateProfile: { preferredLanguages: string[] } }>(hub.url, 'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { preferredLanguages } }', { i: { preferredLanguages: 'fr' } }, user.accessToken);
      expect(result.data?.updateProfile.preferredLanguages).toEqual(['fr']);
    });
  });

  describe('text that cannot be stored or shown (NUL, unpaired surrogates, control characters)', () => {
    /** Characters refused in every string; line breaks are refused only where text is one line. */
    const BAD: [string, string][] = [
      ['NUL', 'a\u0000b'],
      ['a lone high surrogate', 'a\uD83Db'],
      ['a lone low surrogate', 'a\uDE00b'],
      ['a backspace', 'a\u0008b'],
      ['an escape', 'a\u001B[31mb'],
      ['DEL', 'a\u007Fb'],
      ['a C1 control', 'a\u009Bb'],
    ];
    const LINE_BREAKS: [string, string][] = [
      ['a line feed', 'Two\nlines'],
      ['a carriage return', 'Two\rlines'],
      ['a line separator', 'Two\u2028lines'],
    ];
    let owner: TestUser;
    let ids: { organisation: string; network: string; challenge: string; answer: string; channel: string };

    beforeAll(async () => {
      owner = await make.user();
      const organisation = (await make.organisation(owner)).id;
      const network = (
        await gql<{ createNetwork: { id: string } }>(
          hub.url,
          'mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }',
          { i: { organisationId: organisation, kind: 'NETWORK', name: 'Text rules network', countries: ['IT'], visibility: 'PUBLIC' } },
          owner.accessToken,
        )
      ).data!.createNetwork.id;
      const challenge = (
        await gql<{ postChallenge: { id: string } }>(
          hub.url,
          'mutation($i: PostChallengeInput!) { postChallenge(input: $i) { id } }',
          { i: { networkId: network, organisationId: organisation, title: 'Text rules challenge', description: 'x', language: 'en' } },
          owner.accessToken,
        )
      ).data!.postChallenge.id;
      await gql(hub.url, 'mutation($id: ID!) { moveChallenge(challengeId: $id, to: OPEN) { id } }', { id: challenge }, owner.accessToken);
      const answer = (
        await gql<{ answerChallenge: { id: string } }>(hub.url, 'mutation($i: AnswerInput!) { answerChallenge(input: $i) { id } }', { i: { challengeId: challenge, organisationId: organisation, body: 'An answer' } }, owner.accessToken)
      ).data!.answerChallenge.id;
      const channels = await gql<{ networkChatChannels: { id: string; kind: string }[] }>(hub.url, 'query($n: ID!) { networkChatChannels(networkId: $n) { id kind } }', { n: network }, owner.accessToken);
      const channel = channels.data!.networkChatChannels.find((c) => c.kind === 'NETWORK_GENERAL')!.id;
      ids = { organisation, network, challenge, answer, channel };
    });

    /** [field as reported, one-line?, who asks (null: anonymous), document, variables for a text]. */
    const fields = (): [string, boolean, TestUser | null, string, (text: string) => Record<string, unknown>][] => [
      ['input.displayName', true, null, REGISTER, (t) => ({ i: { email: `${randomUUID()}@test.example`, password: 'a long enough password', displayName: t } })],
      ['input.displayName', true, victim, UPDATE_PROFILE, (t) => ({ i: { displayName: t } })],
      ['input.email', true, null, 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', (t) => ({ i: { email: `x${t}@test.example`, password: 'a long enough password' } })],
      ['input.name', true, owner, CREATE_ORGANISATION, (t) => ({ i: { ...VALID_ORGANISATION, name: `Org ${t}` } })],
      ['input.description', false, owner, CREATE_ORGANISATION, (t) => ({ i: { ...VALID_ORGANISATION, description: t } })],
      ['input.name', true, owner, 'mutation($id: ID!, $i: UpdateNetworkInput!) { updateNetwork(networkId: $id, input: $i) { id } }', (t) => ({ id: ids.network, i: { name: `Net ${t}` } })],
      ['input.title', true, owner, 'mutation($id: ID!, $i: UpdateChallengeInput!) { updateChallenge(challengeId: $id, input: $i) { id } }', (t) => ({ id: ids.challenge, i: { title: `Title ${t}` } })],
      ['input.description', false, owner, 'mutation($id: ID!, $i: UpdateChallengeInput!) { updateChallenge(challengeId: $id, input: $i) { id } }', (t) => ({ id: ids.challenge, i: { description: t } })],
      ['input.materials', true, owner, 'mutation($id: ID!, $i: UpdateChallengeInput!) { updateChallenge(challengeId: $id, input: $i) { id } }', (t) => ({ id: ids.challenge, i: { materials: [t] } })],
      ['input.body', false, owner, 'mutation($i: AnswerInput!) { answerChallenge(input: $i) { id } }', (t) => ({ i: { challengeId: ids.challenge, organisationId: ids.organisation, body: t } })],
      ['body', false, owner, 'mutation($a: ID!, $b: String!) { commentOnAnswer(answerId: $a, body: $b) { id } }', (t) => ({ a: ids.answer, b: t })],
      ['filter.search', true, owner, 'query($s: String) { challenges(filter: { search: $s }) { nodes { id } } }', (t) => ({ s: t })],
      ['query', true, owner, 'query($q: String!) { searchChatMessages(query: $q) { nodes { id } } }', (t) => ({ q: `words ${t}` })],
      ['input.body', false, owner, 'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { id } }', (t) => ({ i: { channelId: ids.channel, clientId: randomUUID(), body: t } })],
      ['input.title', true, owner, 'mutation($i: CreateChatTopicInput!) { createChatTopic(input: $i) { id } }', (t) => ({ i: { networkId: ids.network, title: `Topic ${t}` } })],
      ['input.title', true, owner, 'mutation($i: CreateCanvasInput!) { createCanvas(input: $i) { id } }', (t) => ({ i: { networkId: ids.network, organisationId: ids.organisation, title: `Canvas ${t}` } })],
    ];

    it('refuses each bad character in each text field with BAD_USER_INPUT naming the field, and logs no error', async () => {
      const seen: unknown[] = [];
      const wanted: unknown[] = [];
      for (const [field, singleLine, who, query, variables] of fields()) {
        for (const [what, text] of [...BAD, ...(singleLine ? LINE_BREAKS : [])]) {
          const result = await gql(hub.url, query, variables(text), who?.accessToken);
          seen.push({ field, what, status: result.status < 500, code: errorCode(result), fields: result.errors?.[0]?.extensions?.fields });
          wanted.push({ field, what, status: true, code: 'BAD_USER_INPUT', fields: [field] });
        }
      }
      expect(seen).toEqual(wanted);
      expect(errorLogs).toEqual([]);
    });

    it('keeps tabs and line breaks in multi-line text, and stores what it accepted unchanged', async () => {
      const text = 'Line one\n\tindented\r\nemoji 🧵 and Ελληνικά, العربية';
      const sent = await gql<{ sendChatMessage: { body: string } }>(hub.url, 'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { body } }', { i: { channelId: ids.channel, clientId: randomUUID(), body: text } }, owner.accessToken);
      expect(sent.data?.sendChatMessage.body).toBe(text);
    });

    it('refuses the same characters in socket payloads (chat:send, chat:edit) with BAD_USER_INPUT naming the field', async () => {
      const client = await ChatTestClient.connect(hub.url, owner.accessToken);
      try {
        expect((await client.join(ids.channel)).ok).toBe(true);
        for (const [what, text] of BAD) {
          const sent = await client.send(ids.channel, randomUUID(), text);
          expect({ what, ack: sent }).toMatchObject({ what, ack: { ok: false, error: { code: 'BAD_USER_INPUT', fields: ['body'] } } });
        }
        const ok = await client.send(ids.channel, randomUUID(), 'fine');
        expect(ok.ok).toBe(true);
        const messageId = (ok as { data: { messageId: string } }).data.messageId;
        const edited = await client.request('chat:edit', { messageId, body: 'a\u0000b' });
        expect(edited).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT', fields: ['body'] } });
        const badKey = await client.request('chat:send', { channelId: ids.channel, clientId: randomUUID(), body: 'x', ['k\u0000']: 1 });
        expect(badKey).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
      } finally {
        client.close();
      }
      expect(errorLogs).toEqual([]);
    });
  });

  describe('dates', () => {
    const POST = 'mutation($i: PostChallengeInput!) { postChallenge(input: $i) { id deadline } }';
    let poster: TestUser;
    let base: Record<string, unknown>;

    beforeAll(async () => {
      poster = await make.user();
      const organisation = (await make.organisation(poster)).id;
      const network = await gql<{ createNetwork: { id: string } }>(
        hub.url,
        'mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }',
        { i: { organisationId: organisation, kind: 'NETWORK', name: 'Dates network', countries: ['IT'], visibility: 'PUBLIC' } },
        poster.accessToken,
      );
      base = { networkId: network.data!.createNetwork.id, organisationId: organisation, title: 'A dated challenge', description: 'x', language: 'en' };
    });

    it.each([
      ['a day that does not exist', '2027-02-30T10:00:00Z'],
      ['29 February of a common year', '2027-02-29T10:00:00Z'],
      ['hour 24', '2027-03-01T24:00:00Z'],
      ['no zone', '2027-03-01T10:00:00'],
      ['a date without a time', '2027-03-01'],
      ['words', 'next Tuesday'],
      ['a number', 1803981600000],
    ])('refuses a DateTime that is %s with BAD_USER_INPUT naming the field', async (_what, deadline) => {
      const result = await gql(hub.url, POST, { i: { ...base, deadline } }, poster.accessToken);
      expectRefused(result, 'BAD_USER_INPUT', 400);
      expect(result.errors?.[0]?.extensions?.fields).toEqual(['i.deadline']);
      expect(result.errors?.[0]?.message).toMatch(/2027-03-01T10:00:00Z/);
    });

    it('refuses an impossible DateTime written in the document too (a validation error: the document itself is wrong)', async () => {
      const i = base as { networkId: string; organisationId: string };
      const query = `mutation { postChallenge(input: { networkId: "${i.networkId}", organisationId: "${i.organisationId}", title: "A dated challenge", description: "x", language: "en", deadline: "2027-04-31T10:00:00Z" }) { id } }`;
      const result = await gql(hub.url, query, {}, poster.accessToken);
      expectRefused(result, 'GRAPHQL_VALIDATION_FAILED', 400);
      expect(result.errors?.[0]?.message).toMatch(/2027-03-01T10:00:00Z/);
    });

    it('accepts RFC 3339 with Z or an offset and returns the same instant in UTC', async () => {
      for (const [deadline, utc] of [
        ['2028-02-29T10:00:00Z', '2028-02-29T10:00:00.000Z'],
        ['2027-03-01T11:00:00+01:00', '2027-03-01T10:00:00.000Z'],
      ]) {
        const result = await gql<{ postChallenge: { deadline: string } }>(hub.url, POST, { i: { ...base, deadline } }, poster.accessToken);
        expect(result.data?.postChallenge.deadline).toBe(utc);
      }
    });
  });

  describe('names and titles: trimmed, NFC, visible length, one line', () => {
    const NETWORK = 'mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id name } }';

    it.each([
      ['a display name of spaces', UPDATE_PROFILE, { i: { displayName: '    ' } }, ['input.displayName']],
      ['a display name of no-break and ideographic spaces', UPDATE_PROFILE, { i: { displayName: '\u00A0\u3000\u2003' } }, ['input.displayName']],
      ['a display name of zero-width characters', UPDATE_PROFILE, { i: { displayName: '\u200B\u200C\u200D\uFEFF' } }, ['input.displayName']],
      ['a display name of a Hangul filler', UPDATE_PROFILE, { i: { displayName: '\u3164' } }, ['input.displayName']],
      ['a display name with a line break', UPDATE_PROFILE, { i: { displayName: 'Ana\nMaria' } }, ['input.displayName']],
      ['a registration display name of spaces', REGISTER, { i: { email: 'spaces@test.example', password: 'a long enough password', displayName: ' ' } }, ['input.displayName']],
      ['an organisation name of one visible character and zero-width ones', CREATE_ORGANISATION, { i: { ...VALID_ORGANISATION, name: 'A\u200B\u200B\u200B' } }, ['input.name']],
      ['an organisation name with a newline', CREATE_ORGANISATION, { i: { ...VALID_ORGANISATION, name: 'Two\nLines Ltd' } }, ['input.name']],
      ['a city of tabs', CREATE_ORGANISATION, { i: { ...VALID_ORGANISATION, city: '\t\t' } }, ['input.city']],
    ])('refuses %s with BAD_USER_INPUT naming the field', async (_name, query, variables, fields) => {
      const result = await gql(hub.url, query, variables, victim.accessToken);
      expectRefused(result, 'BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.fields).toEqual(fields);
    });

    it('stores names trimmed and NFC-normalised, and counts visible characters, not code units', async () => {
      const user = await make.user();
      // "e" + combining acute accent becomes one "é"; surrounding spaces and zero-width spaces go.
      const renamed = await gql<{ updateProfile: { displayName: string } }>(hub.url, UPDATE_PROFILE, { i: { displayName: ' \u200BJose\u0301 Ana\u00A0 ' } }, user.accessToken);
      expect(renamed.data?.updateProfile.displayName).toBe('Jos\u00E9 Ana');
      // One visible character (a family emoji of 7 code points) is a valid display name.
      const emoji = await gql<{ updateProfile: { displayName: string } }>(hub.url, UPDATE_PROFILE, { i: { displayName: '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}' } }, user.accessToken);
      expect(emoji.data?.updateProfile.displayName).toBe('\u{1F468}\u200D\u{1F469}\u200D\u{1F467}');
      const org = await make.organisation(user);
      const network = await gql<{ createNetwork: { name: string } }>(hub.url, NETWORK, { i: { organisationId: org.id, kind: 'CLUSTER', name: '  Ελληνικά\u0301  ', countries: ['GR'], visibility: 'PUBLIC' } }, user.accessToken);
      expect(network.data?.createNetwork.name).toBe('Ελληνικά\u0301'.normalize('NFC'));
      const blank = await gql(hub.url, NETWORK, { i: { organisationId: org.id, kind: 'CLUSTER', name: '\u200B \u200B', countries: ['GR'], visibility: 'PUBLIC' } }, user.accessToken);
      expect({ code: errorCode(blank), fields: blank.errors?.[0]?.extensions?.fields }).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.name'] });
    });

    it('applies the same rules to a lone title argument (renameCanvas)', async () => {
      const user = await make.user();
      const org = await make.organisation(user);
      const network = await gql<{ createNetwork: { id: string } }>(hub.url, NETWORK, { i: { organisationId: org.id, kind: 'CLUSTER', name: 'Canvas names', countries: ['IT'], visibility: 'PUBLIC' } }, user.accessToken);
      const canvas = await gql<{ createCanvas: { id: string } }>(hub.url, 'mutation($i: CreateCanvasInput!) { createCanvas(input: $i) { id } }', { i: { networkId: network.data!.createNetwork.id, organisationId: org.id, title: 'First' } }, user.accessToken);
      const rename = (title: string) => gql<{ renameCanvas: { title: string } }>(hub.url, 'mutation($c: ID!, $t: String!) { renameCanvas(canvasId: $c, title: $t) { title } }', { c: canvas.data!.createCanvas.id, t: title }, user.accessToken);
      for (const title of ['\u200B\u200B\u200B', 'A\u200B', 'Two\nlines']) {
        const result = await rename(title);
        expect({ title, code: errorCode(result), fields: result.errors?.[0]?.extensions?.fields }).toEqual({ title, code: 'BAD_USER_INPUT', fields: ['title'] });
      }
      expect((await rename('  Cafe\u0301 plan ')).data?.renameCanvas.title).toBe('Caf\u00E9 plan');
    });
  });

  describe('values the input rules refuse (class-validator)', () => {
    const long = (n: number) => 'x'.repeat(n);
    const email300 = `${'a'.repeat(300 - '@test.example'.length)}@test.example`;
    const cases: [string, string, Record<string, unknown>, string[]][] = [
      ['a 101-character display name', UPDATE_PROFILE, { i: { displayName: long(101) } }, ['input.displayName']],
      ['an empty display name', UPDATE_PROFILE, { i: { displayName: '' } }, ['input.displayName']],
      ['country XX', UPDATE_PROFILE, { i: { country: 'XX' } }, ['input.country']],
      ['country ITA (alpha-3)', UPDATE_PROFILE, { i: { country: 'ITA' } }, ['input.country']],
      ['country it1', UPDATE_PROFILE, { i: { country: 'it1' } }, ['input.country']],
      ['an empty country', UPDATE_PROFILE, { i: { country: '' } }, ['input.country']],
      ['language tag english!!', UPDATE_PROFILE, { i: { preferredLanguages: ['english!!'] } }, ['input.preferredLanguages']],
      ['an empty language tag', UPDATE_PROFILE, { i: { preferredLanguages: [''] } }, ['input.preferredLanguages']],
      ['eleven language tags', UPDATE_PROFILE, { i: { preferredLanguages: Array.from({ length: 11 }, () => 'en') } }, ['input.preferredLanguages']],
      ['time zone Mars/Olympus', UPDATE_PROFILE, { i: { timeZone: 'Mars/Olympus' } }, ['input.timeZone']],
      ['an empty time zone', UPDATE_PROFILE, { i: { timeZone: '' } }, ['input.timeZone']],
      ['a 5001-character description', CREATE_ORGANISATION, { i: { ...VALID_ORGANISATION, description: long(5001) } }, ['input.description']],
      ['a one-character organisation name', CREATE_ORGANISATION, { i: { ...VALID_ORGANISATION, name: 'A' } }, ['input.name']],
      ['organisation country XX', CREATE_ORGANISATION, { i: { ...VALID_ORGANISATION, country: 'XX' } }, ['input.country']],
      ['a javascript: website', CREATE_ORGANISATION, { i: { ...VALID_ORGANISATION, website: 'javascript:alert(1)' } }, ['input.website']],
      ['a 300-character email at registration', REGISTER, { i: { email: email300, password: 'a long enough password', displayName: 'X' } }, ['input.email']],
      ['a malformed email at registration', REGISTER, { i: { email: 'not-an-email', password: 'a long enough password', displayName: 'X' } }, ['input.email']],
      ['a 300-character email in an invitation', INVITE, { i: { organisationId: randomUUID(), email: email300 } }, ['input.email']],
      ['an invalid UUID in an invitation', INVITE, { i: { organisationId: 'not-a-uuid', email: 'someone@test.example' } }, ['input.organisationId']],
    ];

    it.each(cases)('refuses %s with BAD_USER_INPUT naming the field', async (_name, query, variables, fields) => {
      const result = await gql(hub.url, query, variables, victim.accessToken);
      expectRefused(result, 'BAD_USER_INPUT');
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions?.fields).toEqual(fields);
    });

    it('refuses invalid UUIDs for ID arguments with BAD_USER_INPUT naming the argument', async () => {
      const cases: [string, Record<string, unknown>, string[]][] = [
        ['query($id: ID!) { organisation(organisationId: $id) { id } }', { id: 'not-a-uuid' }, ['organisationId']],
        ['query($id: ID!) { organisation(organisationId: $id) { id } }', { id: 12 }, ['organisationId']],
        ['query($id: ID!) { organisation(organisationId: $id) { id } }', { id: `${randomUUID()}x` }, ['organisationId']],
        ['query($id: ID!) { organisationInvitations(organisationId: $id) { id } }', { id: "'; DROP TABLE users; --" }, ['organisationId']],
        ['mutation($id: ID!) { acceptInvitation(invitationId: $id) { id } }', { id: 'garbage' }, ['invitationId']],
        ['mutation($id: ID!) { declineInvitation(invitationId: $id) { id } }', { id: '' }, ['invitationId']],
        ['mutation($id: ID!) { leaveOrganisation(organisationId: $id) }', { id: 'x' }, ['organisationId']],
        ['mutation($id: ID!) { updateOrganisation(organisationId: $id, input: { city: "Bari" }) { id } }', { id: 'zz' }, ['organisationId']],
      ];
      for (const [query, variables, fields] of cases) {
        const result = await gql(hub.url, query, variables, victim.accessToken);
        expect({ query, code: errorCode(result), fields: result.errors?.[0]?.extensions?.fields }).toEqual({ query, code: 'BAD_USER_INPUT', fields });
        expect(result.status).toBeLessThan(500);
      }
      const both = await gql(hub.url, 'mutation { removeMember(organisationId: "x", userId: "y") }', {}, victim.accessToken);
      expectRefused(both, 'BAD_USER_INPUT');
      expect([...(both.errors?.[0]?.extensions?.fields ?? [])].sort()).toEqual(['organisationId', 'userId']);
    });

    it('accepts the boundary values (100-character name, 5000-character description)', async () => {
      const user = await make.user();
      const name = await gql<{ updateProfile: { displayName: string } }>(hub.url, UPDATE_PROFILE, { i: { displayName: 'y'.repeat(100) } }, user.accessToken);
      expect(name.data?.updateProfile.displayName).toBe('y'.repeat(100));
      const org = await gql<{ createOrganisation: { id: string } }>(hub.url, CREATE_ORGANISATION, { i: { ...VALID_ORGANISATION, description: 'd'.repeat(5000) } }, user.accessToken);
      expect(org.errors).toBeUndefined();
    });
  });

  describe('pagination arguments', () => {
    it('refuses first: 0, 101 and -1 with BAD_USER_INPUT naming `first`', async () => {
      for (const first of [0, 101, -1]) {
        for (const field of ['organisations', 'networks']) {
          const result = await gql(hub.url, `{ ${field}(first: ${first}) { nodes { id } } }`, {}, victim.accessToken);
          expect({ field, first, code: errorCode(result), fields: result.errors?.[0]?.extensions?.fields }).toEqual({ field, first, code: 'BAD_USER_INPUT', fields: ['first'] });
          expect(result.status).toBeLessThan(500);
        }
      }
    });

    it('refuses first out of range on a nested connection too', async () => {
      const owner = await make.user();
      const org = await make.organisation(owner);
      const result = await gql(hub.url, 'query($id: ID!) { organisation(organisationId: $id) { members(first: 0) { nodes { role } } } }', { id: org.id }, owner.accessToken);
      expectRefused(result, 'BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.fields).toEqual(['first']);
    });

    it('refuses a cursor it did not give out with BAD_USER_INPUT naming `after`', async () => {
      const cursors = ['garbage', '!!!', Buffer.from('hello').toString('base64url'), Buffer.from('{"a":1}').toString('base64url'), 'x'.repeat(201)];
      for (const after of cursors) {
        const result = await gql(hub.url, 'query($after: String) { organisations(first: 5, after: $after) { nodes { id } } }', { after }, victim.accessToken);
        expect({ after, code: errorCode(result), fields: result.errors?.[0]?.extensions?.fields }).toEqual({ after, code: 'BAD_USER_INPUT', fields: ['after'] });
      }
    });

    // Known defect: `decodeCursor` accepts any two strings, so a forged cursor whose id is not a UUID (or
    // whose key is not a timestamp, for members) reaches PostgreSQL and fails there: INTERNAL_SERVER_ERROR.
    it('refuses a well-formed but forged cursor with BAD_USER_INPUT', async () => {
      const owner = await make.user();
      const org = await make.organisation(owner);
      const forged = (key: string, id: string) => Buffer.from(JSON.stringify([key, id])).toString('base64url');
      const attempts: [string, Record<string, unknown>][] = [
        ['query($after: String) { organisations(first: 5, after: $after) { nodes { id } } }', { after: forged('Org', 'not-a-uuid') }],
        ['query($after: String) { networks(first: 5, after: $after) { nodes { id } } }', { after: forged('Net', 'not-a-uuid') }],
        ['query($id: ID!, $after: String) { organisation(organisationId: $id) { members(first: 5, after: $after) { nodes { role } } } }', { id: org.id, after: forged('not-a-date', randomUUID()) }],
      ];
      for (const [query, variables] of attempts) {
        const result = await gql(hub.url, query, variables, owner.accessToken);
        expect({ query, code: errorCode(result) }).toEqual({ query, code: 'BAD_USER_INPUT' });
      }
    });
  });

  describe('socket.io frames', () => {
    let socket: HubSocket;
    let owner: TestUser;
    let ownedOrganisationId: string;

    beforeAll(async () => {
      owner = await make.user();
      ownedOrganisationId = (await make.organisation(owner)).id;
      socket = await connectSocket(hub.url, victim.accessToken);
    });
    afterAll(() => {
      socket.close();
    });

    const badPayloads: [string, unknown[]][] = [
      ['no payload at all', []],
      ['undefined', [undefined]],
      ['null', [null]],
      ['a string', ['0b7c1f6e-0000-4000-8000-000000000000']],
      ['a number', [42]],
      ['an array', [[{ organisationId: randomUUID() }]]],
      ['an empty object', [{}]],
      ['a malformed UUID', [{ organisationId: 'not-a-uuid' }]],
      ['a number for the UUID', [{ organisationId: 7 }]],
      ['an extra property', [{ organisationId: randomUUID(), extra: 1 }]],
      ['a big string', ['x'.repeat(REALTIME_MAX_PAYLOAD_BYTES / 2)]],
      ['a big UUID', [{ organisationId: 'x'.repeat(REALTIME_MAX_PAYLOAD_BYTES / 2) }]],
      ['two payloads', [{ organisationId: randomUUID() }, 'second']],
    ];

    it.each(badPayloads)('acknowledges organisation:follow with %s as BAD_USER_INPUT', async (_name, args) => {
      const ack = await emitWithDeadline(socket, 'organisation:follow', ...args);
      expect(ack).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT', message: expect.any(String) } });
      expect(socket.connected).toBe(true);
    });

    it('names the offending property in the acknowledgement', async () => {
      expect(await emitWithDeadline(socket, 'organisation:follow', { organisationId: 'nope' })).toMatchObject({ ok: false, error: { fields: ['organisationId'] } });
      expect(await emitWithDeadline(socket, 'organisation:follow', { organisationId: randomUUID(), extra: 1 })).toMatchObject({ ok: false, error: { fields: ['extra'] } });
      expect(await emitWithDeadline(socket, 'organisation:unfollow', 'junk')).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    });

    it('acknowledges a valid UUID it may not follow with NOT_FOUND or FORBIDDEN', async () => {
      expect(await emitWithDeadline(socket, 'organisation:follow', { organisationId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const notMine = (await emitWithDeadline(socket, 'organisation:follow', { organisationId: ownedOrganisationId })) as { ok: boolean; error: { code: string } };
      expect(notMine.ok).toBe(false);
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(notMine.error.code);
    });

    it('keeps the socket connected and answering system:ping after all of that', async () => {
      expect(socket.connected).toBe(true);
      expect(await emitWithDeadline(socket, 'system:ping', {})).toMatchObject({ ok: true, data: { instanceId: expect.any(String), at: expect.any(String) } });
      const ownerSocket = await connectSocket(hub.url, owner.accessToken);
      try {
        expect(await emitWithDeadline(ownerSocket, 'organisation:follow', { organisationId: ownedOrganisationId })).toEqual({ ok: true, data: {} });
      } finally {
        ownerSocket.close();
      }
    });

    it('answers an event sent without an acknowledgement with an `exception` event', async () => {
      const exception = new Promise<unknown>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no exception event')), ACK_TIMEOUT_MS);
        (socket as unknown as { once(e: string, cb: (p: unknown) => void): void }).once('exception', (payload) => {
          clearTimeout(timer);
          resolve(payload);
        });
      });
      (socket as unknown as { emit(e: string, ...a: unknown[]): void }).emit('organisation:follow', 'no ack wanted');
      expect(await exception).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(socket.connected).toBe(true);
    });

    it('closes only the socket that sends a frame over REALTIME_MAX_PAYLOAD_BYTES; the hub keeps serving', async () => {
      const offender = await connectSocket(hub.url, owner.accessToken);
      const closed = new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the oversized frame did not close the socket')), ACK_TIMEOUT_MS);
        offender.once('disconnect', (reason) => {
          clearTimeout(timer);
          resolve(reason);
        });
      });
      (offender as unknown as { emit(e: string, ...a: unknown[]): void }).emit('organisation:follow', { organisationId: 'x'.repeat(REALTIME_MAX_PAYLOAD_BYTES * 2) });
      expect(await closed).toMatch(/transport (close|error)/);
      offender.close();

      expect(socket.connected).toBe(true);
      expect(await emitWithDeadline(socket, 'system:ping', {})).toMatchObject({ ok: true });
      const again = await connectSocket(hub.url, owner.accessToken);
      try {
        expect(await emitWithDeadline(again, 'system:ping', {})).toMatchObject({ ok: true });
      } finally {
        again.close();
      }
    });
  });

  describe('graphql-ws operations', () => {
    let client: Client;
    /** Closes the server initiated (the lazy client closes idle connections itself, with 1000). */
    let serverCloses: number[];

    beforeEach(() => {
      client = graphqlWsClient(hub.url, victim.accessToken);
      serverCloses = [];
      client.on('closed', (event) => {
        const code = (event as { code: number }).code;
        if (code !== 1000) serverCloses.push(code);
      });
    });
    afterEach(() => client.dispose());

    it('answers input the rules refuse with BAD_USER_INPUT naming the field, and keeps the connection', async () => {
      const cases: [string, Record<string, unknown>, string[]][] = [
        [UPDATE_PROFILE, { i: { country: 'XX' } }, ['input.country']],
        [UPDATE_PROFILE, { i: { displayName: 'x'.repeat(101) } }, ['input.displayName']],
        ['query($id: ID!) { organisation(organisationId: $id) { id } }', { id: 'not-a-uuid' }, ['organisationId']],
        ['{ organisations(first: 0) { nodes { id } } }', {}, ['first']],
        ['{ organisations(first: 5, after: "garbage") { nodes { id } } }', {}, ['after']],
        ['subscription($id: ID!) { organisationChanged(organisationId: $id) { at } }', { id: 'not-a-uuid' }, ['organisationId']],
      ];
      for (const [query, variables, fields] of cases) {
        const outcome = await overWs(client, query, variables);
        expect({ query, code: outcome.result?.errors?.[0]?.extensions?.code, fields: outcome.result?.errors?.[0]?.extensions?.fields }).toEqual({ query, code: 'BAD_USER_INPUT', fields });
      }
      expect((await overWs(client, '{ me { id } }')).result).toEqual({ data: { me: { id: victim.id } } });
      expect(serverCloses).toEqual([]);
    });

    it('answers an unknown field with GRAPHQL_VALIDATION_FAILED and keeps the connection', async () => {
      const outcome = await overWs(client, '{ me { nickname } }');
      expect(outcome.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(serverCloses).toEqual([]);
    });

    // Known defect: over graphql-ws, graphql-js's variable coercion errors carry no `extensions.code`,
    // so `formatGraphQLError` masks them as INTERNAL_SERVER_ERROR (and logs them as server errors);
    // over HTTP the same requests get BAD_USER_INPUT.
    it('answers variables of the wrong type with BAD_USER_INPUT, as over HTTP', async () => {
      for (const variables of [{ i: { displayName: 5 } }, { i: { nickname: 'x' } }, {}]) {
        const outcome = await overWs(client, UPDATE_PROFILE, variables);
        const code = outcome.result?.errors?.[0]?.extensions?.code ?? outcome.errors?.[0]?.extensions?.code;
        expect({ variables, code }).toEqual({ variables, code: 'BAD_USER_INPUT' });
      }
    });

    // Known defect: graphql-ws parses the document itself and a syntax error thrown there is an
    // internal error to it: the whole connection is closed with 4500, ending every subscription on it.
    it('answers a syntax error with GRAPHQL_PARSE_FAILED without closing the connection', async () => {
      const outcome = await overWs(client, '{ me ');
      expect({ closeCode: outcome.closeCode, code: outcome.errors?.[0]?.extensions?.code }).toEqual({ closeCode: undefined, code: 'GRAPHQL_PARSE_FAILED' });
      expect(serverCloses).toEqual([]);
    });
  });

  describe('afterwards', () => {
    it('still serves: ready, answering me, and nothing the rejected requests touched has changed', async () => {
      const ready = await fetch(`${hub.url}/health/ready`);
      expect(ready.status).toBe(200);

      const me = await gql<{ me: Record<string, unknown> }>(hub.url, ME, {}, victim.accessToken);
      expect(me.status).toBe(200);
      expect(me.data?.me).toEqual(profileBefore);

      const memberships = await gql<{ myOrganisations: unknown[] }>(hub.url, '{ myOrganisations { organisation { id } } }', {}, victim.accessToken);
      expect(memberships.data?.myOrganisations).toEqual([]);

      // The session survived every rejected request: its refresh token still rotates.
      const refreshed = await gql<{ refreshSession: { accessToken: string } }>(hub.url, 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', { t: victim.refreshToken });
      expect(refreshed.data?.refreshSession.accessToken).toEqual(expect.any(String));
    });
  });
});

