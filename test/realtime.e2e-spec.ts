import jwt from 'jsonwebtoken';
import { Factory, TEST_JWT_SECRET, connectSocket, gql, graphqlWsClient, nextEvent, startTestHub, subscribe, untilSubscribed, type TestHub } from '@app/testing';
import { Topics } from '@api/platform/realtime/topics.js';

const CHANGED = 'subscription($id: ID!) { organisationChanged(organisationId: $id) { organisationId change userId at } }';

function shortLivedToken(userId: string, seconds: number): string {
  return jwt.sign({ sid: '00000000-0000-4000-8000-000000000001', typ: 'access' }, TEST_JWT_SECRET, {
    subject: userId,
    audience: 'innomed-hub',
    issuer: 'innomed-hub',
    expiresIn: seconds,
  });
}

describe('realtime: socket.io and graphql-ws', () => {
  let hub: TestHub;
  let make: Factory;

  beforeAll(async () => {
    hub = await startTestHub({ ALLOWED_ORIGINS: 'https://hub.example.org' });
    make = new Factory(hub.url);
  });
  afterAll(() => hub.close());

  describe('socket.io handshake', () => {
    it('refuses a missing, invalid or expired token with the reason', async () => {
      const user = await make.user();
      await expect(connectSocket(hub.url, undefined)).rejects.toThrow('MISSING_TOKEN');
      await expect(connectSocket(hub.url, 'garbage')).rejects.toThrow('INVALID_TOKEN');
      await expect(connectSocket(hub.url, shortLivedToken(user.id, -5))).rejects.toThrow('TOKEN_EXPIRED');
    });

    it('refuses a browser origin that is not allowed, and accepts an allowed one', async () => {
      const user = await make.user();
      await expect(connectSocket(hub.url, user.accessToken, { origin: 'https://evil.example' })).rejects.toThrow('ORIGIN_NOT_ALLOWED');
      const socket = await connectSocket(hub.url, user.accessToken, { origin: 'https://hub.example.org' });
      socket.close();
    });

    it('ends a socket when its token expires', async () => {
      const user = await make.user();
      const socket = await connectSocket(hub.url, shortLivedToken(user.id, 2));
      const ended = await nextEvent(socket, 'session:ended', 6000);
      expect(ended).toEqual({ reason: 'TOKEN_EXPIRED' });
      socket.close();
    });
  });

  describe('following an organisation', () => {
    it('lets members follow and delivers changes; refuses outsiders', async () => {
      const owner = await make.user();
      const outsider = await make.user();
      const org = await make.organisation(owner);

      const ownerSocket = await connectSocket(hub.url, owner.accessToken);
      const outsiderSocket = await connectSocket(hub.url, outsider.accessToken);
      const okAck = await ownerSocket.emitWithAck('organisation:follow', { organisationId: org.id });
      expect(okAck).toEqual({ ok: true, data: {} });
      const refused = await outsiderSocket.emitWithAck('organisation:follow', { organisationId: org.id });
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

      const changed = nextEvent(ownerSocket, 'organisation:changed');
      let outsiderGotIt = false;
      outsiderSocket.on('organisation:changed', () => (outsiderGotIt = true));
      await gql(hub.url, 'mutation($id: ID!) { updateOrganisation(organisationId: $id, input: { city: "Lucca" }) { id } }', { id: org.id }, owner.accessToken);
      expect(await changed).toMatchObject({ organisationId: org.id, change: 'UPDATED' });
      // A second, later event proves the outsider had the chance to receive the first.
      const pong = await outsiderSocket.emitWithAck('system:ping', {});
      expect(pong.ok).toBe(true);
      expect(outsiderGotIt).toBe(false);
      ownerSocket.close();
      outsiderSocket.close();
    });

    it('answers a malformed payload with BAD_USER_INPUT and keeps the socket', async () => {
      const user = await make.user();
      const socket = await connectSocket(hub.url, user.accessToken);
      const ack = await socket.emitWithAck('organisation:follow', { organisationId: 'nope' } as { organisationId: string });
      expect(ack).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT', fields: ['organisationId'] } });
      expect((await socket.emitWithAck('system:ping', {})).ok).toBe(true);
      socket.close();
    });

    it('delivers an invitation to the invitee’s sockets and subscription', async () => {
      const owner = await make.user();
      const invitee = await make.user();
      const org = await make.organisation(owner, { name: 'Medina Lab' });
      const socket = await connectSocket(hub.url, invitee.accessToken);
      const client = graphqlWsClient(hub.url, invitee.accessToken);
      const sub = subscribe<{ invitationReceived: { organisation: { name: string }; role: string } }>(client, 'subscription { invitationReceived { role organisation { name } } }');
      await untilSubscribed(hub, Topics.invitationReceived(invitee.id));
      const viaSocket = nextEvent(socket, 'invitation:received');
      await gql(hub.url, 'mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id } }', { i: { organisationId: org.id, email: invitee.email, role: 'ADMIN' } }, owner.accessToken);
      expect(await viaSocket).toMatchObject({ organisationId: org.id, organisationName: 'Medina Lab', role: 'ADMIN' });
      expect((await sub.next()).data).toEqual({ invitationReceived: { role: 'ADMIN', organisation: { name: 'Medina Lab' } } });
      sub.dispose();
      await client.dispose();
      socket.close();
    });
  });

  describe('GraphQL subscriptions over graphql-ws', () => {
    it('authenticates the connection and authorises the subscription', async () => {
      const owner = await make.user();
      const outsider = await make.user();
      const org = await make.organisation(owner);

      const anonymous = graphqlWsClient(hub.url, undefined);
      const anon = subscribe(anonymous, CHANGED, { id: org.id });
      const anonResult = await anon.next();
      expect(anonResult.errors).toBeDefined();
      expect(String((anon.closedWith as { code?: number; reason?: string })?.reason ?? anon.closedWith)).toMatch(/MISSING_TOKEN/);
      await anonymous.dispose();

      const outsiderClient = graphqlWsClient(hub.url, outsider.accessToken);
      const forbidden = subscribe(outsiderClient, CHANGED, { id: org.id });
      const forbiddenResult = await forbidden.next();
      expect(JSON.stringify(forbiddenResult.errors)).toContain('FORBIDDEN');
      await outsiderClient.dispose();
    });

    it('delivers organisation changes, and stops when the subscriber leaves the organisation', async () => {
      const owner = await make.user();
      const member = await make.user();
      const org = await make.organisation(owner);
      await make.membership(org, owner, member, 'MEMBER');

      const client = graphqlWsClient(hub.url, member.accessToken);
      const sub = subscribe<{ organisationChanged: { organisationId: string; change: string } }>(client, CHANGED, { id: org.id });
      await untilSubscribed(hub, Topics.organisationChanged(org.id));
      await gql(hub.url, 'mutation($id: ID!) { updateOrganisation(organisationId: $id, input: { city: "Pisa" }) { id } }', { id: org.id }, owner.accessToken);
      expect((await sub.next()).data?.organisationChanged).toMatchObject({ organisationId: org.id, change: 'UPDATED' });

      await gql(hub.url, 'mutation($o: ID!, $u: ID!) { removeMember(organisationId: $o, userId: $u) }', { o: org.id, u: member.id }, owner.accessToken);
      await gql(hub.url, 'mutation($id: ID!) { updateOrganisation(organisationId: $id, input: { city: "Pistoia" }) { id } }', { id: org.id }, owner.accessToken);
      // Membership ended mid-stream: nothing more is delivered.
      await expect(sub.next(1500)).rejects.toThrow(/no subscription result/);
      sub.dispose();
      await client.dispose();
    });

    it('closes graphql-ws connections of a session that logs out', async () => {
      const user = await make.user();
      const org = await make.organisation(user);
      const client = graphqlWsClient(hub.url, user.accessToken);
      const closed = new Promise<{ code: number; reason: string }>((resolve) => client.on('closed', (event) => resolve(event as { code: number; reason: string })));
      const sub = subscribe(client, CHANGED, { id: org.id });
      await untilSubscribed(hub, Topics.organisationChanged(org.id));
      await gql(hub.url, 'mutation { logout }', {}, user.accessToken);
      const event = await closed;
      expect(event.code).toBe(4401);
      expect(event.reason).toBe('SESSION_ENDED');
      sub.dispose();
    });
  });
});

describe('realtime: events nobody handles', () => {
  it('answers an unknown event’s ack with BAD_USER_INPUT', async () => {
    const hub = await startTestHub();
    try {
      const user = await new Factory(hub.url).user();
      const socket = await connectSocket(hub.url, user.accessToken);
      const ack = await (socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<unknown> } }).timeout(3000).emitWithAck('no:such-event', {});
      expect(ack).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
      socket.close();
    } finally {
      await hub.close();
    }
  });
});
