import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganisationKind } from '@app/contracts';
import { AliasedColumns, selectList } from '@api/platform/database/select-list.js';
import { OrganisationEntity } from '@api/modules/identity/organisations/organisation.entity.js';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import type { ExpertCandidate } from './expert-ranking.js';

const EXPERT_KINDS = [OrganisationKind.EXPERT, OrganisationKind.UNIVERSITY];

/** What expert organisations have shown they know: their subsectors, answers and members' languages. */
@Injectable()
export class ExpertSuggestionsRepository {
  private readonly people: AliasedColumns<UserEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.people = new AliasedColumns(dataSource, UserEntity, 'u', ['passwordHash']);
  }

  /**
   * Every expert organisation as a candidate, in one statement (capped at 1,000). Its history counts
   * only answers given in public networks or in `networkId` (the challenge's own, which the viewer
   * sees), so a suggestion never reveals work done in a private network.
   */
  candidates(networkId: string): Promise<ExpertCandidate[]> {
    const shown = `(c.network_id = $2 OR EXISTS (SELECT 1 FROM networks n WHERE n.id = c.network_id AND n.visibility = 'PUBLIC'))`;
    return this.dataSource.query(
      `SELECT o.id AS "organisationId", o.country, o.subsectors,
              COALESCE((SELECT array_agg(DISTINCT l) FROM challenge_answers a JOIN challenges c ON c.id = a.challenge_id, unnest(a.levers) l WHERE a.organisation_id = o.id AND ${shown}), '{}') AS levers,
              COALESCE((SELECT array_agg(DISTINCT lower(m)) FROM challenge_answers a JOIN challenges c ON c.id = a.challenge_id, unnest(c.materials) m WHERE a.organisation_id = o.id AND ${shown}), '{}') AS materials,
              COALESCE((SELECT array_agg(DISTINCT lower(split_part(t, '-', 1))) FROM organisation_memberships om JOIN users u ON u.id = om.user_id, unnest(u.preferred_languages) t WHERE om.organisation_id = o.id), '{}') AS languages
         FROM organisations o
        WHERE o.kind = ANY($1)
        LIMIT 1000`,
      [EXPERT_KINDS, networkId],
    );
  }

  /** The organisations and their members who speak `language`, for the suggestions kept. */
  async details(organisationIds: string[], language: string): Promise<{ organisations: OrganisationEntity[]; people: Map<string, UserEntity[]> }> {
    if (organisationIds.length === 0) return { organisations: [], people: new Map() };
    const organisations: OrganisationEntity[] = await this.dataSource.query(`SELECT ${selectList(this.dataSource, OrganisationEntity)} FROM organisations WHERE id = ANY($1)`, [organisationIds]);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT om.organisation_id AS "organisationId", ${this.people.sql}
         FROM organisation_memberships om JOIN users u ON u.id = om.user_id
        WHERE om.organisation_id = ANY($1)
          AND EXISTS (SELECT 1 FROM unnest(u.preferred_languages) t WHERE lower(split_part(t, '-', 1)) = $2)
        ORDER BY u.display_name`,
      [organisationIds, language],
    );
    const people = new Map<string, UserEntity[]>();
    for (const row of rows) {
      const list = people.get(row.organisationId as string) ?? [];
      list.push(this.people.pick(row)!);
      people.set(row.organisationId as string, list);
    }
    return { organisations, people };
  }
}
