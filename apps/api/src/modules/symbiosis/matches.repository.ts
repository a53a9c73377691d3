import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Cursor } from '@api/platform/graphql/pagination.js';
import type { StoredReason } from './match.entity.js';

export interface NewMatch {
  offerId: string;
  wantId: string;
  score: number;
  reasons: StoredReason[];
}

export interface MatchRow {
  id: string;
  offerId: string;
  wantId: string;
  offerOrganisationId: string;
  wantOrganisationId: string;
  offerTitle: string;
  wantTitle: string;
  score: number;
  reasons: StoredReason[];
  createdAt: Date;
}

const MATCH_SELECT = `m.id, m.offer_id AS "offerId", m.want_id AS "wantId", m.score, m.reasons, m.created_at AS "createdAt",
  lo.organisation_id AS "offerOrganisationId", lw.organisation_id AS "wantOrganisationId", lo.title AS "offerTitle", lw.title AS "wantTitle"`;

@Injectable()
export class MatchesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the pairs not stored before, in one statement; returns only those (each side is told once). */
  async insertNew(matches: NewMatch[]): Promise<MatchRow[]> {
    if (matches.length === 0) return [];
    const rows: MatchRow[] = await this.dataSource.query(
      `WITH inserted AS (
         INSERT INTO symbiosis_matches (offer_id, want_id, score, reasons)
         SELECT x.offer_id, x.want_id, x.score, x.reasons FROM jsonb_to_recordset($1::jsonb) AS x(offer_id uuid, want_id uuid, score int, reasons jsonb)
         ON CONFLICT (offer_id, want_id) DO NOTHING RETURNING *)
       SELECT ${MATCH_SELECT} FROM inserted m JOIN symbiosis_listings lo ON lo.id = m.offer_id JOIN symbiosis_listings lw ON lw.id = m.want_id`,
      [JSON.stringify(matches.map((m) => ({ offer_id: m.offerId, want_id: m.wantId, score: m.score, reasons: m.reasons })))],
    );
    return rows;
  }

  /** An organisation's matches (on either side), newest first. */
  digest(organisationId: string, first: number, after?: Cursor): Promise<MatchRow[]> {
    const params: unknown[] = [organisationId, first + 1];
    let page = '';
    if (after) {
      params.push(after.key, after.id);
      page = `AND (date_trunc('milliseconds', m.created_at), m.id) < ($3::timestamptz, $4::uuid)`;
    }
    return this.dataSource.query(
      `SELECT ${MATCH_SELECT} FROM symbiosis_matches m JOIN symbiosis_listings lo ON lo.id = m.offer_id JOIN symbiosis_listings lw ON lw.id = m.want_id
        WHERE (lo.organisation_id = $1 OR lw.organisation_id = $1) ${page}
        ORDER BY date_trunc('milliseconds', m.created_at) DESC, m.id DESC LIMIT $2`,
      params,
    );
  }

  byIds(ids: string[]): Promise<MatchRow[]> {
    return this.dataSource.query(
      `SELECT ${MATCH_SELECT} FROM symbiosis_matches m JOIN symbiosis_listings lo ON lo.id = m.offer_id JOIN symbiosis_listings lw ON lw.id = m.want_id WHERE m.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** Members of the organisations, for notifications. */
  async memberIds(organisationIds: string[]): Promise<string[]> {
    const rows: { userId: string }[] = await this.dataSource.query(`SELECT DISTINCT user_id AS "userId" FROM organisation_memberships WHERE organisation_id = ANY($1::uuid[])`, [organisationIds]);
    return rows.map((r) => r.userId);
  }
}
