import { Factory, errorCode, gql, startTestHub, type TestHub, type TestOrganisation, type TestUser } from '@app/testing';

const UPDATE = 'mutation($id: ID!, $i: UpdateOrganisationInput!) { updateOrganisation(organisationId: $id, input: $i) { id name } }';
const INVITE = 'mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id status } }';
const ROLE = 'mutation($i: ChangeMemberRoleInput!) { changeMemberRole(input: $i) }';
const REMOVE = 'mutation($o: ID!, $u: ID!) { removeMember(organisationId: $o, userId: $u) }';
const LEAVE = 'mutation($o: ID!) { leaveOrganisation(organisationId: $o) }';
const MEMBERS = 'query($id: ID!) { organisation(organisationId: $id) { viewerRole members(first: 50) { nodes { role user { id } } } } }';

describe('organisations and their members', () => {
  let hub: TestHub;
  let make: Factory;
  // One organisation with one user per role, plus an outsider.
  let owner: TestUser, admin: TestUser, member: TestUser, outsider: TestUser;
  let org: TestOrganisation;

  beforeAll(async () => {
    hub = await startTestHub();
    make = new Factory(hub.url);
    [owner, admin, member, outsider] = await Promise.all([make.user(), make.user(), make.user(), make.user()]);
    org = await make.organisation(owner, { name: 'Tessitura Test' });
    await make.membership(org, owner, admin, 'ADMIN');
    await make.membership(org, owner, member, 'MEMBER');
  });
  afterAll(() => hub.close());

  const roles = async (organisationId: string, as: TestUser) => {
    const result = await gql<{ organisation: { members: { nodes: { role: string; user: { id: string } }[] } } }>(hub.url, MEMBERS, { id: organisationId }, as.accessToken);
    return new Map(result.data!.organisation.members.nodes.map((n) => [n.user.id, n.role]));
  };

  it('makes the creator the owner and lists the directory with pagination', async () => {
    const mine = await gql<{ organisation: { viewerRole: string } }>(hub.url, MEMBERS, { id: org.id }, owner.accessToken);
    expect(mine.data?.organisation.viewerRole).toBe('OWNER');
    for (let i = 0; i < 3; i += 1) await make.organisation(owner, { country: 'CY', name: `Ergastirio ${i}` });
    const page1 = await gql<{ organisations: { nodes: { name: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } }>(
      hub.url,
      'query { organisations(first: 2, country: "CY") { nodes { name } pageInfo { endCursor hasNextPage } } }',
      {},
      outsider.accessToken,
    );
    expect(page1.data?.organisations.nodes.map((n) => n.name)).toEqual(['Ergastirio 0', 'Ergastirio 1']);
    expect(page1.data?.organisations.pageInfo.hasNextPage).toBe(true);
    const page2 = await gql<{ organisations: { nodes: { name: string }[]; pageInfo: { hasNextPage: boolean } } }>(
      hub.url,
      'query($after: String) { organisations(first: 2, country: "CY", after: $after) { nodes { name } pageInfo { hasNextPage } } }',
      { after: page1.data!.organisations.pageInfo.endCursor },
      outsider.accessToken,
    );
    expect(page2.data?.organisations.nodes.map((n) => n.name)).toEqual(['Ergastirio 2']);
    expect(page2.data?.organisations.pageInfo.hasNextPage).toBe(false);
  });

  it('lets owners and admins edit, and refuses members and outsiders', async () => {
    expect((await gql(hub.url, UPDATE, { id: org.id, i: { city: 'Firenze' } }, owner.accessToken)).errors).toBeUndefined();
    expect((await gql(hub.url, UPDATE, { id: org.id, i: { city: 'Prato' } }, admin.accessToken)).errors).toBeUndefined();
    expect(errorCode(await gql(hub.url, UPDATE, { id: org.id, i: { city: 'Siena' } }, member.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await gql(hub.url, UPDATE, { id: org.id, i: { city: 'Siena' } }, outsider.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await gql(hub.url, UPDATE, { id: org.id, i: { city: 'Siena' } }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await gql(hub.url, UPDATE, { id: '00000000-0000-4000-8000-000000000000', i: { city: 'Siena' } }, owner.accessToken))).toBe('NOT_FOUND');
  });

  it('shows members to members only', async () => {
    expect((await roles(org.id, member)).get(owner.id)).toBe('OWNER');
    expect(errorCode(await gql(hub.url, MEMBERS, { id: org.id }, outsider.accessToken))).toBe('FORBIDDEN');
  });

  it('applies the invitation rules', async () => {
    const invitee = await make.user();
    expect(errorCode(await gql(hub.url, INVITE, { i: { organisationId: org.id, email: invitee.email } }, member.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await gql(hub.url, INVITE, { i: { organisationId: org.id, email: invitee.email } }, outsider.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await gql(hub.url, INVITE, { i: { organisationId: org.id, email: invitee.email, role: 'OWNER' } }, admin.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await gql(hub.url, INVITE, { i: { organisationId: org.id, email: member.email } }, admin.accessToken))).toBe('CONFLICT');

    const sent = await gql<{ inviteMember: { id: string; status: string } }>(hub.url, INVITE, { i: { organisationId: org.id, email: invitee.email.toUpperCase() } }, admin.accessToken);
    expect(sent.data?.inviteMember.status).toBe('PENDING');
    expect(errorCode(await gql(hub.url, INVITE, { i: { organisationId: org.id, email: invitee.email } }, admin.accessToken))).toBe('CONFLICT');

    const invitationId = sent.data!.inviteMember.id;
    const mine = await gql<{ myInvitations: { id: string }[] }>(hub.url, '{ myInvitations { id } }', {}, invitee.accessToken);
    expect(mine.data?.myInvitations.map((i) => i.id)).toEqual([invitationId]);
    // Someone else cannot see or accept it: it does not exist for them.
    expect(errorCode(await gql(hub.url, 'mutation($id: ID!) { acceptInvitation(invitationId: $id) { id } }', { id: invitationId }, outsider.accessToken))).toBe('NOT_FOUND');
    const accepted = await gql<{ acceptInvitation: { status: string } }>(hub.url, 'mutation($id: ID!) { acceptInvitation(invitationId: $id) { status } }', { id: invitationId }, invitee.accessToken);
    expect(accepted.data?.acceptInvitation.status).toBe('ACCEPTED');
    expect(errorCode(await gql(hub.url, 'mutation($id: ID!) { acceptInvitation(invitationId: $id) { id } }', { id: invitationId }, invitee.accessToken))).toBe('CONFLICT');
    expect((await roles(org.id, owner)).get(invitee.id)).toBe('MEMBER');
  });

  it('lets an admin manage members but never owners', async () => {
    const extra = await make.user();
    await make.membership(org, owner, extra, 'MEMBER');
    expect(errorCode(await gql(hub.url, ROLE, { i: { organisationId: org.id, userId: owner.id, role: 'MEMBER' } }, admin.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await gql(hub.url, ROLE, { i: { organisationId: org.id, userId: extra.id, role: 'OWNER' } }, admin.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await gql(hub.url, REMOVE, { o: org.id, u: owner.id }, admin.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await gql(hub.url, ROLE, { i: { organisationId: org.id, userId: extra.id, role: 'ADMIN' } }, member.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await gql(hub.url, REMOVE, { o: org.id, u: extra.id }, member.accessToken))).toBe('FORBIDDEN');
    expect((await gql(hub.url, ROLE, { i: { organisationId: org.id, userId: extra.id, role: 'ADMIN' } }, admin.accessToken)).errors).toBeUndefined();
    // An admin may not remove another admin; the owner may.
    expect(errorCode(await gql(hub.url, REMOVE, { o: org.id, u: extra.id }, admin.accessToken))).toBe('FORBIDDEN');
    expect((await gql(hub.url, REMOVE, { o: org.id, u: extra.id }, owner.accessToken)).errors).toBeUndefined();
    expect((await roles(org.id, owner)).has(extra.id)).toBe(false);
  });

  it('always keeps an owner', async () => {
    const solo = await make.user();
    const own = await make.organisation(solo);
    expect(errorCode(await gql(hub.url, LEAVE, { o: own.id }, solo.accessToken))).toBe('CONFLICT');
    expect(errorCode(await gql(hub.url, ROLE, { i: { organisationId: own.id, userId: solo.id, role: 'ADMIN' } }, solo.accessToken))).toBe('CONFLICT');
    expect(errorCode(await gql(hub.url, REMOVE, { o: own.id, u: solo.id }, solo.accessToken))).toBe('CONFLICT');
    expect((await roles(own.id, solo)).get(solo.id)).toBe('OWNER');
  });

  it('keeps exactly one owner when two owners leave at the same moment', async () => {
    const first = await make.user();
    const second = await make.user();
    const shared = await make.organisation(first);
    await make.membership(shared, first, second, 'OWNER');
    const results = await Promise.all([gql(hub.url, LEAVE, { o: shared.id }, first.accessToken), gql(hub.url, LEAVE, { o: shared.id }, second.accessToken)]);
    const codes = results.map((r) => errorCode(r) ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const stayer = codes[0] === 'OK' ? null : results.findIndex((r) => errorCode(r) === 'CONFLICT');
    const remaining = stayer === 0 ? first : second;
    const left = await roles(shared.id, remaining);
    expect([...left.values()]).toEqual(['OWNER']);
  });

  it('lets a member leave', async () => {
    const leaver = await make.user();
    await make.membership(org, owner, leaver, 'MEMBER');
    expect((await gql(hub.url, LEAVE, { o: org.id }, leaver.accessToken)).errors).toBeUndefined();
    expect(errorCode(await gql(hub.url, LEAVE, { o: org.id }, leaver.accessToken))).toBe('NOT_FOUND');
  });
});
