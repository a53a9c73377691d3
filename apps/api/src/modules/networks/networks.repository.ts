import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { NetworkRole, NetworkVisibility, type NetworkKind } from '@app/contracts';
import type { Cursor } from '@api/platform/graphql/pagination.js';
import { OrganisationMembershipEntity } from '@api/modules/identity/organisations/organisation-membership.entity.js';
import { NetworkEntity } from './network.entity.js';
import { NetworkMembershipEntity } from './network-membership.entity.js';

export type NetworkFields = Pick<NetworkEntity, 'kind' | 'name' | 'description' | 'city' | 'countries' | 'subsectors' | 'visibility' | 'createdByOrganisationId'>;

@Injectable()
export class NetworksRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(NetworkEntity);
  }

  findById(id: string): Promise<NetworkEntity | null> {
    return this.repo().findOneBy({ id });
  }

  /** Locks the network row: membership changes that must keep an admin queue behind each other. */
  lockById(id: string, manager: EntityManager): Promise<NetworkEntity | null> {
    return this.repo(manager).createQueryBuilder('n').setLock('pessimistic_write').where('n.id = :id', { id }).getOne();
  }

  /** Creates a network with its creating organisation as first admin. */
  async createWithAdmin(fields: NetworkFields & { createdByOrganisationId: string }, manager: EntityManager): Promise<NetworkEntity> {
    const network = await this.repo(manager).save(this.repo(manager).create(fields));
    await manager.getRepository(NetworkMembershipEntity).insert({ networkId: network.id, organisationId: fields.createdByOrganisationId, role: NetworkRole.ADMIN });
    return network;
  }

  async update(id: string, changes: Partial<NetworkFields>): Promise<NetworkEntity | null> {
    if (Object.keys(changes).length > 0) await this.repo().update({ id }, changes);
    return this.findById(id);
  }

  /** Public networks plus private ones an organisation of the user belongs to, by name. */
  listVisibleTo(userId: string, filter: { kind?: NetworkKind; country?: string }, first: number, after?: Cursor): Promise<NetworkEntity[]> {
    const query = this.repo()
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
    if (filter.kind) query.andWhere('n.kind = :kind', { kind: filter.kind });
    if (filter.country) query.andWhere(':country = ANY(n.countries)', { country: filter.country });
    if (after) query.andWhere('(n.name, n.id) > (:name, :id)', { name: after.key, id: after.id });
    return query.getMany();
  }
}
