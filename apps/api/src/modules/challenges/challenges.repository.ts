import { Injectable } from '@nestjs/common';
import { returnedRows } from '@api/platform/database/returned-rows.js';
import { DataSource, type EntityManager } from 'typeorm';
import { ChallengeStatus, NetworkVisibility } from '@app/contracts';
import { AliasedColumns } from '@api/platform/database/select-list.js';
import type { Cursor } from '@api/platform/graphql/pagination.js';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { OrganisationEntity } from '@api/modules/identity/organisations/organisation.entity.js';
import { NetworkEntity } from '@api/modules/networks/network.entity.js';
import { ChallengeEntity } from './challenge.entity.js';
import { ChallengeFollowEntity } from './challenge-follow.entity.js';
import { ChallengeTransitionEntity } from './challenge-transition.entity.js';
import { TYPO_SIMILARITY, searchConfigFor, searchDocumentSql, searchQuerySql, typoSimilaritySql } from '@api/platform/database/text-search.js';

export type ChallengeFields = Pick<ChallengeEntity, 'title' | 'description' | 'levers' | 'materials' | 'subsectors' | 'language' | 'deadline' | 'attachments'>;

/** A challenge with what a feed shows beside it, read in the same statement. */
export interface ChallengeView {
  challenge: ChallengeEntity;
  author: UserEntity | null;
  organisation: OrganisationEntity;
  network: NetworkEntity;
  viewerFollows: boolean;
  rank: string | null;
}

export interface FeedFilter {
  networkId?: string;
  status?: ChallengeStatus;
  country?: string;
  lever?: string;
  subsector?: string;
  tag?: string;
  /** ISO 639-1 code, lower case. */
  language?: string;
  search?: string;
}

@Injectable()
export class ChallengesRepository {
  private readonly viewSelect: string;
  private readonly columns: {
    challenge: AliasedColumns<ChallengeEntity>;
    author: AliasedColumns<UserEntity>;
    organisation: AliasedColumns<OrganisationEntity>;
    network: AliasedColumns<NetworkEntity>;
  };

  constructor(private readonly dataSource: DataSource) {
    this.columns = {
      challenge: new AliasedColumns(dataSource, ChallengeEntity, 'c'),
      // Authors are shown, never authenticated here: their password hashes stay in the table.
      author: new AliasedColumns(dataSource, UserEntity, 'u', ['passwordHash']),
      organisation: new AliasedColumns(dataSource, OrganisationEntity, 'o'),
      network: new AliasedColumns(dataSource, NetworkEntity, 'n'),
    };
    this.viewSelect = [...Object.values(this.columns).map((c) => c.sql), 'f.id IS NOT NULL AS "viewerFollows"'].join(', ');
  }

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(ChallengeEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<ChallengeEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  lockById(id: string, manager: EntityManager): Promise<ChallengeEntity | null> {
    return this.repo(manager).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
  }

  async create(fields: ChallengeFields & { networkId: string; organisationId: string; authorId: string }, manager: EntityManager): Promise<ChallengeEntity> {
    const challenge = await this.repo(manager).save(this.repo(manager).create({ ...fields, status: ChallengeStatus.DRAFT }));
    await this.index(challenge.id, manager);
    await manager.getRepository(ChallengeTransitionEntity).insert({ challengeId: challenge.id, fromStatus: null, toStatus: ChallengeStatus.DRAFT, actorId: fields.authorId });
    return challenge;
  }

  async update(id: string, changes: Partial<ChallengeFields>, manager: EntityManager): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    await this.repo(manager).update({ id }, changes);
    await this.index(id, manager);
  }

  /** Rewrites the search document from the stored text, in the text's language. */
  private async index(id: string, manager: EntityManager): Promise<void> {
    const challenge = await this.repo(manager).findOneByOrFail({ id });
    await manager.query(`UPDATE challenges SET search_document = ${searchDocumentSql('$2', '$3', '$4')} WHERE id = $1`, [
      id,
      searchConfigFor(challenge.language),
      challenge.title,
      challenge.description,
    ]);
  }

