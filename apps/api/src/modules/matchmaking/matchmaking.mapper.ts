import type { ParticipantView } from './matchmaking.repository.js';
import type { MeetingEntity } from './meeting.entity.js';
import type { MeetingRequestEntity } from './meeting-request.entity.js';
import type { MatchmakingSessionEntity } from './session.entity.js';
import type { SessionSlot } from './session-slots.js';
import type { Meeting, MeetingRequest, MatchmakingSession, Participant } from './matchmaking.model.js';

export function toSession(entity: MatchmakingSessionEntity, viewerIsOrganiser: boolean): MatchmakingSession {
  return {
    id: entity.id,
    organiserOrganisationId: entity.organiserOrganisationId,
    networkId: entity.networkId,
    title: entity.title,
    description: entity.description,
    timeZone: entity.timeZone,
    days: entity.days,
    slotMinutes: entity.slotMinutes,
    tables: entity.tables,
    maxMeetingsPerParticipant: entity.maxMeetingsPerParticipant,
    registrationDeadline: entity.registrationDeadline,
    requestDeadline: entity.requestDeadline,
    languages: entity.languages,
    phase: entity.phase,
    scheduleVersion: entity.scheduleVersion,
    viewerIsOrganiser,
    createdAt: entity.createdAt,
  };
}

/** The participant as the API shows it; `slots` are its session's, to turn slot numbers into times. */
export function toParticipant(view: ParticipantView, slots: readonly SessionSlot[]): Participant {
  const p = view.participant;
  return {
    id: p.id,
    sessionId: p.sessionId,
    organisationId: p.organisationId,
    organisationName: view.organisationName,
    country: view.country,
    profile: p.profile,
    languages: p.languages,
    timeZone: p.timeZone,
    unavailableTimes: slotStarts(p.unavailableSlots, slots),
    opportunities: view.opportunities.map((o) => ({ id: o.id, direction: o.direction, type: o.type, title: o.title, description: o.description, subsectors: o.subsectors, levers: o.levers, languages: o.languages })),
  };
}

export function toRequest(entity: MeetingRequestEntity): MeetingRequest {
  return { id: entity.id, fromParticipantId: entity.fromParticipantId, toParticipantId: entity.toParticipantId, message: entity.message, status: entity.status, createdAt: entity.createdAt, decidedAt: entity.decidedAt };
}

/** Organisation name and time zone of a meeting's side. */
export interface MeetingSide {
  name: string;
  timeZone: string;
}

/** Tables are numbered from 1 for people; the scheduler counts from 0. Times come from the session's slots. */
export function toMeeting(entity: MeetingEntity, roomUrl: string, slots: readonly SessionSlot[], sides: ReadonlyMap<string, MeetingSide>): Meeting {
  const slot = entity.slot === null ? undefined : slots[entity.slot];
  const a = sides.get(entity.participantAId);
  const b = sides.get(entity.participantBId);
  return {
    id: entity.id,
    sessionId: entity.sessionId,
    participantAId: entity.participantAId,
    participantBId: entity.participantBId,
    participantAName: a?.name ?? '',
    participantATimeZone: a?.timeZone ?? 'UTC',
    participantBName: b?.name ?? '',
    participantBTimeZone: b?.timeZone ?? 'UTC',
    startsAt: slot?.startsAt ?? null,
    endsAt: slot?.endsAt ?? null,
    table: entity.tableNumber === null ? null : entity.tableNumber + 1,
    pinned: entity.pinned,
    unplacedReason: entity.unplacedReason,
    unplacedMessage: entity.unplacedMessage,
    chatChannelId: entity.chatChannelId,
    roomUrl,
    attendanceA: entity.attendanceA,
    attendanceB: entity.attendanceB,
    outcome: entity.outcome,
    outcomeNote: entity.outcomeNote,
  };
}

/** Slot numbers to their start times, in time order (numbers outside the session are dropped). */
export function slotStarts(numbers: readonly number[], slots: readonly SessionSlot[]): Date[] {
  return numbers.flatMap((n) => (slots[n] ? [slots[n].startsAt] : [])).sort((x, y) => x.getTime() - y.getTime());
}
