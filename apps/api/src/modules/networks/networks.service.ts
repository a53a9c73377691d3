import { Injectable } from '@nestjs/common';
import type { CciSubsector, NetworkKind, OrganisationKind } from '@app/contracts';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { DatabaseService } from '@api/platform/database/database.service.js';
import { decodeCursor, toPage, type Page } from '@api/platform/graphql/pagination.js';
import type { NetworkEntity } from './network.entity.js';
import type { NetworkMembershipEntity } from './network-membership.entity.js';
import type { CreateNetworkInput, UpdateNetworkInput } from './network.input.js';
import { NetworkAccessService } from './network-access.service.js';
import { NetworkMembershipsRepository } from './network-memberships.repository.js';
import { NetworksRepository } from './networks.repository.js';

function cleanFields(input: UpdateNetworkInput) {
  return {
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.city !== undefined ? { city: input.city.trim() || null } : {}),
    ...(input.countries !== undefined ? { countries: [...new Set(input.countries.map((c) => c.toUpperCase()))] } : {}),
    ...(input.subsectors !== undefined ? { subsectors: [...new Set(input.subsectors)] } : {}),
    ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
  };
}

/** Networks and clusters: creating, changing, finding them, and their member directory. */
@Injectable()
export class NetworksService {
  constructor(
    private readonly db: DatabaseService,
    private readonly networks: NetworksRepository,
    private readonly memberships: NetworkMembershipsRepository,
    private readonly access: NetworkAccessService,
  ) {}

  async create(caller: AuthUser, input: CreateNetworkInput): Promise<NetworkEntity> {
    await this.access.requireOrganisationManager(caller.id, input.organisationId);
    const fields = cleanFields(input);
    return this.db.transaction((manager) =>
      this.networks.createWithAdmin(
        {
          kind: input.kind,
          name: fields.name!,
          description: fields.description ?? '',
          city: fields.city ?? null,
          countries: fields.countries!,
          subsectors: fields.subsectors ?? [],
          visibility: input.visibility,
          createdByOrganisationId: input.organisationId,
        },
        manager,
      ),
    );
  }

  async update(caller: AuthUser, networkId: string, input: UpdateNetworkInput): Promise<NetworkEntity> {
    await this.access.requireAdmin(caller.id, networkId);
    const updated = await this.networks.update(networkId, cleanFields(input));
    if (!updated) throw new Error('network vanished during update');
    return updated;
  }

  async get(caller: AuthUser, networkId: string): Promise<NetworkEntity> {
    return (await this.access.requireVisible(caller.id, networkId)).network;
  }

  async visiblePage(caller: AuthUser, filter: { kind?: NetworkKind; country?: string }, first: number, after?: string): Promise<Page<NetworkEntity>> {
    const rows = await this.networks.listVisibleTo(caller.id, { kind: filter.kind, country: filter.country?.toUpperCase() }, first, decodeCursor(after));
    return toPage(rows, first, (n) => ({ key: n.name, id: n.id }));
  }

  /** The directory of a network is visible to whoever may see the network. */
  async directory(
    caller: AuthUser,
    networkId: string,
    filter: { country?: string; kind?: OrganisationKind; subsector?: CciSubsector },
    first: number,
    after?: string,
  ): Promise<Page<NetworkMembershipEntity>> {
    await this.access.requireVisible(caller.id, networkId);
    const rows = await this.memberships.directoryPage(networkId, { ...filter, country: filter.country?.toUpperCase() }, first, decodeCursor(after));
    return toPage(rows, first, (m) => ({ key: m.organisation!.name, id: m.id }));
  }

  /** For a network the caller was already shown (the parent of the field), so not checked again. */
  memberCount(networkId: string): Promise<number> {
    return this.memberships.count(networkId);
  }

  async viewerRole(caller: AuthUser, networkId: string) {
    return this.access.viewerRole(await this.access.standing(caller.id, networkId));
  }
}
