import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AliasedColumns } from '@api/platform/database/select-list.js';
import { returnedRows } from '@api/platform/database/returned-rows.js';
import type { Cursor } from '@api/platform/graphql/pagination.js';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { OrganisationEntity } from '@api/modules/identity/organisations/organisation.entity.js';
import { AnswerEntity } from './answer.entity.js';
import { AnswerCommentEntity } from './answer-comment.entity.js';

export interface AnswerView {
  answer: AnswerEntity;
  author: UserEntity | null;
  organisation: OrganisationEntity;
  viewerVote: number;
}

export interface CommentView {
  comment: AnswerCommentEntity;
  authorName: string | null;
}

@Injectable()
export class AnswersRepository {
  private readonly viewSelect: string;
  private readonly columns: {
    answer: AliasedColumns<AnswerEntity>;
    author: AliasedColumns<UserEntity>;
    organisation: AliasedColumns<OrganisationEntity>;
    comment: AliasedColumns<AnswerCommentEntity>;
  };

  constructor(private readonly dataSource: DataSource) {
    this.columns = {
      answer: new AliasedColumns(dataSource, AnswerEntity, 'a'),
      author: new AliasedColumns(dataSource, UserEntity, 'u', ['passwordHash']),
      organisation: new AliasedColumns(dataSource, OrganisationEntity, 'o'),
      comment: new AliasedColumns(dataSource, AnswerCommentEntity, 'k'),
    };
    this.viewSelect = [this.columns.answer.sql, this.columns.author.sql, this.columns.organisation.sql, 'COALESCE(v.value, 0)::int AS "viewerVote"'].join(', ');
  }

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(AnswerEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<AnswerEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  create(answer: Pick<AnswerEntity, 'challengeId' | 'authorId' | 'organisationId' | 'body' | 'levers' | 'effortEstimate'>, manager: EntityManager): Promise<AnswerEntity> {
    return this.repo(manager).save(this.repo(manager).create(answer));
  }

  /** Answers of a challenge, oldest first, with author, organisation and the viewer's vote: one statement. */
  async page(challengeId: string, viewerId: string, first: number, after?: Cursor, id?: string): Promise<AnswerView[]> {
    const params: unknown[] = [challengeId, viewerId, first + 1];
    let cursor = '';
    if (after) {
      params.push(after.key, after.id);
      cursor = `AND (date_trunc('milliseconds', a.created_at), a.id) > ($4::timestamptz, $5::uuid)`;
    }
    if (id) {
      params.push(id);
      cursor += ` AND a.id = $${params.length}`;
    }
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${this.viewSelect}
         FROM challenge_answers a
         JOIN organisations o ON o.id = a.organisation_id
         LEFT JOIN users u ON u.id = a.author_id
         LEFT JOIN answer_votes v ON v.answer_id = a.id AND v.user_id = $2
        WHERE a.challenge_id = $1 ${cursor}
        ORDER BY date_trunc('milliseconds', a.created_at) ASC, a.id ASC
        LIMIT $3`,
      params,
    );
    return rows.map((row) => ({
      answer: this.columns.answer.pick(row)!,
      author: this.columns.author.pick(row),
      organisation: this.columns.organisation.pick(row)!,
      viewerVote: Number(row.viewerVote),
    }));
  }

  /**
   * Sets (or with 0 removes) a user's vote and moves the answer's score by the difference, in the
   * caller's transaction; returns the difference and the new score.
   */
  async vote(answerId: string, userId: string, value: number, manager: EntityManager): Promise<{ delta: number; score: number }> {
    const previous: { value: number }[] = await manager.query('SELECT value FROM answer_votes WHERE answer_id = $1 AND user_id = $2 FOR UPDATE', [answerId, userId]);
    const before = previous[0]?.value ?? 0;
    if (value === 0) await manager.query('DELETE FROM answer_votes WHERE answer_id = $1 AND user_id = $2', [answerId, userId]);
    else
      await manager.query(
        `INSERT INTO answer_votes (answer_id, user_id, value) VALUES ($1, $2, $3)
         ON CONFLICT (answer_id, user_id) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [answerId, userId, value],
      );
    const delta = value - before;
    const updated = returnedRows<{ score: number }>(await manager.query('UPDATE challenge_answers SET score = score + $2 WHERE id = $1 RETURNING score', [answerId, delta]));
    return { delta, score: updated[0]!.score };
  }

  async accept(answerId: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.query('UPDATE challenge_answers SET accepted_at = now() WHERE id = $1 AND accepted_at IS NULL RETURNING id', [answerId]);
    return returnedRows(result).length === 1;
  }

  async edit(answerId: string, changes: Partial<Pick<AnswerEntity, 'body' | 'levers' | 'effortEstimate'>>, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(AnswerEntity)
      .set(changes)
      .where('id = :answerId AND accepted_at IS NULL', { answerId })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /**
   * Deletes an answer that is not accepted (its votes and comments go with it) and returns its score;
   * null when it was accepted meanwhile or is gone. Notifications that point at it go too, so nobody
   * opens a link to nothing (they are a projection of challenge events, like the answer count).
   */
  async delete(answerId: string, manager: EntityManager): Promise<number | null> {
    const rows = returnedRows<{ score: number }>(await manager.query('DELETE FROM challenge_answers WHERE id = $1 AND accepted_at IS NULL RETURNING score', [answerId]));
    if (rows.length === 0) return null;
    await manager.query(`DELETE FROM notifications WHERE subject->>'answerId' = $1`, [answerId]);
    return rows[0]!.score;
  }

  findComment(commentId: string): Promise<AnswerCommentEntity | null> {
    return this.dataSource.getRepository(AnswerCommentEntity).findOneBy({ id: commentId });
  }

  async editComment(commentId: string, body: string): Promise<AnswerCommentEntity | null> {
    const rows = returnedRows<Record<string, unknown>>(await this.dataSource.query(`UPDATE answer_comments k SET body = $2 WHERE id = $1 RETURNING ${this.columns.comment.sql}`, [commentId, body]));
    return rows[0] ? this.columns.comment.pick(rows[0]) : null;
  }

  async deleteComment(commentId: string): Promise<boolean> {
    return returnedRows(await this.dataSource.query('DELETE FROM answer_comments WHERE id = $1 RETURNING id', [commentId])).length === 1;
  }

  async addComment(answerId: string, authorId: string, body: string): Promise<AnswerCommentEntity> {
    const repo = this.dataSource.getRepository(AnswerCommentEntity);
    return repo.save(repo.create({ answerId, authorId, body }));
  }

  async comments(answerId: string): Promise<CommentView[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${this.columns.comment.sql}, u.display_name AS "authorName"
         FROM answer_comments k LEFT JOIN users u ON u.id = k.author_id
        WHERE k.answer_id = $1 ORDER BY k.created_at ASC, k.id ASC LIMIT 200`,
      [answerId],
    );
    return rows.map((row) => ({ comment: this.columns.comment.pick(row)!, authorName: (row.authorName as string | null) ?? null }));
  }
}
