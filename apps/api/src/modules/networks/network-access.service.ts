import { Injectable } from '@nestjs/common';
import { NetworkRole, NetworkVisibility, OrganisationRole } from '@app/contracts';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { MANAGERS, OrganisationAccessService } from '@api/modules/identity/organisations/organisation-access.service.js';
import type { NetworkEntity } from './network.entity.js';
import { NetworkMembershipsRepository, type UserNetworkStanding } from './network-memberships.repository.js';
import { NetworksRepository } from './networks.repository.js';

const isManager = (role: OrganisationRole) => (MANAGERS as readonly OrganisationRole[]).includes(role);

/**
 * Who may see and do what in a network; every check of this feature (and of features living in
 * networks) goes through here.
 * - A user is a member through any organisation of theirs that belongs to the network.
 * - A user is a network admin when they own or administer an organisation with the ADMIN role there.
 * - A private network does not exist for anyone else: NOT_FOUND, never FORBIDDEN, so nothing leaks.
 */
@Injectable()
export class NetworkAccessService {
  constructor(
    private readonly networks: NetworksRepository,
    private readonly memberships: NetworkMembershipsRepository,
    private readonly organisations: OrganisationAccessService,
  ) {}

  standing(userId: string, networkId: string): Promise<UserNetworkStanding[]> {
    return this.memberships.standingOf(networkId, userId);
  }

  /** The network if the user may see it. */
  async requireVisible(userId: string, networkId: string): Promise<{ network: NetworkEntity; standing: UserNetworkStanding[] }> {
    const [network, standing] = await Promise.all([this.networks.findById(networkId), this.standing(userId, networkId)]);
    if (!network || (network.visibility === NetworkVisibility.PRIVATE && standing.length === 0)) throw DomainException.notFound('The network');
    return { network, standing };
  }

  async requireMember(userId: string, networkId: string): Promise<{ network: NetworkEntity; standing: UserNetworkStanding[] }> {
    const seen = await this.requireVisible(userId, networkId);
    if (seen.standing.length === 0) throw DomainException.forbidden('Only members of this network may do this.');
    return seen;
  }

  async requireAdmin(userId: string, networkId: string): Promise<NetworkEntity> {
    const { network, standing } = await this.requireVisible(userId, networkId);
    if (!standing.some((s) => s.networkRole === NetworkRole.ADMIN && isManager(s.organisationRole))) {
      throw DomainException.forbidden('Only the network’s admins (owners and admins of its admin organisations) may do this.');
    }
    return network;
  }

  async isAdmin(userId: string, networkId: string): Promise<boolean> {
    return (await this.standing(userId, networkId)).some((s) => s.networkRole === NetworkRole.ADMIN && isManager(s.organisationRole));
  }

  /** The user acts for the organisation: they must own or administer it. */
  requireOrganisationManager(userId: string, organisationId: string) {
    return this.organisations.require(userId, organisationId, MANAGERS);
  }

  /** The best role the user holds in the network through any of their organisations. */
  viewerRole(standing: UserNetworkStanding[]): NetworkRole | null {
    if (standing.length === 0) return null;
    return standing.some((s) => s.networkRole === NetworkRole.ADMIN) ? NetworkRole.ADMIN : NetworkRole.MEMBER;
  }
}