  async transition(id: string, from: ChallengeStatus, to: ChallengeStatus, actorId: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { status: to, lastActivityAt: () => 'now()' });
    await manager.getRepository(ChallengeTransitionEntity).insert({ challengeId: id, fromStatus: from, toStatus: to, actorId });
  }

  transitions(challengeId: string): Promise<ChallengeTransitionEntity[]> {
    return this.dataSource.getRepository(ChallengeTransitionEntity).find({ where: { challengeId }, order: { at: 'ASC' }, take: 100 });
  }

  /** Deletes the challenge if it is still a DRAFT (checked in the statement, so a racing move wins or loses cleanly). */
  async deleteDraft(id: string): Promise<boolean> {
    return returnedRows(await this.dataSource.query(`DELETE FROM challenges WHERE id = $1 AND status = 'DRAFT' RETURNING id`, [id])).length === 1;
  }

  /** Counters kept beside the challenge, so feeds never count rows. */
  async bump(id: string, changes: { answers?: number; votes?: number }, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE challenges SET answer_count = answer_count + $2, vote_score = vote_score + $3, last_activity_at = now() WHERE id = $1', [id, changes.answers ?? 0, changes.votes ?? 0]);
  }

  async touch(id: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query('UPDATE challenges SET last_activity_at = now() WHERE id = $1', [id]);
  }

  async setFollow(challengeId: string, userId: string, follow: boolean): Promise<void> {
    const repo = this.dataSource.getRepository(ChallengeFollowEntity);
    if (follow) await repo.createQueryBuilder().insert().values({ challengeId, userId }).orIgnore().execute();
    else await repo.delete({ challengeId, userId });
  }

  /**
   * One statement for a whole feed page (or one challenge): the challenges the viewer may see, with
   * author, organisation, network and the viewer's follow state. Visible: the network is public or one
   * of the viewer's organisations belongs to it; a draft only to its posting organisation's members.
   */
  async views(viewerId: string, filter: FeedFilter & { id?: string }, first: number, after?: Cursor): Promise<ChallengeView[]> {
    const params: unknown[] = [viewerId];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    // Written as IN over the viewer's (few) networks and organisations rather than correlated EXISTS
    // under OR: the planner then filters early instead of estimating (and JIT-compiling) a large plan.
    const where = [
      `(n.visibility = '${NetworkVisibility.PUBLIC}' OR c.network_id IN (SELECT nm.network_id FROM network_memberships nm JOIN organisation_memberships om ON om.organisation_id = nm.organisation_id WHERE om.user_id = $1))`,
      `(c.status <> '${ChallengeStatus.DRAFT}' OR c.organisation_id IN (SELECT om.organisation_id FROM organisation_memberships om WHERE om.user_id = $1))`,
    ];
    if (filter.id) where.push(`c.id = ${p(filter.id)}`);
    if (filter.networkId) where.push(`c.network_id = ${p(filter.networkId)}`);
    if (filter.status) where.push(`c.status = ${p(filter.status)}`);
    if (filter.country) where.push(`o.country = ${p(filter.country)}`);
    if (filter.lever) where.push(`${p(filter.lever)} = ANY(c.levers)`);
    if (filter.subsector) where.push(`${p(filter.subsector)} = ANY(c.subsectors)`);
    if (filter.tag) where.push(`${p(filter.tag)} = ANY(c.materials)`);
    // The text's language is a BCP 47 tag: `fr` also finds `fr-TN`.
    if (filter.language) where.push(`split_part(c.language, '-', 1) = ${p(filter.language)}`);

    // Cursors carry milliseconds (ISO strings) while PostgreSQL keeps microseconds: order and compare
    // on the millisecond so a page boundary never skips a row created in the same millisecond.
    const createdMs = `date_trunc('milliseconds', c.created_at)`;
    let rank = 'NULL';
    let order = `${createdMs} DESC, c.id DESC`;
    if (filter.search) {
      const term = p(filter.search);
      const query = searchQuerySql(term);
      const typo = typoSimilaritySql(term, `c.title || ' ' || c.description`);
      where.push(`(c.search_document @@ ${query} OR ${typo} >= ${TYPO_SIMILARITY})`);
      // Word matches rank above every typo match (2 + ts_rank against a similarity of at most 1), so the
      // trigram fallback only fills in after them.
      rank = `round((CASE WHEN c.search_document @@ ${query} THEN 2 + ts_rank(c.search_document, ${query}) ELSE ${typo} END)::numeric, 6)`;
      order = `${rank} DESC, c.id DESC`;
      if (after) where.push(`(${rank}, c.id) < (${p(after.key)}::numeric, ${p(after.id)}::uuid)`);
    } else if (after) {
      where.push(`(${createdMs}, c.id) < (${p(after.key)}::timestamptz, ${p(after.id)}::uuid)`);
    }
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${this.viewSelect}, ${rank}::text AS "rank"
         FROM challenges c
         JOIN networks n ON n.id = c.network_id
         JOIN organisations o ON o.id = c.organisation_id
         LEFT JOIN users u ON u.id = c.author_id
         LEFT JOIN challenge_follows f ON f.challenge_id = c.id AND f.user_id = $1
        WHERE ${where.join(' AND ')}
        ORDER BY ${order}
        LIMIT ${p(first + 1)}`,
      params,
    );
    return rows.map((row) => ({
      challenge: this.columns.challenge.pick(row)!,
      author: this.columns.author.pick(row),
      organisation: this.columns.organisation.pick(row)!,
      network: this.columns.network.pick(row)!,
      viewerFollows: row.viewerFollows === true,
      rank: (row.rank as string | null) ?? null,
    }));
  }
}
