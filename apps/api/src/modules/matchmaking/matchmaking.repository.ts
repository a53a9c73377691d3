import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { MeetingRequestStatus } from '@app/contracts';
import { MatchmakingSessionEntity } from './session.entity.js';
import { ParticipantEntity } from './participant.entity.js';
import { OpportunityEntity } from './opportunity.entity.js';
import { MeetingRequestEntity } from './meeting-request.entity.js';
import { MeetingEntity } from './meeting.entity.js';

/** A participant with what matching and listing need: their organisation's name and country, and opportunities. */
export interface ParticipantView {
  participant: ParticipantEntity;
  organisationName: string;
  country: string;
  opportunities: OpportunityEntity[];
}

export interface ParticipantFilter {
  type?: string;
  direction?: string;
  subsector?: string;
  lever?: string;
  country?: string;
  language?: string;
  search?: string;
}

/** Sessions, participants, opportunities, requests and meetings: the storage of matchmaking. */
@Injectable()
export class MatchmakingRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  findSession(id: string, manager?: EntityManager): Promise<MatchmakingSessionEntity | null> {
    return this.m(manager).findOneBy(MatchmakingSessionEntity, { id });
  }

  /** The session row locked until the transaction ends: schedule changes take turns on it. */
  async lockSession(id: string, manager: EntityManager): Promise<MatchmakingSessionEntity | null> {
    return manager.getRepository(MatchmakingSessionEntity).createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
  }

  saveSession(session: Partial<MatchmakingSessionEntity>, manager?: EntityManager): Promise<MatchmakingSessionEntity> {
    return this.m(manager).save(MatchmakingSessionEntity, session) as Promise<MatchmakingSessionEntity>;
  }

  /** Sessions the user may see: public ones and those of networks their organisations belong to, newest first. */
  async visibleSessions(userId: string, first: number, after?: { key: string; id: string }): Promise<MatchmakingSessionEntity[]> {
    const query = this.dataSource
      .getRepository(MatchmakingSessionEntity)
      .createQueryBuilder('s')
      .where(
        `((s.network_id IS NULL OR s.network_id IN (SELECT nm.network_id FROM network_memberships nm JOIN organisation_memberships om ON om.organisation_id = nm.organisation_id WHERE om.user_id = :userId))
          AND s.phase <> 'DRAFT')
         OR s.organiser_organisation_id IN (SELECT organisation_id FROM organisation_memberships WHERE user_id = :userId)`,
        { userId },
      )
      .orderBy("date_trunc('milliseconds', s.created_at)", 'DESC')
      .addOrderBy('s.id', 'DESC')
      .take(first + 1);
    if (after) query.andWhere(`(date_trunc('milliseconds', s.created_at), s.id) < (:key::timestamptz, :id::uuid)`, { key: after.key, id: after.id });
    return query.getMany();
  }

  findParticipant(id: string, manager?: EntityManager): Promise<ParticipantEntity | null> {
    return this.m(manager).findOneBy(ParticipantEntity, { id });
  }

  findParticipantOf(sessionId: string, organisationId: string): Promise<ParticipantEntity | null> {
    return this.dataSource.manager.findOneBy(ParticipantEntity, { sessionId, organisationId });
  }

  /** The caller's participations in a session (one per organisation of theirs that registered). */
  async participantsOfUser(sessionId: string, userId: string): Promise<ParticipantEntity[]> {
    return this.dataSource
      .getRepository(ParticipantEntity)
      .createQueryBuilder('p')
      .where('p.session_id = :sessionId', { sessionId })
      .andWhere('p.organisation_id IN (SELECT organisation_id FROM organisation_memberships WHERE user_id = :userId)', { userId })
      .getMany();
  }

  async register(participant: Partial<ParticipantEntity>, opportunities: Partial<OpportunityEntity>[]): Promise<ParticipantEntity> {
    return this.dataSource.transaction(async (manager) => {
      const saved = (await manager.save(ParticipantEntity, participant)) as ParticipantEntity;
      await manager.delete(OpportunityEntity, { participantId: saved.id });
      if (opportunities.length) await manager.save(OpportunityEntity, opportunities.map((o) => ({ ...o, participantId: saved.id })));
      return saved;
    });
  }

  /** Participants with organisation and opportunities, filtered; ordered by organisation name. */
  async participantViews(sessionId: string, filter: ParticipantFilter = {}, ids?: string[]): Promise<ParticipantView[]> {
    const params: unknown[] = [sessionId];
    const where = ['p.session_id = $1'];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (ids) add((n) => `p.id = ANY(${n}::uuid[])`, ids);
    if (filter.country) add((n) => `o.country = ${n}`, filter.country);
    if (filter.language) add((n) => `EXISTS (SELECT 1 FROM unnest(p.languages) l WHERE split_part(lower(l), '-', 1) = split_part(lower(${n}), '-', 1))`, filter.language);
    const oppConditions: string[] = [];
    const addOpp = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      oppConditions.push(sql(`$${params.length}`));
    };
    if (filter.type) addOpp((n) => `x.type::text = ${n}`, filter.type);
    if (filter.direction) addOpp((n) => `x.direction::text = ${n}`, filter.direction);
    if (filter.subsector) addOpp((n) => `${n} = ANY(x.subsectors::text[])`, filter.subsector);
    if (filter.lever) addOpp((n) => `${n} = ANY(x.levers::text[])`, filter.lever);
    if (filter.search) addOpp((n) => `(x.title ILIKE '%' || ${n} || '%' OR x.description ILIKE '%' || ${n} || '%')`, filter.search.replace(/[%_\\]/g, (c) => `\\${c}`));
    if (oppConditions.length) where.push(`EXISTS (SELECT 1 FROM mm_opportunities x WHERE x.participant_id = p.id AND ${oppConditions.join(' AND ')})`);
    const rows: { id: string; organisationName: string; country: string }[] = await this.dataSource.query(
      `SELECT p.id, o.name AS "organisationName", o.country FROM mm_participants p JOIN organisations o ON o.id = p.organisation_id WHERE ${where.join(' AND ')} ORDER BY o.name, p.id`,
      params,
    );
    if (rows.length === 0) return [];
    const participants = await this.dataSource.manager.findBy(ParticipantEntity, { id: In(rows.map((r) => r.id)) });
    const opportunities = await this.dataSource.manager.find(OpportunityEntity, { where: { participantId: In(rows.map((r) => r.id)) }, order: { title: 'ASC' } });
    const byId = new Map(participants.map((p) => [p.id, p]));
    return rows.map((row) => ({ participant: byId.get(row.id)!, organisationName: row.organisationName, country: row.country, opportunities: opportunities.filter((o) => o.participantId === row.id) }));
  }

  findRequest(id: string, manager?: EntityManager): Promise<MeetingRequestEntity | null> {
    return this.m(manager).findOneBy(MeetingRequestEntity, { id });
  }

  saveRequest(request: Partial<MeetingRequestEntity>, manager?: EntityManager): Promise<MeetingRequestEntity> {
    return this.m(manager).save(MeetingRequestEntity, request) as Promise<MeetingRequestEntity>;
  }

  /** Requests a participant sent or received, newest first. */
  requestsOf(participantId: string): Promise<MeetingRequestEntity[]> {
    return this.dataSource.manager.find(MeetingRequestEntity, { where: [{ fromParticipantId: participantId }, { toParticipantId: participantId }], order: { createdAt: 'DESC' } });
  }

  requestsOfSession(sessionId: string): Promise<MeetingRequestEntity[]> {
    return this.dataSource.manager.find(MeetingRequestEntity, { where: { sessionId } });
  }

  async countOutgoingOpen(participantId: string, manager?: EntityManager): Promise<number> {
    return this.m(manager).count(MeetingRequestEntity, { where: { fromParticipantId: participantId, status: In([MeetingRequestStatus.PENDING, MeetingRequestStatus.ACCEPTED]) } });
  }

  /** Locks both participants (in id order, so two accepts never deadlock) for a limit check. */
  async lockParticipants(ids: string[], manager: EntityManager): Promise<void> {
    await manager.query('SELECT id FROM mm_participants WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [ids]);
  }

  async countMeetingsOf(participantId: string, manager?: EntityManager): Promise<number> {
    return this.m(manager).count(MeetingEntity, { where: [{ participantAId: participantId }, { participantBId: participantId }] });
  }

  saveMeeting(meeting: Partial<MeetingEntity>, manager?: EntityManager): Promise<MeetingEntity> {
    return this.m(manager).save(MeetingEntity, meeting) as Promise<MeetingEntity>;
  }

  findMeeting(id: string, manager?: EntityManager): Promise<MeetingEntity | null> {
    return this.m(manager).findOneBy(MeetingEntity, { id });
  }

  findMeetingByRequest(requestId: string, manager?: EntityManager): Promise<MeetingEntity | null> {
    return this.m(manager).findOneBy(MeetingEntity, { requestId });
  }

  deleteMeeting(id: string, manager?: EntityManager): Promise<unknown> {
    return this.m(manager).delete(MeetingEntity, { id });
  }

  meetingsOfSession(sessionId: string, manager?: EntityManager): Promise<MeetingEntity[]> {
    return this.m(manager).find(MeetingEntity, { where: { sessionId }, order: { slot: 'ASC', tableNumber: 'ASC', createdAt: 'ASC' } });
  }

  meetingsOfParticipant(participantId: string, manager?: EntityManager): Promise<MeetingEntity[]> {
    return this.m(manager).find(MeetingEntity, { where: [{ participantAId: participantId }, { participantBId: participantId }], order: { slot: 'ASC' } });
  }

  participantsOfSession(sessionId: string, manager?: EntityManager): Promise<ParticipantEntity[]> {
    return this.m(manager).find(ParticipantEntity, { where: { sessionId }, order: { createdAt: 'ASC' } });
  }

  /** Writes every meeting's place in one go. */
  async writePlacements(meetings: Pick<MeetingEntity, 'id' | 'slot' | 'tableNumber' | 'unplacedReason' | 'unplacedMessage'>[], manager: EntityManager): Promise<void> {
    if (meetings.length === 0) return;
    await manager.query(
      `UPDATE mm_meetings m SET slot = u.slot, table_number = u.table_number, unplaced_reason = u.reason, unplaced_message = u.message, updated_at = now()
         FROM unnest($1::uuid[], $2::int[], $3::int[], $4::text[], $5::text[]) AS u(id, slot, table_number, reason, message)
        WHERE m.id = u.id`,
      [meetings.map((m) => m.id), meetings.map((m) => m.slot), meetings.map((m) => m.tableNumber), meetings.map((m) => m.unplacedReason), meetings.map((m) => m.unplacedMessage)],
    );
  }

  /** Organisation name and time zone of each participant, for showing both sides of meetings. */
  async meetingSides(participantIds: string[]): Promise<Map<string, { name: string; timeZone: string }>> {
    const rows: { id: string; name: string; timeZone: string }[] = await this.dataSource.query(
      `SELECT p.id, o.name, p.time_zone AS "timeZone" FROM mm_participants p JOIN organisations o ON o.id = p.organisation_id WHERE p.id = ANY($1::uuid[])`,
      [participantIds],
    );
    return new Map(rows.map((r) => [r.id, { name: r.name, timeZone: r.timeZone }]));
  }

  /** Organisation names, countries and subsectors of participants, for the dashboard and exports. */
  async participantFacts(sessionId: string): Promise<{ id: string; name: string; country: string; subsectors: string[] }[]> {
    return this.dataSource.query(
      `SELECT p.id, o.name, o.country, o.subsectors::text[] AS subsectors FROM mm_participants p JOIN organisations o ON o.id = p.organisation_id WHERE p.session_id = $1`,
      [sessionId],
    );
  }
}
