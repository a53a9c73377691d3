import type { ParticipantView } from './matchmaking.repository.js';
import type { MeetingEntity } from './meeting.entity.js';
import type { MeetingRequestEntity } from './meeting-request.entity.js';
import type { MatchmakingSessionEntity } from './session.entity.js';
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

export function toParticipant(view: ParticipantView): Participant {
  const p = view.participant;
  return {
    id: p.id,
    sessionId: p.sessionId,
    organisationId: p.organisationId,
    organisationName: view.organisationName,
    country: view.country,
    profile: p.profile,
    languages: p.languages,
    unavailableSlots: p.unavailableSlots,
    opportunities: view.opportunities.map((o) => ({ id: o.id, direction: o.direction, type: o.type, title: o.title, description: o.description, subsectors: o.subsectors, levers: o.levers, languages: o.languages })),
  };
}

export function toRequest(entity: MeetingRequestEntity): MeetingRequest {
  return { id: entity.id, fromParticipantId: entity.fromParticipantId, toParticipantId: entity.toParticipantId, message: entity.message, status: entity.status, createdAt: entity.createdAt, decidedAt: entity.decidedAt };
}

/** Tables are numbered from 1 for people; the scheduler counts from 0. */
export function toMeeting(entity: MeetingEntity, roomUrl: string): Meeting {
  return {
    id: entity.id,
    sessionId: entity.sessionId,
    participantAId: entity.participantAId,
    participantBId: entity.participantBId,
    slot: entity.slot,
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
