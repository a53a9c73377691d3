import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ChatChannelKind } from '@app/contracts';
import { returnedRows } from '@api/platform/database/returned-rows.js';
import { channelAccessSql } from './chat-access.sql.js';

/** A channel as the caller sees it: with their read marker and what is unread for them. */
export interface ChannelView {
  id: string;
  kind: ChatChannelKind;
  title: string | null;
  description: string | null;
  networkId: string | null;
  challengeId: string | null;
  meetingRef: string | null;
  createdById: string | null;
  lastSeq: number;
  revision: number;
  lastMessageAt: Date | null;
  archivedAt: Date | null;
  createdAt: Date;
  lastReadSeq: number;
  canAccess: boolean;
  /**
   * The channel lives in a private network (its own, or its challenge's) the user is not a member of:
   * to them it does not exist (NOT_FOUND), like everything else of that network.
   */
  hidden: boolean;
}

/** Unread counts stop here: a client shows "999+" and nobody needs the exact figure. */
export const UNREAD_CAP = 999;

const CHANNEL_COLUMNS = `c.id, c.kind, c.title, c.description, c.network_id AS "networkId", c.challenge_id AS "challengeId",
  c.meeting_ref AS "meetingRef", c.created_by_id AS "createdById", c.last_seq AS "lastSeq", c.revision,
  c.last_message_at AS "lastMessageAt", c.archived_at AS "archivedAt", c.created_at AS "createdAt"`;

type Row = Record<string, unknown>;

function toView(row: Row): ChannelView {
  return {
    ...(row as unknown as ChannelView),
    lastSeq: Number(row.lastSeq),
    revision: Number(row.revision),
    lastReadSeq: Number(row.lastReadSeq ?? 0),
    canAccess: row.canAccess === true,
    hidden: row.hidden === true,
  };
}

