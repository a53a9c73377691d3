import jwt from 'jsonwebtoken';
import { Factory, TEST_JWT_SECRET, connectSocket, errorCode, gql, nextEvent, startTestHub, type TestHub } from '@app/testing';

const ME = '{ me { id email displayName preferredLanguages country timeZone } }';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id } } }';
const REFRESH = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }';

describe('accounts and sessions', () => {
  let hub: TestHub;
  let make: Factory;

  beforeAll(async () => {
    hub = await startTestHub({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' });
    make = new Factory(hub.url);
  });
  afterAll(() => hub.close());

  it('registers, signs in and answers me with the profile', async () => {
    const user = await make.user({ email: 'Mixed.Case@Test.example', displayName: 'Leila' });
    const me = await gql<{ me: { id: string; email: string; displayName: string; timeZone: string } }>(hub.url, ME, {}, user.accessToken);
    expect(me.data?.me).toMatchObject({ id: user.id, email: 'mixed.case@test.example', displayName: 'Leila', timeZone: 'Europe/Rome' });

    const login = await gql<{ login: { user: { id: string } } }>(hub.url, LOGIN, { input: { email: 'MIXED.case@test.example', password: user.password } });
    expect(login.data?.login.user.id).toBe(user.id);
  });

  it('refuses a second account with the same email (any case) with CONFLICT', async () => {
    const user = await make.user();
    const again = await gql(hub.url, 'mutation($i: RegisterInput!) { register(input: $i) { accessToken } }', {
      i: { email: user.email.toUpperCase(), password: 'another long password', displayName: 'Twin' },
    });
    expect(errorCode(again)).toBe('CONFLICT');
  });

  it('answers a wrong password and an unknown email alike, and throttles per account', async () => {
    const user = await make.user();
    const wrong = await gql(hub.url, LOGIN, { input: { email: user.email, password: 'not the password' } });
    const unknown = await gql(hub.url, LOGIN, { input: { email: 'nobody@test.example', password: 'not the password' } });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);

    await gql(hub.url, LOGIN, { input: { email: user.email, password: 'not the password' } });
    await gql(hub.url, LOGIN, { input: { email: user.email, password: 'not the password' } });
    // Three failures: even the right password is now refused until the window passes.
    const throttled = await gql(hub.url, LOGIN, { input: { email: user.email, password: user.password } });
    expect(errorCode(throttled)).toBe('RATE_LIMITED');
  });

  it('rotates refresh tokens and ends the whole session when a spent one is reused', async () => {
    const user = await make.user();
    const first = await gql<{ refreshSession: { accessToken: string; refreshToken: string } }>(hub.url, REFRESH, { t: user.refreshToken });
    const rotated = first.data!.refreshSession;
    expect(rotated.refreshToken).not.toBe(user.refreshToken);

    const reuse = await gql(hub.url, REFRESH, { t: user.refreshToken });
    expect(errorCode(reuse)).toBe('UNAUTHENTICATED');
    // The reuse revoked the family: the newest token is dead too.
    const afterReuse = await gql(hub.url, REFRESH, { t: rotated.refreshToken });
    expect(errorCode(afterReuse)).toBe('UNAUTHENTICATED');
  });

  it('logout revokes refresh tokens and closes the session’s sockets', async () => {
    const user = await make.user();
    const socket = await connectSocket(hub.url, user.accessToken);
    const ended = nextEvent(socket, 'session:ended');
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const out = await gql<{ logout: boolean }>(hub.url, 'mutation { logout }', {}, user.accessToken);
    expect(out.data?.logout).toBe(true);
    expect(await ended).toEqual({ reason: 'LOGGED_OUT' });
    expect(await disconnected).toBe('io server disconnect');
    expect(errorCode(await gql(hub.url, REFRESH, { t: user.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('rejects missing, forged, expired and wrong-type tokens with UNAUTHENTICATED', async () => {
    const user = await make.user();
    const sign = (claims: object, options: jwt.SignOptions, secret = TEST_JWT_SECRET) => jwt.sign(claims, secret, options);
    const base = { subject: user.id, audience: 'innomed-hub', issuer: 'innomed-hub' } as const;
    const tokens = {
      missing: undefined,
      garbage: 'not-a-jwt',
      forged: sign({ sid: 'x', typ: 'access' }, { ...base, expiresIn: 60 }, 'another-secret-another-secret-another-secret'),
      expired: sign({ sid: 'x', typ: 'access', exp: Math.floor(Date.now() / 1000) - 10 }, base),
      wrongType: sign({ sid: 'x', typ: 'refresh' }, { ...base, expiresIn: 60 }),
      wrongAudience: sign({ sid: 'x', typ: 'access' }, { ...base, audience: 'elsewhere', expiresIn: 60 }),
      none: jwt.sign({ sid: 'x', typ: 'access', sub: user.id, aud: 'innomed-hub', iss: 'innomed-hub' }, '', { algorithm: 'none' }),
    };
    for (const [name, token] of Object.entries(tokens)) {
      const result = await gql(hub.url, ME, {}, token);
      expect({ name, code: errorCode(result) }).toEqual({ name, code: 'UNAUTHENTICATED' });
    }
    const expired = await gql(hub.url, ME, {}, tokens.expired);
    expect(expired.errors?.[0]?.message).toMatch(/expired/);
  });

  it('updates the profile and validates languages, country and time zone', async () => {
    const user = await make.user();
    const ok = await gql<{ updateProfile: { preferredLanguages: string[]; country: string; timeZone: string } }>(
      hub.url,
      'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { preferredLanguages country timeZone } }',
      { i: { preferredLanguages: ['AR-tn', 'fr', 'ar-TN'], country: 'tn', timeZone: 'Africa/Tunis' } },
      user.accessToken,
    );
    expect(ok.data?.updateProfile).toEqual({ preferredLanguages: ['ar-TN', 'fr'], country: 'TN', timeZone: 'Africa/Tunis' });

    for (const [field, value] of [['preferredLanguages', ['not a language!']], ['country', 'XX'], ['timeZone', 'Mars/Olympus']] as const) {
      const bad = await gql(hub.url, 'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id } }', { i: { [field]: value } }, user.accessToken);
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0]?.extensions?.fields?.[0]).toBe(`input.${field}`);
    }
  });

  it('never shows another user’s email', async () => {
    const owner = await make.user();
    const other = await make.user();
    const org = await make.organisation(owner);
    await make.membership(org, owner, other, 'MEMBER');
    const members = await gql<{ organisation: { members: { nodes: { user: { id: string; email: string | null } }[] } } }>(
      hub.url,
      'query($id: ID!) { organisation(organisationId: $id) { members(first: 10) { nodes { user { id email } } } } }',
      { id: org.id },
      other.accessToken,
    );
    const byId = new Map(members.data!.organisation.members.nodes.map((n) => [n.user.id, n.user.email]));
    expect(byId.get(owner.id)).toBeNull();
    expect(byId.get(other.id)).toBe(other.email);
  });
});

describe('login throttling per address', () => {
  it('refuses further attempts from one address after its failures, whichever account they target', async () => {
    // Behind a trusted proxy, so the test can speak from an address no other suite has used.
    const hub = await startTestHub({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '100', LOGIN_MAX_FAILURES_PER_ADDRESS: '4', TRUST_PROXY: 'true' });
    const from = { 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250) + 1}` };
    try {
      const user = await new Factory(hub.url).user();
      for (let i = 0; i < 4; i += 1) {
        const failed = await gql(hub.url, LOGIN, { input: { email: `someone-${i}@test.example`, password: 'wrong password' } }, undefined, from);
        expect(errorCode(failed)).toBe('UNAUTHENTICATED');
      }
      const elsewhere = await gql(hub.url, LOGIN, { input: { email: user.email, password: user.password } }, undefined, { 'x-forwarded-for': '203.0.113.7' });
      expect(errorCode(elsewhere)).toBeUndefined();
      const throttled = await gql(hub.url, LOGIN, { input: { email: user.email, password: user.password } }, undefined, from);
      expect(errorCode(throttled)).toBe('RATE_LIMITED');
    } finally {
      await hub.close();
    }
  });
});
