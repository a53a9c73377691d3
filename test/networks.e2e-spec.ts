import { Factory, errorCode, gql, graphqlWsClient, startTestHub, subscribe, untilSubscribed, type TestHub, type TestOrganisation, type TestUser } from '@app/testing';
import { Topics } from '@api/platform/realtime/topics.js';

const CREATE = `mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id name visibility } }`;
const NETWORK = `query($id: ID!) { network(networkId: $id) { id name viewerRole memberCount members(first: 50) { nodes { role organisation { id name country kind } } } } }`;
const REQUEST = `mutation($i: RequestToJoinInput!) { requestToJoinNetwork(input: $i) { id status direction } }`;
const INVITE = `mutation($i: InviteOrganisationInput!) { inviteOrganisationToNetwork(input: $i) { id status direction } }`;
const DECIDE = `mutation($id: ID!, $ok: Boolean!) { decideNetworkJoinRequest(requestId: $id, approve: $ok) { id status } }`;
const LEAVE = `mutation($n: ID!, $o: ID!) { leaveNetwork(networkId: $n, organisationId: $o) }`;
const REMOVE = `mutation($n: ID!, $o: ID!) { removeNetworkMember(networkId: $n, organisationId: $o) }`;
const ROLE = `mutation($n: ID!, $o: ID!, $r: NetworkRole!) { changeNetworkMemberRole(networkId: $n, organisationId: $o, role: $r) }`;
const UPDATE = `mutation($n: ID!, $i: UpdateNetworkInput!) { updateNetwork(networkId: $n, input: $i) { id name } }`;

interface Actor {
  user: TestUser;
  org: TestOrganisation;
}