@Injectable()
export class ChatChannelsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The channel with whether the user may use it and their read marker; null when it does not exist. */
  async findForUser(channelId: string, userId: string): Promise<ChannelView | null> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${CHANNEL_COLUMNS}, COALESCE(rm.last_read_seq, 0) AS "lastReadSeq", ${channelAccessSql('$2::uuid')} AS "canAccess",
              COALESCE(n.visibility = 'PRIVATE' AND NOT EXISTS (
                SELECT 1 FROM network_memberships nm JOIN organisation_memberships om ON om.organisation_id = nm.organisation_id
                 WHERE nm.network_id = n.id AND om.user_id = $2), false)
              -- A symbiosis conversation is private to the two organisations: to anyone else it does not exist.
              OR (c.kind = 'SYMBIOSIS' AND NOT ${channelAccessSql('$2::uuid')}) AS "hidden"
         FROM chat_channels c LEFT JOIN chat_read_markers rm ON rm.channel_id = c.id AND rm.user_id = $2
         LEFT JOIN challenges ch ON ch.id = c.challenge_id
         LEFT JOIN networks n ON n.id = COALESCE(c.network_id, ch.network_id)
        WHERE c.id = $1`,
      [channelId, userId],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  /** The network's general channel, created on first use (concurrent first uses agree on one). */
  async ensureNetworkGeneral(networkId: string): Promise<string> {
    await this.dataSource.query(
      `INSERT INTO chat_channels (kind, network_id) VALUES ('NETWORK_GENERAL', $1) ON CONFLICT (network_id) WHERE kind = 'NETWORK_GENERAL' DO NOTHING`,
      [networkId],
    );
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM chat_channels WHERE network_id = $1 AND kind = 'NETWORK_GENERAL'`, [networkId]);
    return rows[0]!.id;
  }

  async ensureChallengeChannel(challengeId: string): Promise<string> {
    await this.dataSource.query(
      `INSERT INTO chat_channels (kind, challenge_id) VALUES ('CHALLENGE', $1) ON CONFLICT (challenge_id) WHERE kind = 'CHALLENGE' DO NOTHING`,
      [challengeId],
    );
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM chat_channels WHERE challenge_id = $1 AND kind = 'CHALLENGE'`, [challengeId]);
    return rows[0]!.id;
  }

  async createTopic(networkId: string, title: string, description: string | null, createdById: string): Promise<string> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO chat_channels (kind, network_id, title, description, created_by_id) VALUES ('NETWORK_TOPIC', $1, $2, $3, $4) RETURNING id`,
      [networkId, title, description, createdById],
    );
    return rows[0]!.id;
  }

  async topicTitleTaken(networkId: string, title: string): Promise<boolean> {
    const rows: Row[] = await this.dataSource.query(`SELECT 1 FROM chat_channels WHERE network_id = $1 AND kind = 'NETWORK_TOPIC' AND lower(title) = lower($2) AND archived_at IS NULL`, [
      networkId,
      title,
    ]);
    return rows.length > 0;
  }

  /**
   * A channel with listed members (direct, meeting or symbiosis). A `directKey` or `meetingRef` that exists
   * already returns the existing channel instead, so two people opening the same conversation at once
   * end up in one.
   */
  async createWithMembers(
    fields: { kind: ChatChannelKind.DIRECT | ChatChannelKind.MEETING | ChatChannelKind.SYMBIOSIS; title: string | null; directKey: string | null; meetingRef: string | null; createdById: string | null },
    memberIds: string[],
  ): Promise<{ id: string; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = returnedRows<{ id: string }>(
        await manager.query(
          `INSERT INTO chat_channels (kind, title, direct_key, meeting_ref, created_by_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
          [fields.kind, fields.title, fields.directKey, fields.meetingRef, fields.createdById],
        ),
      );
      if (inserted.length === 0) {
        const existing: { id: string }[] = await manager.query(`SELECT id FROM chat_channels WHERE direct_key = $1 OR meeting_ref = $2`, [fields.directKey, fields.meetingRef]);
        return { id: existing[0]!.id, created: false };
      }
      const id = inserted[0]!.id;
      await this.addMembers(id, memberIds, manager);
      return { id, created: true };
    });
  }

  async addMembers(channelId: string, userIds: string[], manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `INSERT INTO chat_channel_members (channel_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [channelId, userIds],
    );
  }

  async memberIds(channelId: string): Promise<string[]> {
    const rows: { userId: string }[] = await this.dataSource.query('SELECT user_id AS "userId" FROM chat_channel_members WHERE channel_id = $1 ORDER BY created_at, user_id', [channelId]);
    return rows.map((row) => row.userId);
  }

  /** Which of `userIds` exist. */
  async existingUsers(userIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM users WHERE id = ANY($1::uuid[])', [userIds]);
    return rows.map((row) => row.id);
  }

  /** Which of `userIds` may read the channel (mentions must name readers). */
  async readersAmong(channelId: string, userIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT u.id FROM unnest($2::uuid[]) AS u(id) JOIN chat_channels c ON c.id = $1 WHERE ${channelAccessSql('u.id')}`,
      [channelId, userIds],
    );
    return rows.map((row) => row.id);
  }

  /**
   * The channels a user may read, most recently active first, with unread and mention counts: direct
   * and meeting channels they belong to, their networks' channels, and the channels of challenges they
   * post, follow or answer. Optionally only one network's.
   */
  async listForUser(userId: string, options: { networkId?: string; first: number; after?: { key: string; id: string } }): Promise<(ChannelView & { unreadCount: number; mentionCount: number })[]> {
    const params: unknown[] = [userId, options.first + 1];
    const where = ['c.archived_at IS NULL'];
    if (options.networkId) {
      params.push(options.networkId);
      where.push(`c.network_id = $${params.length}`);
    }
    if (options.after) {
      params.push(options.after.key, options.after.id);
      where.push(`(date_trunc('milliseconds', COALESCE(c.last_message_at, c.created_at)), c.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows: Row[] = await this.dataSource.query(
      `WITH my_orgs AS (SELECT organisation_id FROM organisation_memberships WHERE user_id = $1),
            candidates AS (
              SELECT channel_id AS id FROM chat_channel_members WHERE user_id = $1
              UNION SELECT c.id FROM chat_channels c
                     WHERE c.kind IN ('NETWORK_GENERAL', 'NETWORK_TOPIC')
                       AND c.network_id IN (SELECT network_id FROM network_memberships WHERE organisation_id IN (SELECT organisation_id FROM my_orgs))
              UNION SELECT c.id FROM chat_channels c
                     WHERE c.kind = 'CHALLENGE' AND c.challenge_id IN (
                       SELECT challenge_id FROM challenge_follows WHERE user_id = $1
                       UNION SELECT id FROM challenges WHERE organisation_id IN (SELECT organisation_id FROM my_orgs)
                       UNION SELECT challenge_id FROM challenge_answers WHERE author_id = $1 OR organisation_id IN (SELECT organisation_id FROM my_orgs)))
       SELECT ${CHANNEL_COLUMNS}, COALESCE(rm.last_read_seq, 0) AS "lastReadSeq", true AS "canAccess",
              (SELECT count(*)::int FROM (SELECT 1 FROM chat_messages m WHERE m.channel_id = c.id AND m.seq > COALESCE(rm.last_read_seq, 0)
                  AND m.author_id IS DISTINCT FROM $1 AND m.deleted_at IS NULL LIMIT ${UNREAD_CAP}) u) AS "unreadCount",
              (SELECT count(*)::int FROM (SELECT 1 FROM chat_messages m WHERE m.channel_id = c.id AND m.seq > COALESCE(rm.last_read_seq, 0)
                  AND $1 = ANY(m.mentions) AND m.deleted_at IS NULL LIMIT ${UNREAD_CAP}) u) AS "mentionCount"
         FROM candidates JOIN chat_channels c ON c.id = candidates.id
         LEFT JOIN chat_read_markers rm ON rm.channel_id = c.id AND rm.user_id = $1
        WHERE ${where.join(' AND ')}
        ORDER BY date_trunc('milliseconds', COALESCE(c.last_message_at, c.created_at)) DESC, c.id DESC
        LIMIT $2`,
      params,
    );
    return rows.map((row) => ({ ...toView(row), unreadCount: Number(row.unreadCount), mentionCount: Number(row.mentionCount) }));
  }

  /** The general channels of every network the user belongs to, created where missing, in one statement. */
  async ensureGeneralChannelsOf(userId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO chat_channels (kind, network_id)
       SELECT DISTINCT 'NETWORK_GENERAL'::chat_channel_kind, nm.network_id
         FROM network_memberships nm JOIN organisation_memberships om ON om.organisation_id = nm.organisation_id
        WHERE om.user_id = $1
       ON CONFLICT (network_id) WHERE kind = 'NETWORK_GENERAL' DO NOTHING`,
      [userId],
    );
  }


  /** Moves the read marker forward only (a stale tab cannot move it back); returns where it stands. */
  async markRead(channelId: string, userId: string, seq: number): Promise<number> {
    const rows: { lastReadSeq: string }[] = await this.dataSource.query(
      `INSERT INTO chat_read_markers AS rm (channel_id, user_id, last_read_seq)
       SELECT $1, $2, LEAST($3::bigint, c.last_seq) FROM chat_channels c WHERE c.id = $1
       ON CONFLICT (channel_id, user_id) DO UPDATE SET last_read_seq = GREATEST(rm.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()
       RETURNING last_read_seq AS "lastReadSeq"`,
      [channelId, userId, seq],
    );
    return Number(rows[0]?.lastReadSeq ?? 0);
  }

  /** The revision of each channel, for the delivery sweep. */
  async revisions(channelIds: string[]): Promise<Map<string, number>> {
    const rows: { id: string; revision: string }[] = await this.dataSource.query('SELECT id, revision FROM chat_channels WHERE id = ANY($1::uuid[])', [channelIds]);
    return new Map(rows.map((row) => [row.id, Number(row.revision)]));
  }

  /** Of the (channel, user) pairs given, those whose user may no longer read the channel. */
  async revokedPairs(pairs: { channelId: string; userId: string }[]): Promise<{ channelId: string; userId: string }[]> {
    if (pairs.length === 0) return [];
    return this.dataSource.query(
      `SELECT p.channel_id AS "channelId", p.user_id AS "userId"
         FROM unnest($1::uuid[], $2::uuid[]) AS p(channel_id, user_id)
         JOIN chat_channels c ON c.id = p.channel_id
        WHERE NOT ${channelAccessSql('p.user_id')}`,
      [pairs.map((p) => p.channelId), pairs.map((p) => p.userId)],
    );
  }

  /**
   * Of `userIds`, those whose presence the watcher may see: users sharing an organisation, a network
   * (through their organisations) or a direct or meeting channel with the watcher.
   */
  async visiblePresence(watcherId: string, userIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH my_orgs AS (SELECT organisation_id FROM organisation_memberships WHERE user_id = $1),
            my_networks AS (SELECT network_id FROM network_memberships WHERE organisation_id IN (SELECT organisation_id FROM my_orgs))
       SELECT u.id FROM unnest($2::uuid[]) AS u(id)
        WHERE u.id = $1
           OR EXISTS (SELECT 1 FROM organisation_memberships om WHERE om.user_id = u.id AND om.organisation_id IN (SELECT organisation_id FROM my_orgs))
           OR EXISTS (SELECT 1 FROM organisation_memberships om JOIN network_memberships nm ON nm.organisation_id = om.organisation_id
                       WHERE om.user_id = u.id AND nm.network_id IN (SELECT network_id FROM my_networks))
           OR EXISTS (SELECT 1 FROM chat_channel_members a JOIN chat_channel_members b ON b.channel_id = a.channel_id
                       WHERE a.user_id = $1 AND b.user_id = u.id)`,
      [watcherId, userIds],
    );
    return rows.map((row) => row.id);
  }
}
