import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SessionPhase } from '@app/contracts';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { MatchmakingAccessService } from './matchmaking-access.service.js';
import { MatchmakingRepository } from './matchmaking.repository.js';
import { AgendaEvents } from './agenda-events.js';
import type { MatchmakingSessionEntity } from './session.entity.js';
import type { MeetingEntity } from './meeting.entity.js';
import type { ParticipantEntity } from './participant.entity.js';
import { sessionSlots, slotStartingAt } from './session-slots.js';
import { moveMeeting, placeIncrementally, schedule, type ScheduleResult, type SchedulingProblem } from './scheduling/index.js';

const PLACED_PHASES = new Set([SessionPhase.SCHEDULED, SessionPhase.LIVE]);

export interface ScheduleSummary {
  placed: number;
  unplaced: number;
  upperBound: number;
  idleGaps: number;
  moved: number;
}

/**
 * Turns the stored session into a scheduling problem, runs the pure scheduler, and stores its answer.
 * Every change of a schedule holds the session row's lock, so two organisers (or an organiser and a
 * late acceptance) never interleave, on any instance.
 */
@Injectable()
export class SchedulingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MatchmakingRepository,
    private readonly access: MatchmakingAccessService,
    private readonly agenda: AgendaEvents,
  ) {}

  /** The organiser schedules the session (moving it to SCHEDULED the first time). */
  async scheduleSession(userId: string, sessionId: string, allowMoves: boolean): Promise<ScheduleSummary> {
    await this.access.requireOrganiser(userId, sessionId);
    const { summary, session, affected } = await this.dataSource.transaction(async (manager) => {
      const session = await this.lock(sessionId, manager);
      if (session.phase !== SessionPhase.REQUESTS && !PLACED_PHASES.has(session.phase)) {
        throw DomainException.conflict(`A session is scheduled once meeting requests are open or later; this one is ${session.phase}.`);
      }
      const { problem, meetings } = await this.problem(session, manager);
      const result = schedule(problem, { allowMoves, seed: 1 });
      const affected = await this.writeResult(meetings, result, manager);
      if (session.phase === SessionPhase.REQUESTS) session.phase = SessionPhase.SCHEDULED;
      session.scheduleVersion += 1;
      await this.repository.saveSession(session, manager);
      return { summary: summaryOf(result), session, affected };
    });
    await this.agenda.changed(affected, { sessionId, scheduleVersion: session.scheduleVersion, change: 'SCHEDULED', meetingId: null });
    return summary;
  }

  /**
   * Places a meeting accepted after the schedule was announced, around the meetings already announced
   * (which do not move). Does nothing before the session is scheduled.
   */
  async placeLate(sessionId: string, meetingId: string): Promise<void> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const session = await this.lock(sessionId, manager);
      if (!PLACED_PHASES.has(session.phase)) return null;
      const { problem, meetings } = await this.problem(session, manager);
      const existing = problem.meetings.filter((m) => m.id !== meetingId);
      const fresh = problem.meetings.filter((m) => m.id === meetingId);
      const result = placeIncrementally({ ...problem, meetings: existing }, { placements: [] }, fresh, { allowMoves: false, seed: 1 });
      await this.writeResult(meetings, result, manager);
      session.scheduleVersion += 1;
      await this.repository.saveSession(session, manager);
      const meeting = meetings.find((m) => m.id === meetingId)!;
      return { version: session.scheduleVersion, participants: [meeting.participantAId, meeting.participantBId] };
    });
    if (outcome) await this.agenda.changed(outcome.participants, { sessionId, scheduleVersion: outcome.version, change: 'MEETING_ADDED', meetingId });
  }

  /**
   * The organiser puts a meeting into the slot starting at `startsAt` (and a table), pinned so later runs keep it there. A place
   * that clashes is refused with SCHEDULE_CLASH naming what is in the way; nothing else moves.
   */
  async moveMeeting(userId: string, meetingId: string, startsAt: Date, table: number | undefined): Promise<MeetingEntity> {
    const meeting = await this.repository.findMeeting(meetingId);
    if (!meeting) throw DomainException.notFound('The meeting');
    await this.access.requireOrganiser(userId, meeting.sessionId);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const session = await this.lock(meeting.sessionId, manager);
      if (!PLACED_PHASES.has(session.phase)) throw DomainException.conflict('Meetings are moved once the session is scheduled.');
      // A time that starts no slot names no place: bad input, not a clash (the scheduler would call it one).
      const slot = slotStartingAt(sessionSlots(session.days, session.slotMinutes, session.timeZone), startsAt)?.index;
      if (slot === undefined) throw DomainException.badInput(`${startsAt.toISOString()} is not the start of one of the session’s slots (see the session’s slots).`, ['input.startsAt']);
      const { problem, meetings } = await this.problem(session, manager);
      const current: ScheduleResult = {
        placements: meetings.filter((m) => m.slot !== null && m.tableNumber !== null).map((m) => ({ meetingId: m.id, slot: m.slot!, table: m.tableNumber! })),
        unplaced: [],
        stats: { meetings: meetings.length, placed: 0, unplaced: 0, upperBound: 0, idleGaps: 0, moved: 0, searchSteps: 0 },
      };
      const moved = moveMeeting(problem, current, meetingId, slot, table);
      if (!moved.ok) throw DomainException.scheduleClash(moved.message);
      const placement = moved.result.placements.find((p) => p.meetingId === meetingId)!;
      const target = meetings.find((m) => m.id === meetingId)!;
      Object.assign(target, { slot: placement.slot, tableNumber: placement.table, pinned: true, unplacedReason: null, unplacedMessage: null });
      await this.repository.saveMeeting(target, manager);
      session.scheduleVersion += 1;
      await this.repository.saveSession(session, manager);
      return { target, version: session.scheduleVersion };
    });
    await this.agenda.changed([meeting.participantAId, meeting.participantBId], { sessionId: meeting.sessionId, scheduleVersion: outcome.version, change: 'MEETING_MOVED', meetingId });
    return outcome.target;
  }

  private async lock(sessionId: string, manager: EntityManager): Promise<MatchmakingSessionEntity> {
    const session = await this.repository.lockSession(sessionId, manager);
    if (!session) throw DomainException.notFound('The session');
    return session;
  }

  /** The session as the scheduler sees it: slots, participants with their limits and absences, meetings. */
  private async problem(session: MatchmakingSessionEntity, manager: EntityManager): Promise<{ problem: SchedulingProblem; meetings: MeetingEntity[]; participants: ParticipantEntity[] }> {
    const [participants, meetings] = await Promise.all([this.repository.participantsOfSession(session.id, manager), this.repository.meetingsOfSession(session.id, manager)]);
    const slots = sessionSlots(session.days, session.slotMinutes, session.timeZone);
    const announced = PLACED_PHASES.has(session.phase);
    const problem: SchedulingProblem = {
      slots: slots.map((s) => ({ index: s.index, isBreak: s.isBreak, day: s.day })),
      tables: session.tables,
      participants: participants.map((p) => ({ id: p.id, maxMeetings: session.maxMeetingsPerParticipant, unavailable: p.unavailableSlots })),
      meetings: meetings.map((m) => ({
        id: m.id,
        a: m.participantAId,
        b: m.participantBId,
        ...(m.pinned && m.slot !== null ? { pinned: { slot: m.slot, table: m.tableNumber ?? undefined } } : {}),
        ...(announced && !m.pinned && m.slot !== null && m.tableNumber !== null ? { placement: { slot: m.slot, table: m.tableNumber } } : {}),
      })),
    };
    return { problem, meetings, participants };
  }

  /** Writes the scheduler's answer; returns the participants whose agenda changed. */
  private async writeResult(meetings: MeetingEntity[], result: ScheduleResult, manager: EntityManager): Promise<Set<string>> {
    const placements = new Map(result.placements.map((p) => [p.meetingId, p]));
    const unplaced = new Map(result.unplaced.map((u) => [u.meetingId, u]));
    const affected = new Set<string>();
    const rows = meetings.map((m) => {
      const placement = placements.get(m.id);
      const refusal = unplaced.get(m.id);
      const next = { id: m.id, slot: placement?.slot ?? null, tableNumber: placement?.table ?? null, unplacedReason: refusal?.reason ?? null, unplacedMessage: refusal?.message ?? null };
      if (next.slot !== m.slot || next.tableNumber !== m.tableNumber) {
        affected.add(m.participantAId);
        affected.add(m.participantBId);
      }
      Object.assign(m, next);
      return next;
    });
    await this.repository.writePlacements(rows, manager);
    return affected;
  }
}

function summaryOf(result: ScheduleResult): ScheduleSummary {
  return { placed: result.stats.placed, unplaced: result.stats.unplaced, upperBound: result.stats.upperBound, idleGaps: result.stats.idleGaps, moved: result.stats.moved };
}
