import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ProposalEntity } from './proposal.entity.js';

export interface ImpactTotals {
  exchanges: number;
  exchangedTonnes: number;
  divertedTonnes: number;
  co2eAvoidedTonnes: number;
}

@Injectable()
export class ProposalsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(ProposalEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<ProposalEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  lockById(id: string, manager: EntityManager): Promise<ProposalEntity | null> {
    return this.repo(manager).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id }).getOne();
  }

  create(fields: Pick<ProposalEntity, 'listingId' | 'counterListingId' | 'fromOrganisationId' | 'authorId' | 'quantity' | 'proposedDate' | 'terms'>, manager: EntityManager): Promise<ProposalEntity> {
    return this.repo(manager).save(this.repo(manager).create(fields));
  }

  async update(id: string, changes: Partial<ProposalEntity>, manager: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, changes);
  }

  /** Proposals an organisation made in the last 24 hours (the daily limit). */
  async countLastDay(organisationId: string, manager: EntityManager): Promise<number> {
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM symbiosis_proposals WHERE from_organisation_id = $1 AND created_at > now() - interval '24 hours'`, [organisationId]);
    return (row as { n: number }).n;
  }

  forListing(listingId: string): Promise<ProposalEntity[]> {
    return this.repo().find({ where: { listingId }, relations: { fromOrganisation: true }, order: { createdAt: 'DESC' }, take: 100 });
  }

  withOrganisation(id: string): Promise<ProposalEntity | null> {
    return this.repo().findOne({ where: { id }, relations: { fromOrganisation: true } });
  }

  /** Totals of the completed exchanges whose listing is shown to the network. */
  async impactOfNetwork(networkId: string): Promise<ImpactTotals> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS exchanges, coalesce(sum(p.exchanged_tonnes), 0)::float8 AS "exchangedTonnes", coalesce(sum(p.diverted_tonnes), 0)::float8 AS "divertedTonnes",
              coalesce(sum(p.co2e_avoided_tonnes), 0)::float8 AS "co2eAvoidedTonnes"
         FROM symbiosis_proposals p JOIN symbiosis_listings l ON l.id = p.listing_id
        WHERE p.status = 'COMPLETED' AND $1::uuid = ANY(l.network_ids)`,
      [networkId],
    );
    return row as ImpactTotals;
  }
}
