import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { NetworkRole, NetworkVisibility } from '@app/contracts';
import type { Cursor } from '@api/platform/graphql/pagination.js';
import { OrganisationMembershipEntity } from '@api/modules/identity/organisations/organisation-membership.entity.js';
import { NetworkEntity } from './network.entity.js';
import { NetworkMembershipEntity } from './network-membership.entity.js';

export type NetworkFields = Pick<NetworkEntity, 'kind' | 'name' | 'description' | 'countries' | 'subsectors' | 'visibility' | 'createdByOrganisationId'>;

@Injectable()
export class NetworksRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates a network with its creating organisation as first admin. */
  async createWithAdmin(fields: NetworkFields & { createdByOrganisationId: string }, manager: EntityManager): Promise<NetworkEntity> {
    const repo = manager.getRepository(NetworkEntity);
    const network = await repo.save(repo.create(fields));
    await manager.getRepository(NetworkMembershipEntity).insert({ networkId: network.id, organisationId: fields.createdByOrganisationId, role: NetworkRole.ADMIN });
    return network;
  }

  async addMember(networkId: string, organisationId: string, role: NetworkRole, manager: EntityManager): Promise<void> {
    await manager.getRepository(NetworkMembershipEntity).insert({ networkId, organisationId, role });
  }

  /** Public networks plus private ones an organisation of the user belongs to, by name. */
  listVisibleTo(userId: string, first: number, after?: Cursor): Promise<NetworkEntity[]> {
    const query = this.dataSource
      .getRepository(NetworkEntity)
      .createQueryBuilder('n')
      .where(
        new Brackets((w) =>
          w.where('n.visibility = :public', { public: NetworkVisibility.PUBLIC }).orWhere(
            `EXISTS (SELECT 1 FROM ${this.dataSource.getMetadata(NetworkMembershipEntity).tableName} nm
                     JOIN ${this.dataSource.getMetadata(OrganisationMembershipEntity).tableName} om ON om.organisation_id = nm.organisation_id
                     WHERE nm.network_id = n.id AND om.user_id = :userId)`,
            { userId },
          ),
        ),
      )
      .orderBy('n.name', 'ASC')
      .addOrderBy('n.id', 'ASC')
      .limit(first + 1);
    if (after) query.andWhere('(n.name, n.id) > (:name, :id)', { name: after.key, id: after.id });
    return query.getMany();
  }
}
