import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OrganisationRole } from '@app/contracts';
import type { Cursor } from '@api/platform/graphql/pagination.js';
import { selectList } from '@api/platform/database/select-list.js';
import { OrganisationMembershipEntity } from './organisation-membership.entity.js';

@Injectable()
export class OrganisationMembersRepository {
  private readonly findSql: string;

  constructor(private readonly dataSource: DataSource) {
    this.findSql = `SELECT ${selectList(dataSource, OrganisationMembershipEntity)} FROM "${dataSource.getMetadata(OrganisationMembershipEntity).tableName}" WHERE "organisation_id" = $1 AND "user_id" = $2`;
  }

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(OrganisationMembershipEntity);
  }

  /** Behind every access check: plain SQL over the entity's columns (see selectList). */
  async find(organisationId: string, userId: string, manager?: EntityManager): Promise<OrganisationMembershipEntity | null> {
    const rows: OrganisationMembershipEntity[] = await (manager ?? this.dataSource.manager).query(this.findSql, [organisationId, userId]);
    return rows[0] ?? null;
  }

  countOwners(organisationId: string, manager: EntityManager): Promise<number> {
    return this.repo(manager).countBy({ organisationId, role: OrganisationRole.OWNER });
  }

  async add(organisationId: string, userId: string, role: OrganisationRole, manager: EntityManager): Promise<void> {
    await this.repo(manager).insert({ organisationId, userId, role });
  }

  async setRole(organisationId: string, userId: string, role: OrganisationRole, manager: EntityManager): Promise<void> {
    await this.repo(manager).update({ organisationId, userId }, { role });
  }

  async remove(organisationId: string, userId: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).delete({ organisationId, userId });
  }

  /** Members with their user, oldest first. */
  listPage(organisationId: string, first: number, after?: Cursor): Promise<OrganisationMembershipEntity[]> {
    const query = this.repo()
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.user', 'u')
      .innerJoinAndSelect('m.organisation', 'o')
      .where('m.organisationId = :organisationId', { organisationId })
      // Millisecond order, like the cursor (see ChallengesRepository.views).
      .orderBy(`date_trunc('milliseconds', m.created_at)`, 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(first + 1);
    if (after) query.andWhere(`(date_trunc('milliseconds', m.created_at), m.id) > (:at, :id)`, { at: after.key, id: after.id });
    return query.getMany();
  }

  /** A user's memberships with their organisations. */
  listForUser(userId: string): Promise<OrganisationMembershipEntity[]> {
    return this.repo().find({ where: { userId }, relations: { organisation: true, user: true }, order: { createdAt: 'ASC' }, take: 100 });
  }
}
