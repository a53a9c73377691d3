import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { NetworkRole, type CciSubsector, type OrganisationKind, type OrganisationRole } from '@app/contracts';
import type { Cursor } from '@api/platform/graphql/pagination.js';
import { NetworkMembershipEntity } from './network-membership.entity.js';

/** The user's standing in a network, through each organisation of theirs that is a member. */
export interface UserNetworkStanding {
  organisationId: string;
  networkRole: NetworkRole;
  organisationRole: OrganisationRole;
}

@Injectable()
export class NetworkMembershipsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(NetworkMembershipEntity);
  }

  find(networkId: string, organisationId: string, manager?: EntityManager): Promise<NetworkMembershipEntity | null> {
    return this.repo(manager).findOneBy({ networkId, organisationId });
  }

  /** One query behind every network access check. */
  standingOf(networkId: string, userId: string): Promise<UserNetworkStanding[]> {
    return this.dataSource.query(
      `SELECT nm.organisation_id AS "organisationId", nm.role AS "networkRole", om.role AS "organisationRole"
         FROM network_memberships nm
         JOIN organisation_memberships om ON om.organisation_id = nm.organisation_id
        WHERE nm.network_id = $1 AND om.user_id = $2`,
      [networkId, userId],
    );
  }

  countAdmins(networkId: string, manager: EntityManager): Promise<number> {
    return this.repo(manager).countBy({ networkId, role: NetworkRole.ADMIN });
  }

  count(networkId: string): Promise<number> {
    return this.repo().countBy({ networkId });
  }

  async add(networkId: string, organisationId: string, role: NetworkRole, manager: EntityManager): Promise<void> {
    await this.repo(manager).insert({ networkId, organisationId, role });
  }

  async setRole(networkId: string, organisationId: string, role: NetworkRole, manager: EntityManager): Promise<void> {
    await this.repo(manager).update({ networkId, organisationId }, { role });
  }

  async remove(networkId: string, organisationId: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).delete({ networkId, organisationId });
  }

  /** The member directory, by organisation name, filtered by country, kind and subsector. */
  directoryPage(networkId: string, filter: { country?: string; kind?: OrganisationKind; subsector?: CciSubsector }, first: number, after?: Cursor): Promise<NetworkMembershipEntity[]> {
    const query = this.repo()
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.organisation', 'o')
      .where('m.networkId = :networkId', { networkId })
      .orderBy('o.name', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(first + 1);
    if (filter.country) query.andWhere('o.country = :country', { country: filter.country });
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.subsector) query.andWhere(':subsector = ANY(o.subsectors)', { subsector: filter.subsector });
    if (after) query.andWhere('(o.name, m.id) > (:name, :id)', { name: after.key, id: after.id });
    return query.getMany();
  }
}
