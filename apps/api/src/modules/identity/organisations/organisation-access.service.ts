import { Injectable } from '@nestjs/common';
import { OrganisationRole } from '@app/contracts';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import type { OrganisationEntity } from './organisation.entity.js';
import type { OrganisationMembershipEntity } from './organisation-membership.entity.js';
import { OrganisationMembersRepository } from './organisation-members.repository.js';
import { OrganisationsRepository } from './organisations.repository.js';

export const MANAGERS = [OrganisationRole.OWNER, OrganisationRole.ADMIN] as const;
export const ANY_MEMBER = [OrganisationRole.OWNER, OrganisationRole.ADMIN, OrganisationRole.MEMBER] as const;

/** Who may do what in an organisation: every role check of the identity feature goes through here. */
@Injectable()
export class OrganisationAccessService {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly members: OrganisationMembersRepository,
  ) {}

  async load(organisationId: string): Promise<OrganisationEntity> {
    const organisation = await this.organisations.findById(organisationId);
    if (!organisation) throw DomainException.notFound('The organisation');
    return organisation;
  }

  /** The caller's membership if their role is one of `roles`; FORBIDDEN otherwise. */
  async require(userId: string, organisationId: string, roles: readonly OrganisationRole[]): Promise<{ organisation: OrganisationEntity; membership: OrganisationMembershipEntity }> {
    const [organisation, membership] = await Promise.all([this.load(organisationId), this.members.find(organisationId, userId)]);
    if (!membership || !roles.includes(membership.role)) {
      throw DomainException.forbidden(membership ? `This needs the role ${roles.join(' or ')} in the organisation.` : 'You are not a member of this organisation.');
    }
    return { organisation, membership };
  }

  async isMember(userId: string, organisationId: string): Promise<boolean> {
    return (await this.members.find(organisationId, userId)) !== null;
  }

  /** Owners may change anyone; admins may change members and admins but never touch owners. */
  assertMayManage(caller: OrganisationRole, targetCurrent: OrganisationRole, targetNext?: OrganisationRole): void {
    if (caller === OrganisationRole.OWNER) return;
    if (caller === OrganisationRole.ADMIN && targetCurrent !== OrganisationRole.OWNER && targetNext !== OrganisationRole.OWNER) return;
    throw DomainException.forbidden('Only an owner may change or remove owners, or make someone an owner.');
  }
}
