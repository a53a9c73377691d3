import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { ChatMessagePayload } from '@app/contracts';
import { returnedRows } from '@api/platform/database/returned-rows.js';
import { queryPrepared } from '@api/platform/database/prepared.js';
import { TYPO_SIMILARITY, foldedDocumentSql, searchConfigFor, searchQuerySql, typoSimilaritySql } from '@api/platform/database/text-search.js';
import { channelAccessSql } from './chat-access.sql.js';

/** Columns of a message as the contract names them; `m` is chat_messages. */
const MESSAGE_COLUMNS = `m.id, m.channel_id AS "channelId", m.seq, m.revision, m.author_id AS "authorId", m.client_id AS "clientId",
  m.body, m.language, m.thread_root_id AS "threadRootId", m.reply_count AS "replyCount", m.mentions,
  m.created_at AS "createdAt", m.edited_at AS "editedAt", m.deleted_at AS "deletedAt"`;

/** Reactions grouped by emoji, first used first, with up to 20 reactors each. */
const REACTIONS = `COALESCE((SELECT json_agg(json_build_object('emoji', r.emoji, 'count', r.count, 'userIds', r.user_ids) ORDER BY r.first_at, r.emoji)
   FROM (SELECT emoji, count(*)::int AS count, (array_agg(user_id ORDER BY created_at, user_id))[1:20] AS user_ids, min(created_at) AS first_at
           FROM chat_reactions WHERE message_id = m.id GROUP BY emoji) r), '[]'::json) AS reactions`;

const VIEW = `${MESSAGE_COLUMNS}, ${REACTIONS}`;

/** The search document of a body: its language's configuration (stemming), `simple` (any script) and its folded words (prefixes, accents, Arabic forms). */
const SEARCH_DOCUMENT = (cfg: string, body: string) => `to_tsvector(${cfg}::regconfig, ${body}) || to_tsvector('simple', ${body}) || ${foldedDocumentSql(body)}`;

type Row = Record<string, unknown>;

function toPayload(row: Row): ChatMessagePayload {
  const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString());
  return {
    id: row.id as string,
    channelId: row.channelId as string,
    seq: Number(row.seq),
    revision: Number(row.revision),
    authorId: (row.authorId as string | null) ?? null,
    clientId: row.clientId as string,
    body: row.body as string,
    language: (row.language as string | null) ?? null,
    threadRootId: (row.threadRootId as string | null) ?? null,
    replyCount: Number(row.replyCount),
    mentions: (row.mentions as string[] | null) ?? [],
    reactions: (row.reactions as ChatMessagePayload['reactions'] | undefined) ?? [],
    createdAt: iso(row.createdAt)!,
    editedAt: iso(row.editedAt),
    deletedAt: iso(row.deletedAt),
  };
}

export interface NewMessage {
  channelId: string;
  authorId: string;
  clientId: string;
  body: string;
  language: string | null;
  threadRootId: string | null;
  mentions: string[];
}

/** The resend of a client id that is already stored (the unique constraint said so). */
export class DuplicateClientId extends Error {}

export interface ChangesPage {
  lastSeq: number;
  revision: number;
  /** Messages the socket has, changed since; oldest change first. */
  updated: ChatMessagePayload[];
  /** Messages new to the socket, by seq. */
  created: ChatMessagePayload[];
}

