import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { OrganisationKind } from '@app/contracts';
import { OrganisationRole } from '@app/contracts';
import type { Cursor } from '@api/platform/graphql/pagination.js';
import { OrganisationEntity } from './organisation.entity.js';
import { OrganisationMembershipEntity } from './organisation-membership.entity.js';

export type OrganisationFields = Pick<OrganisationEntity, 'name' | 'kind' | 'country' | 'city' | 'subsectors' | 'description' | 'website'>;

@Injectable()
export class OrganisationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(OrganisationEntity);
  }

  findById(id: string): Promise<OrganisationEntity | null> {
    return this.repo().findOneBy({ id });
  }

  /** Locks the organisation row: membership changes that must keep an owner queue behind each other. */
  lockById(id: string, manager: EntityManager): Promise<OrganisationEntity | null> {
    return this.repo(manager).createQueryBuilder('o').setLock('pessimistic_write').where('o.id = :id', { id }).getOne();
  }

  /** Creates the organisation with its creator as first owner, in one transaction. */
  async createWithOwner(fields: OrganisationFields, ownerId: string, manager: EntityManager): Promise<OrganisationEntity> {
    const organisation = await this.repo(manager).save(this.repo(manager).create(fields));
    await manager.getRepository(OrganisationMembershipEntity).insert({ organisationId: organisation.id, userId: ownerId, role: OrganisationRole.OWNER });
    return organisation;
  }

  async update(id: string, changes: Partial<OrganisationFields>): Promise<OrganisationEntity | null> {
    if (Object.keys(changes).length > 0) await this.repo().update({ id }, changes);
    return this.findById(id);
  }

  /** Directory page ordered by name, then id. */
  listPage(filter: { country?: string; kind?: OrganisationKind }, first: number, after?: Cursor): Promise<OrganisationEntity[]> {
    const query = this.repo().createQueryBuilder('o').orderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC').limit(first + 1);
    if (filter.country) query.andWhere('o.country = :country', { country: filter.country });
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (after) query.andWhere('(o.name, o.id) > (:name, :id)', { name: after.key, id: after.id });
    return query.getMany();
  }
}
