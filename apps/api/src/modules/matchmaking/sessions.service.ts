import { Injectable } from '@nestjs/common';
import { SESSION_TRANSITIONS, SessionPhase } from '@app/contracts';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { MatchmakingAccessService } from './matchmaking-access.service.js';
import { MatchmakingRepository } from './matchmaking.repository.js';
import { SchedulingService } from './scheduling.service.js';
import { AgendaEvents } from './agenda-events.js';
import type { MatchmakingSessionEntity, SessionDay } from './session.entity.js';
import { sessionSlots } from './session-slots.js';
import { existsInZone, isCalendarDate, isTimeZone } from './zoned-time.js';

export interface SessionFields {
  title: string;
  description: string;
  timeZone: string;
  days: SessionDay[];
  slotMinutes: number;
  tables: number;
  maxMeetingsPerParticipant: number;
  registrationDeadline: Date;
  requestDeadline: Date;
  languages: string[];
}

/** The most slots a session may have: beyond it nobody is served by one event. */
export const MAX_SLOTS = 400;

/** Creating, changing and moving sessions through their phases. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly store: MatchmakingRepository,
    private readonly access: MatchmakingAccessService,
    private readonly scheduling: SchedulingService,
    private readonly agenda: AgendaEvents,
  ) {}

  async create(userId: string, organisationId: string, networkId: string | null, fields: SessionFields): Promise<MatchmakingSessionEntity> {
    await this.access.requireHost(userId, organisationId, networkId);
    checkFields(fields);
    return this.store.saveSession({ ...fields, organiserOrganisationId: organisationId, networkId, createdById: userId, phase: SessionPhase.DRAFT });
  }

  /** Days, slots and tables can change until requests open; texts and deadlines at any time before the end. */
  async update(userId: string, sessionId: string, fields: Partial<SessionFields>): Promise<MatchmakingSessionEntity> {
    const session = await this.access.requireOrganiser(userId, sessionId);
    if (session.phase === SessionPhase.CLOSED) throw DomainException.conflict('The session is closed.');
    const structural = ['days', 'slotMinutes', 'tables', 'timeZone'] as const;
    if (structural.some((key) => fields[key] !== undefined) && ![SessionPhase.DRAFT, SessionPhase.REGISTRATION].includes(session.phase)) {
      throw DomainException.conflict('Days, slot length, tables and time zone can change only before meeting requests open.');
    }
    const changed = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const next = { ...session, ...changed } as MatchmakingSessionEntity;
    // Only what changes is checked again: renaming a running session must not trip over its past.
    const deadlines = ['registrationDeadline', 'requestDeadline'];
    if (Object.keys(changed).some((key) => [...structural, ...deadlines].includes(key))) checkFields(next);
    return this.store.saveSession(next);
  }

  async move(userId: string, sessionId: string, to: SessionPhase): Promise<MatchmakingSessionEntity> {
    const session = await this.access.requireOrganiser(userId, sessionId);
    if (!SESSION_TRANSITIONS[session.phase].includes(to)) {
      throw DomainException.lifecycle('A session', session.phase, SESSION_TRANSITIONS[session.phase], to);
    }
    if (to === SessionPhase.SCHEDULED) {
      // Scheduling moves the phase itself, under the session's lock.
      await this.scheduling.scheduleSession(userId, sessionId, false);
      return (await this.store.findSession(sessionId))!;
    }
    const saved = await this.store.saveSession({ ...session, phase: to });
    const participants = await this.store.participantsOfSession(sessionId);
    await this.agenda.changed(
      participants.map((p) => p.id),
      { sessionId, scheduleVersion: saved.scheduleVersion, change: 'PHASE', meetingId: null },
    );
    return saved;
  }
}

function checkFields(fields: SessionFields): void {
  if (!isTimeZone(fields.timeZone)) throw DomainException.badInput('Not a known IANA time zone.', ['input.timeZone']);
  if (fields.days.length === 0) throw DomainException.badInput('A session has at least one day.', ['input.days']);
  const dates = new Set(fields.days.map((d) => d.date));
  if (dates.size !== fields.days.length) throw DomainException.badInput('Each day appears once.', ['input.days']);
  for (const [i, day] of fields.days.entries()) {
    // The pattern lets "2027-02-30" through; Date would roll it to 2 March and the slots with it.
    if (!isCalendarDate(day.date)) throw DomainException.badInput(`${day.date} is not a day of the calendar.`, [`input.days.${i}.date`]);
    for (const key of ['start', 'end'] as const) {
      if (!existsInZone(day.date, day[key], fields.timeZone)) throw DomainException.badInput(`${day.date} ${day[key]} does not exist in ${fields.timeZone} (the clocks skip it).`, [`input.days.${i}.${key}`]);
    }
    if (day.start >= day.end) throw DomainException.badInput(`${day.date}: the day ends before it starts.`, ['input.days']);
    for (const b of day.breaks) {
      if (b.start >= b.end || b.start < day.start || b.end > day.end) throw DomainException.badInput(`${day.date}: a break lies outside the day or ends before it starts.`, ['input.days']);
    }
  }
  const slots = sessionSlots(fields.days, fields.slotMinutes, fields.timeZone);
  if (slots.filter((s) => !s.isBreak).length === 0) throw DomainException.badInput('No whole meeting slot fits in these days.', ['input.days', 'input.slotMinutes']);
  if (slots.length > MAX_SLOTS) throw DomainException.badInput(`A session has at most ${MAX_SLOTS} slots.`, ['input.days', 'input.slotMinutes']);
  if (fields.requestDeadline < fields.registrationDeadline) throw DomainException.badInput('Requests close after registration does.', ['input.requestDeadline']);
  if (fields.requestDeadline > slots[0]!.startsAt) throw DomainException.badInput('Requests close before the first slot.', ['input.requestDeadline']);
}
