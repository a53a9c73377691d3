import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import type { NotificationKind, ServerTextData } from '@app/contracts';
import type { Cursor } from '@api/platform/graphql/pagination.js';
import { NotificationEntity, type NotificationSubject } from './notification.entity.js';

@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(NotificationEntity);
  }

  /** One row per recipient, in one statement; returns what was stored. */
  async createFor(userIds: string[], kind: NotificationKind, title: string, text: ServerTextData, subject: NotificationSubject): Promise<NotificationEntity[]> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return [];
    const result = await this.repo
      .createQueryBuilder()
      .insert()
      .values(unique.map((userId) => ({ userId, kind, title: title.slice(0, 300), textCode: text.code, textParams: text.params, subject })))
      .returning('*')
      .execute();
    return (result.raw as Record<string, unknown>[]).map((row) => ({
      id: row.id as string,
      userId: row.user_id as string,
      kind: row.kind as NotificationKind,
      title: row.title as string,
      textCode: row.text_code as ServerTextData['code'],
      textParams: row.text_params as ServerTextData['params'],
      subject: row.subject as NotificationSubject,
      readAt: (row.read_at as Date | null) ?? null,
      createdAt: row.created_at as Date,
    }));
  }

  page(userId: string, unreadOnly: boolean, first: number, after?: Cursor): Promise<NotificationEntity[]> {
    const query = this.repo
      .createQueryBuilder('n')
      .where('n.userId = :userId', { userId })
      // Millisecond order, like the cursor (see ChallengesRepository.views).
      .orderBy(`date_trunc('milliseconds', n.created_at)`, 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(first + 1);
    if (unreadOnly) query.andWhere('n.readAt IS NULL');
    if (after) query.andWhere(`(date_trunc('milliseconds', n.created_at), n.id) < (:at, :id)`, { at: after.key, id: after.id });
    return query.getMany();
  }

  /** Each user's preferred languages, in their order, to word what they receive. */
  async languagesOf(userIds: string[]): Promise<Map<string, string[]>> {
    if (userIds.length === 0) return new Map();
    const rows: { id: string; languages: string[] }[] = await this.dataSource.query(`SELECT id, preferred_languages AS languages FROM users WHERE id = ANY($1::uuid[])`, [userIds]);
    return new Map(rows.map((row) => [row.id, row.languages]));
  }

  countUnread(userId: string): Promise<number> {
    return this.repo.countBy({ userId, readAt: IsNull() });
  }

  /** Marks the user's own notifications read (all of them when `ids` is undefined). */
  async markRead(userId: string, ids?: string[]): Promise<number> {
    const result = await this.repo.update({ userId, readAt: IsNull(), ...(ids ? { id: In(ids) } : {}) }, { readAt: () => 'now()' });
    return result.affected ?? 0;
  }

  // Recipient queries: who is concerned by an event, read at the moment it is delivered.

  async posterMembersOfChallenge(challengeId: string): Promise<{ userId: string; title: string }[]> {
    return this.dataSource.query(
      `SELECT om.user_id AS "userId", c.title FROM challenges c JOIN organisation_memberships om ON om.organisation_id = c.organisation_id WHERE c.id = $1`,
      [challengeId],
    );
  }

  async followersOfChallenge(challengeId: string): Promise<{ userId: string; title: string }[]> {
    return this.dataSource.query(`SELECT f.user_id AS "userId", c.title FROM challenge_follows f JOIN challenges c ON c.id = f.challenge_id WHERE f.challenge_id = $1`, [challengeId]);
  }

  async answerAuthor(answerId: string): Promise<{ userId: string; title: string } | undefined> {
    const rows: { userId: string; title: string }[] = await this.dataSource.query(
      `SELECT a.author_id AS "userId", c.title FROM challenge_answers a JOIN challenges c ON c.id = a.challenge_id WHERE a.id = $1 AND a.author_id IS NOT NULL`,
      [answerId],
    );
    return rows[0];
  }

  /** Owners and admins of an organisation, with a network's name for the message. */
  async managersOf(organisationId: string, networkId: string): Promise<{ userId: string; name: string }[]> {
    return this.dataSource.query(
      `SELECT om.user_id AS "userId", n.name FROM organisation_memberships om, networks n WHERE om.organisation_id = $1 AND om.role IN ('OWNER', 'ADMIN') AND n.id = $2`,
      [organisationId, networkId],
    );
  }
}
