/** Matchmaking (B2B brokerage) sessions: enums shared by the server, clients and tests. */

/** DRAFT → REGISTRATION → REQUESTS → SCHEDULED → LIVE → CLOSED; CLOSED also from any earlier phase (cancelled). */
export enum SessionPhase {
  DRAFT = 'DRAFT',
  REGISTRATION = 'REGISTRATION',
  REQUESTS = 'REQUESTS',
  SCHEDULED = 'SCHEDULED',
  LIVE = 'LIVE',
  CLOSED = 'CLOSED',
}

export const SESSION_TRANSITIONS: Readonly<Record<SessionPhase, readonly SessionPhase[]>> = {
  [SessionPhase.DRAFT]: [SessionPhase.REGISTRATION, SessionPhase.CLOSED],
  [SessionPhase.REGISTRATION]: [SessionPhase.REQUESTS, SessionPhase.CLOSED],
  [SessionPhase.REQUESTS]: [SessionPhase.SCHEDULED, SessionPhase.CLOSED],
  [SessionPhase.SCHEDULED]: [SessionPhase.LIVE, SessionPhase.CLOSED],
  [SessionPhase.LIVE]: [SessionPhase.CLOSED],
  [SessionPhase.CLOSED]: [],
};

export enum OpportunityDirection {
  OFFER = 'OFFER',
  REQUEST = 'REQUEST',
}

export enum OpportunityType {
  PARTNERSHIP = 'PARTNERSHIP',
  SUPPLIER = 'SUPPLIER',
  CUSTOMER = 'CUSTOMER',
  EXPERTISE = 'EXPERTISE',
  MATERIAL_EXCHANGE = 'MATERIAL_EXCHANGE',
  FUNDING = 'FUNDING',
}

export enum MeetingRequestStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}

export enum MeetingOutcome {
  NONE = 'NONE',
  FOLLOW_UP = 'FOLLOW_UP',
  PARTNERSHIP = 'PARTNERSHIP',
  DEAL = 'DEAL',
}

export enum MeetingAttendance {
  EXPECTED = 'EXPECTED',
  CHECKED_IN = 'CHECKED_IN',
  NO_SHOW = 'NO_SHOW',
}

/** What changed on a participant's agenda (the `matchmakingAgendaChanged` subscription). */
export enum AgendaChange {
  SCHEDULED = 'SCHEDULED',
  MEETING_ADDED = 'MEETING_ADDED',
  MEETING_MOVED = 'MEETING_MOVED',
  MEETING_CANCELLED = 'MEETING_CANCELLED',
  ATTENDANCE = 'ATTENDANCE',
  OUTCOME = 'OUTCOME',
  PHASE = 'PHASE',
}
