import type { CciSubsector } from '@app/contracts';
import { toOrganisation } from '@api/modules/identity/organisations/organisation.mapper.js';
import type { NetworkEntity } from './network.entity.js';
import type { NetworkJoinRequestEntity } from './network-join-request.entity.js';
import type { NetworkMembershipEntity } from './network-membership.entity.js';
import type { Network, NetworkJoinRequest, NetworkMember } from './network.model.js';

export function toNetwork(entity: NetworkEntity): Network {
  return {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    description: entity.description,
    city: entity.city,
    countries: entity.countries,
    subsectors: entity.subsectors as CciSubsector[],
    visibility: entity.visibility,
    createdAt: entity.createdAt,
  };
}

/** Needs the membership loaded with its organisation. */
export function toNetworkMember(entity: NetworkMembershipEntity): NetworkMember {
  if (!entity.organisation) throw new Error('network membership loaded without its organisation');
  return { organisation: toOrganisation(entity.organisation), role: entity.role, joinedAt: entity.createdAt };
}

/** Needs the request loaded with its network and organisation. */
export function toJoinRequest(entity: NetworkJoinRequestEntity): NetworkJoinRequest {
  if (!entity.network || !entity.organisation) throw new Error('join request loaded without its network or organisation');
  return {
    id: entity.id,
    direction: entity.direction,
    network: toNetwork(entity.network),
    organisation: toOrganisation(entity.organisation),
    message: entity.message,
    status: entity.status,
    createdAt: entity.createdAt,
    decidedAt: entity.decidedAt,
  };
}