describe('networks and clusters', () => {
  let hub: TestHub;
  let make: Factory;
  // host: the organisation that created the network (ADMIN); member: a MEMBER organisation;
  // outsider: an organisation outside it; plainMember: a MEMBER-role user of the member organisation.
  let host: Actor, member: Actor, outsider: Actor;
  let plainMember: TestUser;
  let publicNetwork: string, privateCluster: string;

  const actor = async (country: string, kind = 'SME'): Promise<Actor> => {
    const user = await make.user();
    return { user, org: await make.organisation(user, { country, kind }) };
  };
  const join = async (networkId: string, who: Actor) => {
    const requested = await gql<{ requestToJoinNetwork: { id: string } }>(hub.url, REQUEST, { i: { networkId, organisationId: who.org.id, message: 'We regenerate wool.' } }, who.user.accessToken);
    expect(requested.errors).toBeUndefined();
    const decided = await gql(hub.url, DECIDE, { id: requested.data!.requestToJoinNetwork.id, ok: true }, host.user.accessToken);
    expect(decided.errors).toBeUndefined();
  };

  beforeAll(async () => {
    hub = await startTestHub();
    make = new Factory(hub.url);
    host = await actor('IT', 'MUNICIPALITY');
    member = await actor('TN');
    outsider = await actor('GR', 'EXPERT');
    plainMember = await make.user();
    await make.membership(member.org, member.user, plainMember, 'MEMBER');
    const created = await gql<{ createNetwork: { id: string } }>(
      hub.url,
      CREATE,
      { i: { organisationId: host.org.id, kind: 'NETWORK', name: 'Mediterranean circular creative network', countries: ['IT', 'TN', 'GR'], subsectors: ['DESIGN_FASHION'], visibility: 'PUBLIC' } },
      host.user.accessToken,
    );
    publicNetwork = created.data!.createNetwork.id;
    const cluster = await gql<{ createNetwork: { id: string } }>(
      hub.url,
      CREATE,
      { i: { organisationId: host.org.id, kind: 'CLUSTER', name: 'Prato textile cluster', city: 'Prato', countries: ['IT'], visibility: 'PRIVATE' } },
      host.user.accessToken,
    );
    privateCluster = cluster.data!.createNetwork.id;
    await join(publicNetwork, member);
  });
  afterAll(() => hub.close());

  it('creates networks only for organisations the caller manages', async () => {
    const input = { organisationId: host.org.id, kind: 'NETWORK', name: 'Hijack', countries: ['IT'], visibility: 'PUBLIC' };
    expect(errorCode(await gql(hub.url, CREATE, { i: input }, outsider.user.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await gql(hub.url, CREATE, { i: input }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await gql(hub.url, CREATE, { i: { ...input, organisationId: member.org.id } }, plainMember.accessToken))).toBe('FORBIDDEN');
  });

  it('lists public networks to everyone and private ones only to their members', async () => {
    const list = async (token: string) =>
      (await gql<{ networks: { nodes: { id: string }[] } }>(hub.url, '{ networks(first: 100) { nodes { id } } }', {}, token)).data!.networks.nodes.map((n) => n.id);
    expect(await list(outsider.user.accessToken)).toContain(publicNetwork);
    expect(await list(outsider.user.accessToken)).not.toContain(privateCluster);
    expect(await list(host.user.accessToken)).toContain(privateCluster);
    // A private network does not exist for outsiders: not found, not forbidden, nothing about it leaks.
    expect(errorCode(await gql(hub.url, NETWORK, { id: privateCluster }, outsider.user.accessToken))).toBe('NOT_FOUND');
    expect(errorCode(await gql(hub.url, REQUEST, { i: { networkId: privateCluster, organisationId: outsider.org.id } }, outsider.user.accessToken))).toBe('NOT_FOUND');
  });

  it('shows the member directory with filters, the viewer’s role and the count', async () => {
    const seen = await gql<{ network: { viewerRole: string | null; memberCount: number; members: { nodes: { role: string; organisation: { id: string } }[] } } }>(
      hub.url,
      NETWORK,
      { id: publicNetwork },
      outsider.user.accessToken,
    );
    expect(seen.data?.network.viewerRole).toBeNull();
    expect(seen.data?.network.memberCount).toBe(2);
    expect(new Map(seen.data!.network.members.nodes.map((n) => [n.organisation.id, n.role]))).toEqual(new Map([[host.org.id, 'ADMIN'], [member.org.id, 'MEMBER']]));
    const viaMember = await gql<{ network: { viewerRole: string } }>(hub.url, NETWORK, { id: publicNetwork }, plainMember.accessToken);
    expect(viaMember.data?.network.viewerRole).toBe('MEMBER');

    const filtered = await gql<{ network: { members: { nodes: { organisation: { id: string } }[] } } }>(
      hub.url,
      'query($id: ID!) { network(networkId: $id) { members(first: 10, country: "TN", kind: SME, subsector: DESIGN_FASHION) { nodes { organisation { id } } } } }',
      { id: publicNetwork },
      outsider.user.accessToken,
    );
    expect(filtered.data?.network.members.nodes.map((n) => n.organisation.id)).toEqual([member.org.id]);
  });

  it('lets only network admins decide join requests, and refuses duplicates', async () => {
    const applicant = await actor('JO', 'NGO');
    const requested = await gql<{ requestToJoinNetwork: { id: string; status: string; direction: string } }>(hub.url, REQUEST, { i: { networkId: publicNetwork, organisationId: applicant.org.id } }, applicant.user.accessToken);
    expect(requested.data?.requestToJoinNetwork).toMatchObject({ status: 'PENDING', direction: 'REQUEST' });
    expect(errorCode(await gql(hub.url, REQUEST, { i: { networkId: publicNetwork, organisationId: applicant.org.id } }, applicant.user.accessToken))).toBe('CONFLICT');
    expect(errorCode(await gql(hub.url, REQUEST, { i: { networkId: publicNetwork, organisationId: member.org.id } }, member.user.accessToken))).toBe('CONFLICT');

    const id = requested.data!.requestToJoinNetwork.id;
    // Deciding is for the network's admins; to anyone else the request does not exist.
    for (const who of [applicant.user, member.user, plainMember, outsider.user]) {
      expect(errorCode(await gql(hub.url, DECIDE, { id, ok: true }, who.accessToken))).toBe('NOT_FOUND');
    }
    const queue = await gql<{ networkJoinRequests: { id: string }[] }>(hub.url, 'query($n: ID!) { networkJoinRequests(networkId: $n) { id } }', { n: publicNetwork }, host.user.accessToken);
    expect(queue.data?.networkJoinRequests.map((r) => r.id)).toContain(id);
    expect(errorCode(await gql(hub.url, 'query($n: ID!) { networkJoinRequests(networkId: $n) { id } }', { n: publicNetwork }, member.user.accessToken))).toBe('FORBIDDEN');

    expect((await gql(hub.url, DECIDE, { id, ok: false }, host.user.accessToken)).errors).toBeUndefined();
    expect(errorCode(await gql(hub.url, DECIDE, { id, ok: true }, host.user.accessToken))).toBe('CONFLICT');
    const after = await gql<{ network: { memberCount: number } }>(hub.url, NETWORK, { id: publicNetwork }, host.user.accessToken);
    expect(after.data?.network.memberCount).toBe(2);
  });

  it('brings organisations into a private cluster by invitation, answered by the invited organisation', async () => {
    expect(errorCode(await gql(hub.url, INVITE, { i: { networkId: privateCluster, organisationId: outsider.org.id } }, member.user.accessToken))).toBe('NOT_FOUND');
    const invited = await gql<{ inviteOrganisationToNetwork: { id: string; direction: string } }>(hub.url, INVITE, { i: { networkId: privateCluster, organisationId: outsider.org.id } }, host.user.accessToken);
    expect(invited.data?.inviteOrganisationToNetwork.direction).toBe('INVITATION');
    const id = invited.data!.inviteOrganisationToNetwork.id;
    const mine = await gql<{ myNetworkJoinRequests: { id: string }[] }>(hub.url, '{ myNetworkJoinRequests { id } }', {}, outsider.user.accessToken);
    expect(mine.data?.myNetworkJoinRequests.map((r) => r.id)).toContain(id);
    // The network's admin cannot accept on the organisation's behalf.
    expect(errorCode(await gql(hub.url, DECIDE, { id, ok: true }, host.user.accessToken))).toBe('NOT_FOUND');
    expect((await gql(hub.url, DECIDE, { id, ok: true }, outsider.user.accessToken)).errors).toBeUndefined();
    expect((await gql<{ network: { viewerRole: string } }>(hub.url, NETWORK, { id: privateCluster }, outsider.user.accessToken)).data?.network.viewerRole).toBe('MEMBER');
    expect((await gql(hub.url, LEAVE, { n: privateCluster, o: outsider.org.id }, outsider.user.accessToken)).errors).toBeUndefined();
    expect(errorCode(await gql(hub.url, NETWORK, { id: privateCluster }, outsider.user.accessToken))).toBe('NOT_FOUND');
  });

  it('always keeps an admin organisation', async () => {
    expect(errorCode(await gql(hub.url, LEAVE, { n: publicNetwork, o: host.org.id }, host.user.accessToken))).toBe('CONFLICT');
    expect(errorCode(await gql(hub.url, ROLE, { n: publicNetwork, o: host.org.id, r: 'MEMBER' }, host.user.accessToken))).toBe('CONFLICT');
    expect(errorCode(await gql(hub.url, REMOVE, { n: publicNetwork, o: host.org.id }, host.user.accessToken))).toBe('CONFLICT');
    // Promote the member, then the host may step down.
    expect((await gql(hub.url, ROLE, { n: publicNetwork, o: member.org.id, r: 'ADMIN' }, host.user.accessToken)).errors).toBeUndefined();
    expect((await gql(hub.url, ROLE, { n: publicNetwork, o: host.org.id, r: 'MEMBER' }, host.user.accessToken)).errors).toBeUndefined();
    // Now the host is a plain member: admin actions are refused to it…
    expect(errorCode(await gql(hub.url, UPDATE, { n: publicNetwork, i: { name: 'Renamed' } }, host.user.accessToken))).toBe('FORBIDDEN');
    // …and a MEMBER-role user of the admin organisation is not an admin either.
    expect(errorCode(await gql(hub.url, UPDATE, { n: publicNetwork, i: { name: 'Renamed' } }, plainMember.accessToken))).toBe('FORBIDDEN');
    expect((await gql(hub.url, UPDATE, { n: publicNetwork, i: { name: 'Mediterranean circular creative network' } }, member.user.accessToken)).errors).toBeUndefined();
    expect((await gql(hub.url, ROLE, { n: publicNetwork, o: host.org.id, r: 'ADMIN' }, member.user.accessToken)).errors).toBeUndefined();
  });

  it('streams network activity to those who may see the network, and nothing to others', async () => {
    const newcomer = await actor('PS', 'UNIVERSITY');
    const watcher = graphqlWsClient(hub.url, outsider.user.accessToken);
    const activity = subscribe<{ networkActivity: { kind: string; organisationId: string } }>(watcher, 'subscription($n: ID!) { networkActivity(networkId: $n) { kind organisationId } }', { n: publicNetwork });
    const snoop = graphqlWsClient(hub.url, outsider.user.accessToken);
    const refused = subscribe(snoop, 'subscription($n: ID!) { networkActivity(networkId: $n) { kind } }', { n: privateCluster });
    expect(JSON.stringify((await refused.next()).errors)).toContain('NOT_FOUND');
    await untilSubscribed(hub, Topics.networkActivity(publicNetwork));
    await join(publicNetwork, newcomer);
    expect((await activity.next()).data?.networkActivity).toEqual({ kind: 'MEMBER_JOINED', organisationId: newcomer.org.id });
    activity.dispose();
    await watcher.dispose();
    await snoop.dispose();
  });

  it('refuses bad input with clear codes and changes nothing', async () => {
    const bad = [
      { i: { organisationId: host.org.id, kind: 'NETWORK', name: 'X', countries: ['IT'], visibility: 'PUBLIC' } },
      { i: { organisationId: host.org.id, kind: 'NETWORK', name: 'Valid name', countries: [], visibility: 'PUBLIC' } },
      { i: { organisationId: host.org.id, kind: 'NETWORK', name: 'Valid name', countries: ['XX'], visibility: 'PUBLIC' } },
      { i: { organisationId: 'not-a-uuid', kind: 'NETWORK', name: 'Valid name', countries: ['IT'], visibility: 'PUBLIC' } },
    ];
    for (const variables of bad) expect(errorCode(await gql(hub.url, CREATE, variables, host.user.accessToken))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(hub.url, NETWORK, { id: '00000000-0000-4000-8000-000000000000' }, host.user.accessToken))).toBe('NOT_FOUND');
    expect(errorCode(await gql(hub.url, REQUEST, { i: { networkId: publicNetwork, organisationId: host.org.id, message: 'x'.repeat(1001) } }, host.user.accessToken))).toBe('BAD_USER_INPUT');
  });
});
