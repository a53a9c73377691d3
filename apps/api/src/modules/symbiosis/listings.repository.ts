import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { NetworkVisibility } from '@app/contracts';
import { AliasedColumns } from '@api/platform/database/select-list.js';
import { searchConfigFor, searchDocumentSql, searchQuerySql } from '@api/platform/database/text-search.js';
import type { Cursor } from '@api/platform/graphql/pagination.js';
import { OrganisationEntity } from '@api/modules/identity/organisations/organisation.entity.js';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { FAMILY_LABELS, MATERIAL_BY_CODE } from './data/materials.data.js';
import { ListingEntity } from './listing.entity.js';
import { ListingKind, ListingStatus, type QuantityUnit } from './symbiosis.enums.js';

export type ListingFields = Omit<ListingEntity, 'id' | 'status' | 'reservedQuantity' | 'searchDocument' | 'createdAt' | 'updatedAt' | 'organisation' | 'author'>;

/** A listing with what a page shows beside it, read in the same statement. */
export interface ListingView {
  listing: ListingEntity;
  organisation: OrganisationEntity;
  author: UserEntity | null;
  viewerIsMember: boolean;
  distanceKm: number | null;
  rank: string | null;
}

export interface ListingQuery {
  id?: string;
  ids?: string[];
  kind?: ListingKind;
  status?: ListingStatus;
  statuses?: ListingStatus[];
  material?: string;
  materials?: string[];
  family?: string;
  ewcChapter?: string;
  hazardous?: boolean;
  country?: string;
  near?: { latitude: number; longitude: number; radiusKm: number };
  quantityMin?: number;
  quantityMax?: number;
  unit?: QuantityUnit;
  networkId?: string;
  organisationId?: string;
  excludeOrganisationId?: string;
  search?: string;
}

/** Statuses that count against the per-organisation limit and can still change hands. */
export const OPEN_STATUSES = [ListingStatus.DRAFT, ListingStatus.ACTIVE, ListingStatus.RESERVED];

const haversineSql = (lat: string, lon: string) =>
  `(2 * 6371 * asin(least(1, sqrt(power(sin(radians(l.latitude - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - ${lon}) / 2), 2)))))`;

@Injectable()
export class ListingsRepository {
  private readonly viewSelect: string;
  private readonly columns: { listing: AliasedColumns<ListingEntity>; organisation: AliasedColumns<OrganisationEntity>; author: AliasedColumns<UserEntity> };

  constructor(private readonly dataSource: DataSource) {
    this.columns = {
      listing: new AliasedColumns(dataSource, ListingEntity, 'l'),
      organisation: new AliasedColumns(dataSource, OrganisationEntity, 'o'),
      // Shown, never authenticated here: password hashes stay in the table.
      author: new AliasedColumns(dataSource, UserEntity, 'u', ['passwordHash']),
    };
    this.viewSelect = Object.values(this.columns)
      .map((c) => c.sql)
      .join(', ');
  }

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(ListingEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<ListingEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  lockById(id: string, manager: EntityManager): Promise<ListingEntity | null> {
    return this.repo(manager).createQueryBuilder('l').setLock('pessimistic_write').where('l.id = :id', { id }).getOne();
  }

  /** Serialises listing creation per organisation, so two concurrent posts cannot both pass the limit. */
  async lockOrganisation(organisationId: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT id FROM organisations WHERE id = $1 FOR UPDATE', [organisationId]);
  }

  async countOpen(organisationId: string, manager: EntityManager): Promise<number> {
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM symbiosis_listings WHERE organisation_id = $1 AND status = ANY($2::symbiosis_listing_status[])`, [organisationId, OPEN_STATUSES]);
    return (row as { n: number }).n;
  }

  async create(fields: ListingFields, manager: EntityManager): Promise<ListingEntity> {
    const listing = await this.repo(manager).save(this.repo(manager).create({ ...fields, status: ListingStatus.DRAFT, reservedQuantity: 0 }));
    await this.index(listing.id, manager);
    return listing;
  }

  async update(id: string, changes: Partial<ListingFields>, manager: EntityManager): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    await this.repo(manager).update({ id }, changes);
    await this.index(id, manager);
  }

  async setStatus(id: string, status: ListingStatus, manager: EntityManager, reservedQuantity?: number): Promise<void> {
    await this.repo(manager).update({ id }, { status, ...(reservedQuantity !== undefined ? { reservedQuantity } : {}) });
  }

  /**
   * Title and description in the text's language and `simple`, plus the material's and family's
   * names in all five languages: "lana", "صوف" and "laine" all find a wool listing in any language.
   */
  private async index(id: string, manager: EntityManager): Promise<void> {
    const listing = await this.repo(manager).findOneByOrFail({ id });
    const material = MATERIAL_BY_CODE.get(listing.material);
    const names = material ? [...Object.values(material.labels), ...Object.values(FAMILY_LABELS[material.family])].join(' ') : '';
    await manager.query(`UPDATE symbiosis_listings SET search_document = ${searchDocumentSql('$2', '$3', '$4')} || setweight(to_tsvector('simple', $5), 'C') WHERE id = $1`, [
      id,
      searchConfigFor(listing.language),
      listing.title,
      listing.description,
      names,
    ]);
  }

  /** ACTIVE listings whose availability has ended become EXPIRED; returns how many. */
  async expireDue(): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE symbiosis_listings SET status = 'EXPIRED', updated_at = now() WHERE status = 'ACTIVE' AND available_until IS NOT NULL AND available_until < now() RETURNING id`,
    );
    // pg returns [rows, count] for UPDATE … RETURNING through TypeORM's query().
    const list = Array.isArray(rows[0]) ? (rows[0] as unknown[]) : rows;
    return list.length;
  }

