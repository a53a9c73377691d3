import { Factory, errorCode, gql, startTestHub, type GraphQLResult, type TestHub, type TestOrganisation, type TestUser } from '@app/testing';

/**
 * What a client reads in an error: the page-size maximum whichever check refuses `first`, the states a
 * lifecycle allows next, and validation messages in words a person understands.
 */
const CREATE_NETWORK = `mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }`;
const POST = `mutation($i: PostChallengeInput!) { postChallenge(input: $i) { id } }`;
const MOVE = `mutation($id: ID!, $to: ChallengeStatus!) { moveChallenge(challengeId: $id, to: $to) { id status } }`;

type Extensions = { code?: string; fields?: string[]; allowed?: string[] };
const firstError = (result: GraphQLResult<unknown>) => result.errors?.[0] as { message: string; extensions?: Extensions } | undefined;

describe('error contract', () => {
  let hub: TestHub;
  let make: Factory;
  let owner: TestUser;
  let org: TestOrganisation;
  let networkId: string;

  beforeAll(async () => {
    hub = await startTestHub();
    make = new Factory(hub.url);
    owner = await make.user();
    org = await make.organisation(owner);
    const network = await gql<{ createNetwork: { id: string } }>(hub.url, CREATE_NETWORK, { i: { organisationId: org.id, kind: 'NETWORK', name: 'Errors network', countries: ['IT'], visibility: 'PUBLIC' } }, owner.accessToken);
    networkId = network.data!.createNetwork.id;
  });
  afterAll(() => hub.close());

  describe('page size', () => {
    it('says the maximum for first: 101 (BAD_USER_INPUT naming first)', async () => {
      const error = firstError(await gql(hub.url, '{ organisations(first: 101) { nodes { id } } }', {}, owner.accessToken));
      expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['first'] });
      expect(error?.message).toBe('first takes at most 100 per page.');
    });

    it('says the maximum for first: 101 given as a variable', async () => {
      const error = firstError(await gql(hub.url, 'query($f: Int!) { networks(first: $f) { nodes { id } } }', { f: 101 }, owner.accessToken));
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.message).toMatch(/at most 100 per page/);
    });

    it('says the maximum for first: 1000, refused by the cost limit before the argument is read', async () => {
      const error = firstError(await gql(hub.url, '{ organisations(first: 1000) { nodes { id } } }', {}, owner.accessToken));
      expect(error?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(error?.message).toMatch(/^Query Cost limit of 5000 exceeded, found 7250: first takes at most 100 per page \(found 1000\)\.$/);
    });

    it('keeps the plain cost message when no page is past the maximum', async () => {
      const query = `{ ${Array.from({ length: 8 }, (_, i) => `o${i}: organisations(first: 100) { nodes { id } }`).join(' ')} }`;
      const error = firstError(await gql(hub.url, query, {}, owner.accessToken));
      expect(error?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(error?.message).toMatch(/Cost limit of 5000 exceeded, found 5800\.$/);
    });
  });

  describe('lifecycle conflicts list the allowed next states', () => {
    it('for a challenge move the lifecycle does not have, and for a final status', async () => {
      const posted = await gql<{ postChallenge: { id: string } }>(hub.url, POST, { i: { networkId, organisationId: org.id, title: 'Indigo rinse water', description: 'Reuse it.', language: 'en' } }, owner.accessToken);
      const challengeId = posted.data!.postChallenge.id;

      const fromDraft = firstError(await gql(hub.url, MOVE, { id: challengeId, to: 'SOLVED' }, owner.accessToken));
      expect(fromDraft?.extensions).toEqual({ code: 'CONFLICT', allowed: ['OPEN', 'CLOSED'] });
      expect(fromDraft?.message).toBe('A challenge that is DRAFT cannot move to SOLVED; it can move to OPEN or CLOSED.');

      expect((await gql(hub.url, MOVE, { id: challengeId, to: 'CLOSED' }, owner.accessToken)).errors).toBeUndefined();
      const fromClosed = firstError(await gql(hub.url, MOVE, { id: challengeId, to: 'OPEN' }, owner.accessToken));
      expect(fromClosed?.extensions).toEqual({ code: 'CONFLICT', allowed: [] });
      expect(fromClosed?.message).toBe('A challenge that is CLOSED cannot move to OPEN; CLOSED is final.');
    });

    it('for a network join request decided already', async () => {
      const applicant = await make.user();
      const applicantOrg = await make.organisation(applicant);
      const requested = await gql<{ requestToJoinNetwork: { id: string } }>(hub.url, `mutation($i: RequestToJoinInput!) { requestToJoinNetwork(input: $i) { id } }`, { i: { networkId, organisationId: applicantOrg.id } }, applicant.accessToken);
      const DECIDE = `mutation($id: ID!, $a: Boolean!) { decideNetworkJoinRequest(requestId: $id, approve: $a) { id status } }`;
      expect((await gql(hub.url, DECIDE, { id: requested.data!.requestToJoinNetwork.id, a: false }, owner.accessToken)).errors).toBeUndefined();
      const again = firstError(await gql(hub.url, DECIDE, { id: requested.data!.requestToJoinNetwork.id, a: true }, owner.accessToken));
      expect(again?.extensions).toEqual({ code: 'CONFLICT', allowed: [] });
      expect(again?.message).toBe('This request is already REJECTED; REJECTED is final.');
    });
  });

  describe('validation messages speak to a person', () => {
    const CREATE_ORG = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`;

    it.each([
      ['a country name instead of a code', CREATE_ORG, { i: { name: 'Tessuti', kind: 'SME', country: 'Italy', city: 'Prato' } }, ['input.country'], 'country must be a two-letter country code such as IT, GR, FR, TN or EG.'],
      ['an id that is not one', `query($id: ID!) { organisation(organisationId: $id) { id } }`, { id: 'prato' }, ['organisationId'], 'organisationId must be an id given out by this server (a UUID).'],
      ['a page cursor that is not one', `query($a: String) { organisations(first: 5, after: $a) { nodes { id } } }`, { a: 'not a cursor!' }, ['after'], 'after must be a cursor given out by this server (`pageInfo.endCursor`).'],
    ])('%s', async (_case, query, variables, fields, message) => {
      const error = firstError(await gql(hub.url, query, variables, owner.accessToken));
      expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', fields });
      expect(error?.message).toBe(message);
    });

    it('never answers with library wording', async () => {
      const attempts: [string, Record<string, unknown>][] = [
        [CREATE_ORG, { i: { name: 'x'.repeat(300), kind: 'SME', country: 'IT', city: 'Prato' } }],
        [`mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`, { i: { email: 'not-an-address', password: 'long enough password', displayName: 'Ana' } }],
        [`mutation($i: PostChallengeInput!) { postChallenge(input: $i) { id } }`, { i: { networkId, organisationId: org.id, title: 'T', description: 'D', language: 'en', materials: Array.from({ length: 50 }, (_, i) => `m${i}`) } }],
      ];
      for (const [query, variables] of attempts) {
        const result = await gql(hub.url, query, variables, owner.accessToken);
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
        expect(firstError(result)?.message).not.toMatch(/Date instance|regular expression|ISO31661|base64|must be an array|integer number|elements|should not exist|shorter than or equal/);
      }
    });
  });
});
