import { Inject, Injectable } from '@nestjs/common';
import { MeetingAttendance, MeetingOutcome, SessionPhase } from '@app/contracts';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { UsersRepository } from '@api/modules/identity/users/users.repository.js';
import { MatchmakingAccessService } from './matchmaking-access.service.js';
import { MatchmakingRepository, type ParticipantView } from './matchmaking.repository.js';
import { AgendaEvents } from './agenda-events.js';
import type { MeetingEntity } from './meeting.entity.js';
import type { MatchmakingSessionEntity } from './session.entity.js';
import { sessionSlots, type SessionSlot } from './session-slots.js';
import { calendar } from './ical.js';
import { toMeeting, type MeetingSide } from './matchmaking.mapper.js';
import type { Meeting } from './matchmaking.model.js';
import { CHECK_IN_OPENS_BEFORE_MINUTES, checkInStanding, checkInWindow } from './check-in-window.js';
import { formatInZone, isTimeZone } from './zoned-time.js';

export interface AgendaItem {
  meeting: MeetingEntity;
  counterpart: ParticipantView;
  slot: SessionSlot | null;
  startsAtLocal: string | null;
  endsAtLocal: string | null;
  roomUrl: string;
  ownSide: 'A' | 'B';
}

/** A participant's agenda, attendance and outcomes, and its calendar export. */
@Injectable()
export class MeetingsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: MatchmakingRepository,
    private readonly access: MatchmakingAccessService,
    private readonly users: UsersRepository,
    private readonly agenda: AgendaEvents,
  ) {}

  roomUrl(meetingId: string): string {
    return `${this.config.matchmaking.roomBaseUrl}${meetingId}`;
  }

  /** A meeting as the API shows it: times from its session's slots, both sides' names and time zones. */
  async toModel(meeting: MeetingEntity): Promise<Meeting> {
    const session = (await this.store.findSession(meeting.sessionId))!;
    const sides = await this.store.meetingSides([meeting.participantAId, meeting.participantBId]);
    return toMeeting(meeting, this.roomUrl(meeting.id), sessionSlots(session.days, session.slotMinutes, session.timeZone), sides);
  }

  /** The participant's meetings by slot, times shown in `timeZone` (default: the caller's own). */
  async agendaOf(
    userId: string,
    participantId: string,
    timeZone?: string,
  ): Promise<{ session: MatchmakingSessionEntity; timeZone: string; items: AgendaItem[]; slots: SessionSlot[]; sides: Map<string, MeetingSide> }> {
    const { participant, session } = await this.access.requireParticipantOrOrganiser(userId, participantId);
    const zone = timeZone ?? (await this.users.findById(userId))?.timeZone ?? session.timeZone;
    if (!isTimeZone(zone)) throw DomainException.badInput('Not a known IANA time zone.', ['timeZone']);
    const slots = sessionSlots(session.days, session.slotMinutes, session.timeZone);
    const meetings = await this.store.meetingsOfParticipant(participant.id);
    const counterpartIds = meetings.map((m) => (m.participantAId === participant.id ? m.participantBId : m.participantAId));
    const views = new Map((await this.store.participantViews(session.id, {}, [participant.id, ...counterpartIds])).map((v) => [v.participant.id, v]));
    const sides = new Map([...views].map(([id, v]) => [id, { name: v.organisationName, timeZone: v.participant.timeZone }]));
    const items = meetings
      .map((meeting): AgendaItem => {
        const slot = meeting.slot === null ? null : (slots[meeting.slot] ?? null);
        const ownSide = meeting.participantAId === participant.id ? 'A' : 'B';
        return {
          meeting,
          counterpart: views.get(ownSide === 'A' ? meeting.participantBId : meeting.participantAId)!,
          slot,
          startsAtLocal: slot ? formatInZone(slot.startsAt, zone) : null,
          endsAtLocal: slot ? formatInZone(slot.endsAt, zone) : null,
          roomUrl: this.roomUrl(meeting.id),
          ownSide,
        };
      })
      .sort((x, y) => (x.slot?.index ?? Infinity) - (y.slot?.index ?? Infinity));
    return { session, timeZone: zone, items, slots, sides };
  }

  /** The agenda as an iCalendar (RFC 5545) document, times in UTC so every calendar shows them right. */
  async agendaCalendar(userId: string, participantId: string): Promise<string> {
    const { session, items } = await this.agendaOf(userId, participantId);
    const stamp = new Date();
    return calendar(
      session.title,
      items
        .filter((item) => item.slot)
        .map((item) => ({
          uid: `${item.meeting.id}@innomed-hub`,
          start: item.slot!.startsAt,
          end: item.slot!.endsAt,
          summary: `${session.title}: meeting with ${item.counterpart.organisationName} (${item.counterpart.country})`,
          description: `Virtual table ${item.meeting.tableNumber! + 1}. Join: ${item.roomUrl}`,
          location: `Virtual table ${item.meeting.tableNumber! + 1}`,
          url: item.roomUrl,
          stamp,
        })),
    );
  }

  /** A participant says they are at the meeting, within the check-in window (check-in-window.ts). */
  async checkIn(userId: string, meetingId: string, participantId: string): Promise<MeetingEntity> {
    const { meeting, session, side } = await this.participantMeeting(userId, meetingId, participantId);
    if (session.phase !== SessionPhase.LIVE) throw DomainException.conflict('Check-in opens when the session is live.');
    const slot = meeting.slot === null ? undefined : sessionSlots(session.days, session.slotMinutes, session.timeZone)[meeting.slot];
    if (!slot) throw DomainException.conflict('The meeting has no time in the schedule, so there is nothing to check in to.');
    const window = checkInWindow(slot);
    const standing = checkInStanding(window, new Date());
    if (standing === 'EARLY') throw DomainException.conflict(`Check-in opens ${CHECK_IN_OPENS_BEFORE_MINUTES} minutes before the meeting, at ${window.opensAt.toISOString()}.`);
    if (standing === 'CLOSED') throw DomainException.deadlinePassed(`Check-in closed when the meeting ended, at ${window.closesAt.toISOString()}.`);
    return this.saveAndTell({ ...meeting, [side === 'A' ? 'attendanceA' : 'attendanceB']: MeetingAttendance.CHECKED_IN }, session, 'ATTENDANCE');
  }

  /** The other participant or an organiser records that a participant did not come. */
  async markNoShow(userId: string, meetingId: string, absentParticipantId: string): Promise<MeetingEntity> {
    const meeting = await this.store.findMeeting(meetingId);
    if (!meeting || (meeting.participantAId !== absentParticipantId && meeting.participantBId !== absentParticipantId)) throw DomainException.notFound('The meeting');
    const { session, organiser } = await this.access.requireVisible(userId, meeting.sessionId);
    const otherId = meeting.participantAId === absentParticipantId ? meeting.participantBId : meeting.participantAId;
    const actsForOther = await this.access.requireParticipant(userId, otherId).then(
      () => true,
      () => false,
    );
    if (!organiser && !actsForOther) throw DomainException.forbidden('The other participant or an organiser records a no-show.');
    if (session.phase !== SessionPhase.LIVE && session.phase !== SessionPhase.CLOSED) throw DomainException.conflict('A no-show is recorded once the session is live.');
    const side = meeting.participantAId === absentParticipantId ? 'attendanceA' : 'attendanceB';
    if (meeting[side] === MeetingAttendance.CHECKED_IN) throw DomainException.conflict('That participant checked in.');
    return this.saveAndTell({ ...meeting, [side]: MeetingAttendance.NO_SHOW }, session, 'ATTENDANCE');
  }

  /** After its slot has started, either participant records what came of the meeting. */
  async recordOutcome(userId: string, meetingId: string, participantId: string, outcome: MeetingOutcome, note: string | null): Promise<MeetingEntity> {
    const { meeting, session } = await this.participantMeeting(userId, meetingId, participantId);
    if (meeting.slot === null) throw DomainException.conflict('The meeting was never scheduled.');
    const slot = sessionSlots(session.days, session.slotMinutes, session.timeZone)[meeting.slot];
    if (!slot || slot.startsAt.getTime() > Date.now()) throw DomainException.conflict('An outcome is recorded after the meeting has started.');
    return this.saveAndTell({ ...meeting, outcome, outcomeNote: note }, session, 'OUTCOME');
  }

  private async participantMeeting(userId: string, meetingId: string, participantId: string) {
    const meeting = await this.store.findMeeting(meetingId);
    if (!meeting || (meeting.participantAId !== participantId && meeting.participantBId !== participantId)) throw DomainException.notFound('The meeting');
    const { session } = await this.access.requireParticipant(userId, participantId);
    return { meeting, session, side: meeting.participantAId === participantId ? ('A' as const) : ('B' as const) };
  }

  private async saveAndTell(meeting: MeetingEntity, session: MatchmakingSessionEntity, change: 'ATTENDANCE' | 'OUTCOME'): Promise<MeetingEntity> {
    const saved = await this.store.saveMeeting(meeting);
    await this.agenda.changed([meeting.participantAId, meeting.participantBId], { sessionId: session.id, scheduleVersion: session.scheduleVersion, change, meetingId: meeting.id });
    return saved;
  }
}
