import type { CciSubsector } from '@app/contracts';
import { toUser } from '@api/modules/identity/users/user.mapper.js';
import type { OrganisationEntity } from './organisation.entity.js';
import type { OrganisationInvitationEntity } from './organisation-invitation.entity.js';
import type { OrganisationMembershipEntity } from './organisation-membership.entity.js';
import type { Organisation, OrganisationInvitation, OrganisationMember } from './organisation.model.js';

export function toOrganisation(entity: OrganisationEntity): Organisation {
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    country: entity.country,
    city: entity.city,
    subsectors: entity.subsectors as CciSubsector[],
    description: entity.description,
    website: entity.website,
    createdAt: entity.createdAt,
  };
}

/** Needs the membership loaded with its user and organisation. */
export function toOrganisationMember(entity: OrganisationMembershipEntity, viewerId: string): OrganisationMember {
  if (!entity.user || !entity.organisation) throw new Error('membership loaded without its user or organisation');
  return { user: toUser(entity.user, viewerId), organisation: toOrganisation(entity.organisation), role: entity.role, joinedAt: entity.createdAt };
}

/** Needs the invitation loaded with its organisation. */
export function toInvitation(entity: OrganisationInvitationEntity): OrganisationInvitation {
  if (!entity.organisation) throw new Error('invitation loaded without its organisation');
  return {
    id: entity.id,
    organisation: toOrganisation(entity.organisation),
    email: entity.email,
    role: entity.role,
    status: entity.status,
    createdAt: entity.createdAt,
    expiresAt: entity.expiresAt,
  };
}