  /**
   * One statement for a page of listings (or one listing) the viewer may see: shown to a public network
   * or to one their organisations belong to; drafts only to the posting organisation's members, who
   * see every listing of theirs.
   */
  async views(viewerId: string, q: ListingQuery, first: number, after?: Cursor): Promise<ListingView[]> {
    const params: unknown[] = [viewerId];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const mine = `l.organisation_id IN (SELECT om.organisation_id FROM organisation_memberships om WHERE om.user_id = $1)`;
    const where = [
      `(${mine} OR (l.status <> 'DRAFT' AND EXISTS (SELECT 1 FROM networks n WHERE n.id = ANY(l.network_ids) AND (n.visibility = '${NetworkVisibility.PUBLIC}'
          OR n.id IN (SELECT nm.network_id FROM network_memberships nm JOIN organisation_memberships om ON om.organisation_id = nm.organisation_id WHERE om.user_id = $1)))))`,
    ];
    if (q.id) where.push(`l.id = ${p(q.id)}`);
    if (q.ids) where.push(`l.id = ANY(${p(q.ids)}::uuid[])`);
    if (q.kind) where.push(`l.kind = ${p(q.kind)}`);
    if (q.status) where.push(`l.status = ${p(q.status)}`);
    if (q.statuses) where.push(`l.status = ANY(${p(q.statuses)}::symbiosis_listing_status[])`);
    if (q.material) where.push(`l.material = ${p(q.material)}`);
    if (q.materials) where.push(`l.material = ANY(${p(q.materials)}::varchar[])`);
    if (q.family) where.push(`l.family = ${p(q.family)}`);
    if (q.ewcChapter) where.push(`left(l.ewc_code, 2) = ${p(q.ewcChapter)}`);
    if (q.hazardous !== undefined) where.push(`l.hazardous = ${p(q.hazardous)}`);
    if (q.country) where.push(`l.country = ${p(q.country)}`);
    if (q.quantityMin !== undefined) where.push(`l.quantity >= ${p(q.quantityMin)}`);
    if (q.quantityMax !== undefined) where.push(`l.quantity <= ${p(q.quantityMax)}`);
    if (q.unit) where.push(`l.unit = ${p(q.unit)}`);
    if (q.networkId) where.push(`${p(q.networkId)}::uuid = ANY(l.network_ids)`);
    if (q.organisationId) where.push(`l.organisation_id = ${p(q.organisationId)}`);
    if (q.excludeOrganisationId) where.push(`l.organisation_id <> ${p(q.excludeOrganisationId)}`);
    let distance = 'NULL';
    if (q.near) {
      distance = haversineSql(p(q.near.latitude), p(q.near.longitude));
      where.push(`l.latitude IS NOT NULL AND l.longitude IS NOT NULL AND ${distance} <= ${p(q.near.radiusKm)}`);
    }
    // Millisecond order, like the cursor (see ChallengesRepository.views).
    const createdMs = `date_trunc('milliseconds', l.created_at)`;
    let rank = 'NULL';
    let order = `${createdMs} DESC, l.id DESC`;
    if (q.search) {
      const query = searchQuerySql(p(q.search));
      where.push(`l.search_document @@ ${query}`);
      rank = `round(ts_rank(l.search_document, ${query})::numeric, 6)`;
      order = `${rank} DESC, l.id DESC`;
      if (after) where.push(`(${rank}, l.id) < (${p(after.key)}::numeric, ${p(after.id)}::uuid)`);
    } else if (after) {
      where.push(`(${createdMs}, l.id) < (${p(after.key)}::timestamptz, ${p(after.id)}::uuid)`);
    }
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${this.viewSelect}, ${mine} AS "viewerIsMember", round(${distance}::numeric, 1)::float8 AS "distanceKm", ${rank}::text AS "rank"
         FROM symbiosis_listings l
         JOIN organisations o ON o.id = l.organisation_id
         LEFT JOIN users u ON u.id = l.author_id
        WHERE ${where.join(' AND ')}
        ORDER BY ${order}
        LIMIT ${p(first + 1)}`,
      params,
    );
    return rows.map((row) => {
      const listing = this.columns.listing.pick(row)!;
      // Raw rows skip the entity's transformers: numeric arrives as a string.
      listing.quantity = Number(listing.quantity);
      listing.reservedQuantity = Number(listing.reservedQuantity);
      return {
        listing,
        organisation: this.columns.organisation.pick(row)!,
        author: this.columns.author.pick(row),
        viewerIsMember: row.viewerIsMember === true,
        distanceKm: (row.distanceKm as number | null) ?? null,
        rank: (row.rank as string | null) ?? null,
      };
    });
  }

  /**
   * Active listings of the opposite kind in `materials` from other organisations that the listing's
   * own organisation may see (public networks, or networks it belongs to): the candidate pool.
   */
  candidates(listing: ListingEntity, materials: string[], limit: number): Promise<ListingEntity[]> {
    return this.repo()
      .createQueryBuilder('l')
      .where('l.kind = :kind', { kind: listing.kind === ListingKind.OFFER ? ListingKind.WANT : ListingKind.OFFER })
      .andWhere(`l.status = 'ACTIVE'`)
      .andWhere('l.material IN (:...materials)', { materials })
      .andWhere('l.organisation_id <> :org', { org: listing.organisationId })
      .andWhere(
        `l.network_ids && ARRAY(SELECT n.id FROM networks n WHERE n.visibility = 'PUBLIC' UNION SELECT nm.network_id FROM network_memberships nm WHERE nm.organisation_id = :org)::uuid[]`,
      )
      .orderBy('l.created_at', 'DESC')
      .limit(limit)
      .getMany();
  }

  /** The members of these organisations (each once). */
  async memberIdsOf(organisationIds: string[]): Promise<string[]> {
    const rows: { userId: string }[] = await this.dataSource.query(
      `SELECT DISTINCT om.user_id AS "userId" FROM organisation_memberships om WHERE om.organisation_id = ANY($1::uuid[]) ORDER BY 1`,
      [organisationIds],
    );
    return rows.map((r) => r.userId);
  }

  /** The preferred languages of each organisation's members. */
  async languagesOf(organisationIds: string[]): Promise<Map<string, string[]>> {
    const rows: { organisationId: string; languages: string[] | null }[] = await this.dataSource.query(
      `SELECT om.organisation_id AS "organisationId", array_agg(DISTINCT lang) AS languages
         FROM organisation_memberships om JOIN users u ON u.id = om.user_id, unnest(u.preferred_languages) AS lang
        WHERE om.organisation_id = ANY($1::uuid[]) GROUP BY om.organisation_id`,
      [organisationIds],
    );
    return new Map(rows.map((r) => [r.organisationId, r.languages ?? []]));
  }

  /** Of `networkIds`, those the viewer may see (public, or one of their organisations belongs). */
  async visibleNetworkIds(viewerId: string, networkIds: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT n.id FROM networks n WHERE n.id = ANY($2::uuid[]) AND (n.visibility = 'PUBLIC' OR n.id IN (SELECT nm.network_id FROM network_memberships nm JOIN organisation_memberships om ON om.organisation_id = nm.organisation_id WHERE om.user_id = $1))`,
      [viewerId, networkIds],
    );
    return new Set(rows.map((r) => r.id));
  }
}
