import { randomUUID } from 'node:crypto';
import { gql } from './graphql-client.js';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

export interface TestOrganisation {
  id: string;
  name: string;
}

/** Builder-style factories: each call makes fresh, unique data through the public API. */
export class Factory {
  constructor(private readonly baseUrl: string) {}

  async user(overrides: { email?: string; displayName?: string; password?: string } = {}): Promise<TestUser> {
    const email = overrides.email ?? `user-${randomUUID()}@test.example`;
    const password = overrides.password ?? 'a long enough password';
    const result = await gql<{ register: { accessToken: string; refreshToken: string; user: { id: string } } }>(
      this.baseUrl,
      'mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id } } }',
      { input: { email, password, displayName: overrides.displayName ?? 'Test User', preferredLanguages: ['en'], country: 'IT', timeZone: 'Europe/Rome' } },
    );
    if (!result.data) throw new Error(`register failed: ${JSON.stringify(result.errors)}`);
    const r = result.data.register;
    return { id: r.user.id, email, password, accessToken: r.accessToken, refreshToken: r.refreshToken };
  }

  async organisation(owner: TestUser, overrides: { name?: string; country?: string; kind?: string } = {}): Promise<TestOrganisation> {
    const name = overrides.name ?? `Org ${randomUUID().slice(0, 8)}`;
    const result = await gql<{ createOrganisation: TestOrganisation }>(
      this.baseUrl,
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name } }',
      { input: { name, kind: overrides.kind ?? 'SME', country: overrides.country ?? 'IT', city: 'Prato', subsectors: ['DESIGN_FASHION'] } },
      owner.accessToken,
    );
    if (!result.data) throw new Error(`createOrganisation failed: ${JSON.stringify(result.errors)}`);
    return result.data.createOrganisation;
  }

  /** Invites `member` and has them accept: a member with `role`. */
  async membership(organisation: TestOrganisation, by: TestUser, member: TestUser, role: 'OWNER' | 'ADMIN' | 'MEMBER'): Promise<void> {
    const invited = await gql<{ inviteMember: { id: string } }>(
      this.baseUrl,
      'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }',
      { input: { organisationId: organisation.id, email: member.email, role } },
      by.accessToken,
    );
    if (!invited.data) throw new Error(`inviteMember failed: ${JSON.stringify(invited.errors)}`);
    const accepted = await gql(this.baseUrl, 'mutation($id: ID!) { acceptInvitation(invitationId: $id) { id } }', { id: invited.data.inviteMember.id }, member.accessToken);
    if (!accepted.data) throw new Error(`acceptInvitation failed: ${JSON.stringify(accepted.errors)}`);
  }
}