@Injectable()
export class ChatMessagesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores a message in one statement: the channel row is locked and its counters moved, the thread
   * root's reply count raised, and the message inserted, only if the author may write the channel.
   * A reply takes two revisions (the reply's creation, then the root's new reply count), so every
   * change keeps a revision of its own. Returns null when the channel is missing, archived or closed
   * to the author. A resend raises DuplicateClientId: the failed statement changed nothing, so no
   * number is skipped.
   */
  async insert(message: NewMessage): Promise<ChatMessagePayload | null> {
    const cfg = searchConfigFor(message.language ?? 'simple');
    try {
      const rows: Row[] = await queryPrepared<Row>(
        this.dataSource,
        `chat.insert.${cfg}`,
        `WITH ch AS (
           UPDATE chat_channels c
              SET last_seq = c.last_seq + 1,
                  revision = c.revision + CASE WHEN $6::uuid IS NULL THEN 1 ELSE 2 END,
                  last_message_at = clock_timestamp()
            WHERE c.id = $1 AND c.archived_at IS NULL AND ${channelAccessSql('$2::uuid')}
            RETURNING c.last_seq, c.revision, c.last_message_at
         ), root AS (
           UPDATE chat_messages r SET reply_count = r.reply_count + 1, revision = ch.revision
             FROM ch
            WHERE $6::uuid IS NOT NULL AND r.id = $6::uuid AND r.channel_id = $1
         )
         INSERT INTO chat_messages AS m (channel_id, seq, revision, author_id, client_id, body, language, thread_root_id, mentions, search_document, created_at)
         SELECT $1, ch.last_seq, ch.revision - CASE WHEN $6::uuid IS NULL THEN 0 ELSE 1 END, $2, $3, $4, $5, $6, $7::uuid[],
                ${SEARCH_DOCUMENT(`'${cfg}'`, '$4')}, ch.last_message_at
           FROM ch
         RETURNING ${MESSAGE_COLUMNS}`,
        [message.channelId, message.authorId, message.clientId, message.body, message.language, message.threadRootId, message.mentions],
      );
      return rows[0] ? toPayload(rows[0]) : null;
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'uq_chat_messages_author_client') {
        throw new DuplicateClientId();
      }
      throw error;
    }
  }

  async findByClientId(authorId: string, clientId: string): Promise<ChatMessagePayload | null> {
    const rows: Row[] = await this.dataSource.query(`SELECT ${VIEW} FROM chat_messages m WHERE m.author_id = $1 AND m.client_id = $2`, [authorId, clientId]);
    return rows[0] ? toPayload(rows[0]) : null;
  }

  async findById(id: string, manager?: EntityManager): Promise<ChatMessagePayload | null> {
    const rows: Row[] = await (manager ?? this.dataSource.manager).query(`SELECT ${VIEW} FROM chat_messages m WHERE m.id = $1`, [id]);
    return rows[0] ? toPayload(rows[0]) : null;
  }

  /**
   * One page of what a socket missed, read in one statement so the counters and the messages agree:
   * changes to messages it has (seq ≤ knownSeq, revision > updatedAfter) by revision, and messages new
   * to it (seq > createdAfter) by seq, each part at most `limit` long.
   */
  async changesSince(channelId: string, knownSeq: number, updatedAfter: number, createdAfter: number, limit: number): Promise<ChangesPage> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT c.last_seq AS "chLastSeq", c.revision AS "chRevision", x.*
         FROM chat_channels c
         LEFT JOIN LATERAL (
           (SELECT 'updated' AS part, ${VIEW} FROM chat_messages m
             WHERE m.channel_id = c.id AND m.revision > $3 AND m.seq <= $2 ORDER BY m.revision LIMIT $5)
           UNION ALL
           (SELECT 'created' AS part, ${VIEW} FROM chat_messages m
             WHERE m.channel_id = c.id AND m.seq > $4 ORDER BY m.seq LIMIT $5)
         ) x ON true
        WHERE c.id = $1`,
      [channelId, knownSeq, updatedAfter, createdAfter, limit],
    );
    const first = rows[0];
    if (!first) return { lastSeq: 0, revision: 0, updated: [], created: [] };
    const present = rows.filter((row) => row.id !== null);
    return {
      lastSeq: Number(first.chLastSeq),
      revision: Number(first.chRevision),
      updated: present.filter((row) => row.part === 'updated').map(toPayload),
      created: present.filter((row) => row.part === 'created').map(toPayload),
    };
  }

  /** A page of history by seq, either direction; replies stay in their thread unless `threadRootId` asks for one. */
  async history(channelId: string, options: { beforeSeq?: number; afterSeq?: number; limit: number; threadRootId?: string }): Promise<ChatMessagePayload[]> {
    const params: unknown[] = [channelId, options.limit];
    const where = ['m.channel_id = $1'];
    // A thread reply takes the channel's next seq, so the channel's history holds replies too (a
    // client shows them as thread markers): every seq of a range is in it, as in the socket stream.
    if (options.threadRootId) {
      params.push(options.threadRootId);
      where.push(`m.thread_root_id = $${params.length}`);
    }
    let order = 'DESC';
    if (options.afterSeq !== undefined) {
      params.push(options.afterSeq);
      where.push(`m.seq > $${params.length}`);
      order = 'ASC';
    } else if (options.beforeSeq !== undefined) {
      params.push(options.beforeSeq);
      where.push(`m.seq < $${params.length}`);
    }
    const rows: Row[] = await this.dataSource.query(`SELECT ${VIEW} FROM chat_messages m WHERE ${where.join(' AND ')} ORDER BY m.seq ${order} LIMIT $2`, params);
    const messages = rows.map(toPayload);
    // Pages are always returned oldest first, whichever way they were read.
    return order === 'DESC' ? messages.reverse() : messages;
  }

  /**
   * Runs `change` on the message under its channel's lock with the channel's next revision, then
   * returns the message as stored. Null when the message is gone.
   */
  async changeMessage(messageId: string, change: (manager: EntityManager, revision: number) => Promise<void>): Promise<ChatMessagePayload | null> {
    return this.dataSource.transaction(async (manager) => {
      const bumped = returnedRows<{ revision: string }>(
        await manager.query(
          `UPDATE chat_channels c SET revision = c.revision + 1 FROM chat_messages m WHERE m.id = $1 AND c.id = m.channel_id RETURNING c.revision`,
          [messageId],
        ),
      );
      if (bumped.length === 0) return null;
      const revision = Number(bumped[0]!.revision);
      await change(manager, revision);
      await manager.query('UPDATE chat_messages SET revision = $2 WHERE id = $1', [messageId, revision]);
      return this.findById(messageId, manager);
    });
  }

  async writeEdit(manager: EntityManager, messageId: string, body: string, language: string | null, mentions: string[]): Promise<void> {
    const cfg = searchConfigFor(language ?? 'simple');
    await manager.query(
      `UPDATE chat_messages SET body = $2, language = $3, mentions = $4::uuid[], edited_at = clock_timestamp(), search_document = ${SEARCH_DOCUMENT(`'${cfg}'`, '$2')} WHERE id = $1`,
      [messageId, body, language, mentions],
    );
  }

  /** A tombstone keeps the message's place (seq, thread, replies) and nothing of what it said. */
  async writeTombstone(manager: EntityManager, messageId: string): Promise<void> {
    await manager.query(`UPDATE chat_messages SET body = '', language = NULL, mentions = '{}', search_document = NULL, deleted_at = clock_timestamp() WHERE id = $1`, [messageId]);
    await manager.query('DELETE FROM chat_reactions WHERE message_id = $1', [messageId]);
  }

  /** Adds the reaction or, when the user already reacted so, removes it. Returns whether it was added. */
  async writeReactionToggle(manager: EntityManager, messageId: string, userId: string, emoji: string): Promise<boolean> {
    const removed = returnedRows(await manager.query('DELETE FROM chat_reactions WHERE message_id = $1 AND user_id = $2 AND emoji = $3 RETURNING 1', [messageId, userId, emoji]));
    if (removed.length > 0) return false;
    await manager.query('INSERT INTO chat_reactions (message_id, user_id, emoji) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [messageId, userId, emoji]);
    return true;
  }

  async distinctEmojiCount(messageId: string): Promise<number> {
    const rows: { count: number }[] = await this.dataSource.query('SELECT count(DISTINCT emoji)::int AS count FROM chat_reactions WHERE message_id = $1', [messageId]);
    return rows[0]?.count ?? 0;
  }

  /**
   * Full-text search over the messages of every channel the user may read (or one of them), newest
   * first, with the same multilingual query as challenges.
   */
  async search(userId: string, term: string, options: { channelId?: string; first: number; after?: { key: string; id: string } }): Promise<ChatMessagePayload[]> {
    const params: unknown[] = [userId, term, options.first + 1];
    // Typo matches (trigram similarity of the folded words) join the word matches, newest first like them.
    const where = [`(m.search_document @@ ${searchQuerySql('$2')} OR ${typoSimilaritySql('$2', 'm.body')} >= ${TYPO_SIMILARITY})`, 'm.deleted_at IS NULL', channelAccessSql('$1::uuid')];
    if (options.channelId) {
      params.push(options.channelId);
      where.push(`m.channel_id = $${params.length}`);
    }
    if (options.after) {
      params.push(options.after.key, options.after.id);
      where.push(`(date_trunc('milliseconds', m.created_at), m.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${VIEW} FROM chat_messages m JOIN chat_channels c ON c.id = m.channel_id
        WHERE ${where.join(' AND ')}
        ORDER BY date_trunc('milliseconds', m.created_at) DESC, m.id DESC LIMIT $3`,
      params,
    );
    return rows.map(toPayload);
  }
}
