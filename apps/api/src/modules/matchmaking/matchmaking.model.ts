import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AgendaChange, CciSubsector, MeetingAttendance, MeetingOutcome, MeetingRequestStatus, OpportunityDirection, OpportunityType, ResolveLever, SessionPhase } from '@app/contracts';
import { Connection } from '@api/platform/graphql/pagination.js';

registerEnumType(SessionPhase, {
  name: 'SessionPhase',
  description: 'DRAFT → REGISTRATION → REQUESTS → SCHEDULED → LIVE → CLOSED (CLOSED also cancels from any earlier phase).',
  valuesMap: {
    DRAFT: { description: 'Being prepared; seen by its organisers only.' },
    REGISTRATION: { description: 'Organisations register; meeting requests may already be sent.' },
    REQUESTS: { description: 'Registration closed; meeting requests are sent and answered.' },
    SCHEDULED: { description: 'The schedule is out: accepted meetings have slots and tables.' },
    LIVE: { description: 'The meetings take place: check-in, no-shows and outcomes.' },
    CLOSED: { description: 'Over (or cancelled before it ran).' },
  },
});
registerEnumType(OpportunityDirection, {
  name: 'OpportunityDirection',
  description: 'Whether the participant offers it or looks for it.',
  valuesMap: { OFFER: { description: 'The participant offers it.' }, REQUEST: { description: 'The participant looks for it.' } },
});
registerEnumType(OpportunityType, {
  name: 'OpportunityType',
  description: 'Kind of cooperation opportunity.',
  valuesMap: {
    PARTNERSHIP: { description: 'A partnership (a project, a joint offer).' },
    SUPPLIER: { description: 'A supplier of goods or services.' },
    CUSTOMER: { description: 'A customer for goods or services.' },
    EXPERTISE: { description: 'Know-how, advice or training.' },
    MATERIAL_EXCHANGE: { description: 'Materials, offcuts or by-products to pass on or take.' },
    FUNDING: { description: 'Grants, investment or other funding.' },
  },
});
registerEnumType(MeetingRequestStatus, {
  name: 'MeetingRequestStatus',
  description: 'Where a meeting request stands.',
  valuesMap: {
    PENDING: { description: 'Waiting for the asked participant’s answer.' },
    ACCEPTED: { description: 'Accepted: a meeting came of it.' },
    DECLINED: { description: 'Declined by the asked participant.' },
    CANCELLED: { description: 'Withdrawn by either side (or with a withdrawn registration).' },
  },
});
registerEnumType(MeetingOutcome, {
  name: 'MeetingOutcome',
  description: 'What came of a meeting.',
  valuesMap: {
    NONE: { description: 'Nothing further.' },
    FOLLOW_UP: { description: 'The two sides will talk again.' },
    PARTNERSHIP: { description: 'They agreed to work together.' },
    DEAL: { description: 'They closed a deal.' },
  },
});
registerEnumType(MeetingAttendance, {
  name: 'MeetingAttendance',
  description: 'Whether a participant came to a meeting.',
  valuesMap: {
    EXPECTED: { description: 'Not checked in (yet), not marked absent.' },
    CHECKED_IN: { description: 'Checked in during the check-in window.' },
    NO_SHOW: { description: 'Marked as not having come.' },
  },
});
registerEnumType(AgendaChange, {
  name: 'AgendaChange',
  description: 'What changed on an agenda.',
  valuesMap: {
    SCHEDULED: { description: 'The session was scheduled (again): meetings were placed or moved.' },
    MEETING_ADDED: { description: 'A request was accepted: a new meeting (placed at once if the schedule is out).' },
    MEETING_MOVED: { description: 'An organiser moved a meeting to another slot or table.' },
    MEETING_CANCELLED: { description: 'A meeting was cancelled (its request withdrawn, or a side withdrew its registration).' },
    ATTENDANCE: { description: 'A side checked in, or was marked as not having come.' },
    OUTCOME: { description: 'A side recorded what came of a meeting.' },
    PHASE: { description: 'The session moved to another phase.' },
  },
});

@ObjectType('SessionDay', { description: 'One day of a session, in the organiser’s time zone.' })
export class SessionDayModel {
  @Field({ description: 'Local date, YYYY-MM-DD.' })
  date: string;

  @Field({ description: 'Local opening time, HH:MM.' })
  start: string;

  @Field({ description: 'Local closing time, HH:MM.' })
  end: string;

  @Field(() => [SessionBreakModel], { description: 'Breaks, in local time.' })
  breaks: SessionBreakModel[];
}

@ObjectType('SessionBreak', { description: 'A break in a session day.' })
export class SessionBreakModel {
  @Field({ description: 'Local start, HH:MM.' })
  start: string;

  @Field({ description: 'Local end, HH:MM.' })
  end: string;
}

@ObjectType('SessionSlot', { description: 'A meeting slot of a session.' })
export class SessionSlotModel {
  @Field(() => Int, { description: 'Position in the session’s list of slots, 0-based over all days (operations take the start time, not this).' })
  index: number;

  @Field(() => Int, { description: 'Day number, 0-based.' })
  day: number;

  @Field({ description: 'A break takes no meetings.' })
  isBreak: boolean;

  @Field(() => GraphQLISODateTime, { description: 'When it starts.' })
  startsAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'When it ends.' })
  endsAt: Date;
}

@ObjectType({ description: 'A virtual B2B matchmaking session hosted by a municipality or a network.' })
export class MatchmakingSession {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => ID, { description: 'The hosting organisation; its members organise.' })
  organiserOrganisationId: string;

  @Field(() => ID, { nullable: true, description: 'The network it is for; null for a public session.' })
  networkId: string | null;

  @Field({ description: 'Title.' })
  title: string;

  @Field({ description: 'Description in Markdown.' })
  description: string;

  @Field({ description: 'IANA time zone of the days.' })
  timeZone: string;

  @Field(() => [SessionDayModel], { description: 'Days with opening hours and breaks.' })
  days: SessionDayModel[];

  @Field(() => Int, { description: 'Length of a meeting, minutes.' })
  slotMinutes: number;

  @Field(() => Int, { description: 'Virtual tables: meetings at the same time.' })
  tables: number;

  @Field(() => Int, { description: 'Most meetings per participant.' })
  maxMeetingsPerParticipant: number;

  @Field(() => GraphQLISODateTime, { description: 'Registration closes.' })
  registrationDeadline: Date;

  @Field(() => GraphQLISODateTime, { description: 'Meeting requests close.' })
  requestDeadline: Date;

  @Field(() => [String], { description: 'Languages of the event (BCP 47).' })
  languages: string[];

  @Field(() => SessionPhase, { description: 'Where it stands.' })
  phase: SessionPhase;

  @Field(() => Int, { description: 'Raised on every change of the schedule.' })
  scheduleVersion: number;

  @Field({ description: 'Whether you organise it.' })
  viewerIsOrganiser: boolean;

  @Field(() => GraphQLISODateTime, { description: 'When it was created.' })
  createdAt: Date;
}

@ObjectType({ description: 'A cooperation opportunity offered or looked for.' })
export class Opportunity {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => OpportunityDirection, { description: 'Offered or looked for.' })
  direction: OpportunityDirection;

  @Field(() => OpportunityType, { description: 'Kind of cooperation.' })
  type: OpportunityType;

  @Field({ description: 'Short title.' })
  title: string;

  @Field({ description: 'Details, Markdown.' })
  description: string;

  @Field(() => [CciSubsector], { description: 'Subsectors concerned.' })
  subsectors: CciSubsector[];

  @Field(() => [ResolveLever], { description: 'ReSOLVE levers concerned.' })
  levers: ResolveLever[];

  @Field(() => [String], { description: 'Languages it can be discussed in.' })
  languages: string[];
}

@ObjectType({ description: 'An organisation registered for a session.' })
export class Participant {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => ID, { description: 'The session.' })
  sessionId: string;

  @Field(() => ID, { description: 'The organisation.' })
  organisationId: string;

  @Field({ description: 'The organisation’s name.' })
  organisationName: string;

  @Field({ description: 'The organisation’s country (ISO 3166-1 alpha-2).' })
  country: string;

  @Field({ description: 'What the organisation brings, Markdown.' })
  profile: string;

  @Field(() => [String], { description: 'Languages it meets in.' })
  languages: string[];

  @Field({ description: 'IANA time zone its people are in (given at registration, else the registering user’s), to show the other side’s local time.' })
  timeZone: string;

  @Field(() => [GraphQLISODateTime], { description: 'Starts of the session’s slots it cannot attend, in time order.' })
  unavailableTimes: Date[];

  @Field(() => [Opportunity], { description: 'Its offers and requests.' })
  opportunities: Opportunity[];
}

@ObjectType({ description: 'A participant recommended to meet, with why.' })
export class Recommendation {
  @Field(() => Participant, { description: 'Whom to meet.' })
  participant: Participant;

  @Field(() => Int, { description: 'Complementarity score; higher first.' })
  score: number;

  @Field(() => [String], { description: 'The reasons behind the score.' })
  reasons: string[];
}

@ObjectType({ description: 'A request for a one-to-one meeting.' })
export class MeetingRequest {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => ID, { description: 'The asking participant.' })
  fromParticipantId: string;

  @Field(() => ID, { description: 'The participant asked.' })
  toParticipantId: string;

  @Field({ description: 'The message sent with it.' })
  message: string;

  @Field(() => MeetingRequestStatus, { description: 'Where it stands.' })
  status: MeetingRequestStatus;

  @Field(() => GraphQLISODateTime, { description: 'When it was sent.' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was answered or withdrawn.' })
  decidedAt: Date | null;
}

@ObjectType({ description: 'A meeting between two participants.' })
export class Meeting {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => ID, { description: 'The session.' })
  sessionId: string;

  @Field(() => ID, { description: 'The participant who asked.' })
  participantAId: string;

  @Field(() => ID, { description: 'The participant who accepted.' })
  participantBId: string;

  @Field({ description: 'The asking participant’s organisation name.' })
  participantAName: string;

  @Field({ description: 'The asking participant’s IANA time zone.' })
  participantATimeZone: string;

  @Field({ description: 'The accepting participant’s organisation name.' })
  participantBName: string;

  @Field({ description: 'The accepting participant’s IANA time zone.' })
  participantBTimeZone: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When its slot starts; null while not placed.' })
  startsAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When its slot ends; null while not placed.' })
  endsAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'Virtual table, from 1; null while not placed.' })
  table: number | null;

  @Field({ description: 'Placed by the organiser; scheduling keeps it there.' })
  pinned: boolean;

  @Field(() => String, { nullable: true, description: 'Why the last scheduling could not place it (a reason code), if it could not.' })
  unplacedReason: string | null;

  @Field(() => String, { nullable: true, description: 'The same, in words.' })
  unplacedMessage: string | null;

  @Field(() => ID, { nullable: true, description: 'Its chat channel (kind MEETING).' })
  chatChannelId: string | null;

  @Field({ description: 'The video room link.' })
  roomUrl: string;

  @Field(() => MeetingAttendance, { description: 'Whether the asking participant came.' })
  attendanceA: MeetingAttendance;

  @Field(() => MeetingAttendance, { description: 'Whether the accepting participant came.' })
  attendanceB: MeetingAttendance;

  @Field(() => MeetingOutcome, { nullable: true, description: 'What came of it, once recorded.' })
  outcome: MeetingOutcome | null;

  @Field(() => String, { nullable: true, description: 'A note on the outcome.' })
  outcomeNote: string | null;
}

@ObjectType({ description: 'One meeting on a participant’s agenda, in their time zone.' })
export class AgendaItem {
  @Field(() => Meeting, { description: 'The meeting.' })
  meeting: Meeting;

  @Field(() => Participant, { description: 'Whom it is with.' })
  counterpart: Participant;

  @Field(() => String, { nullable: true, description: 'Start, ISO 8601 with the offset of the agenda’s time zone; null while not placed.' })
  startsAt: string | null;

  @Field(() => String, { nullable: true, description: 'End, likewise.' })
  endsAt: string | null;
}

@ObjectType({ description: 'A participant’s agenda.' })
export class Agenda {
  @Field(() => ID, { description: 'The participant.' })
  participantId: string;

  @Field({ description: 'The IANA time zone the times are shown in.' })
  timeZone: string;

  @Field(() => Int, { description: 'The session’s schedule version this agenda reflects.' })
  scheduleVersion: number;

  @Field(() => [AgendaItem], { description: 'Meetings by time; unplaced ones last.' })
  items: AgendaItem[];
}

@ObjectType({ description: 'Something on a participant’s agenda changed: fetch it again.' })
export class AgendaChanged {
  @Field(() => ID, { description: 'The participant.' })
  participantId: string;

  @Field(() => ID, { description: 'The session.' })
  sessionId: string;

  @Field(() => Int, { description: 'The schedule version after the change.' })
  scheduleVersion: number;

  @Field(() => AgendaChange, { description: 'What changed.' })
  change: AgendaChange;

  @Field(() => ID, { nullable: true, description: 'The meeting concerned, if one.' })
  meetingId: string | null;
}

@ObjectType('ScheduleSummary', { description: 'The outcome of a scheduling run.' })
export class ScheduleSummaryResult {
  @Field(() => Int, { description: 'Meetings placed.' })
  placed: number;

  @Field(() => Int, { description: 'Meetings that could not be placed (each says why).' })
  unplaced: number;

  @Field(() => Int, { description: 'No schedule of this session can place more than this.' })
  upperBound: number;

  @Field(() => Int, { description: 'Idle slots between participants’ meetings, summed.' })
  idleGaps: number;

  @Field(() => Int, { description: 'Announced meetings that were moved.' })
  moved: number;
}

@ObjectType({ description: 'Meeting requests by status.' })
export class RequestCounts {
  @Field(() => Int, { description: 'All requests.' })
  total: number;

  @Field(() => Int, { description: 'Waiting for an answer.' })
  PENDING: number;

  @Field(() => Int, { description: 'Accepted.' })
  ACCEPTED: number;

  @Field(() => Int, { description: 'Declined.' })
  DECLINED: number;

  @Field(() => Int, { description: 'Withdrawn.' })
  CANCELLED: number;
}

@ObjectType({ description: 'How many participants of a country work in a subsector.' })
export class CountrySubsector {
  @Field({ description: 'Country.' })
  country: string;

  @Field({ description: 'Subsector.' })
  subsector: string;

  @Field(() => Int, { description: 'Participants.' })
  participants: number;
}

@ObjectType({ description: 'How many meetings ended with an outcome.' })
export class OutcomeCount {
  @Field(() => MeetingOutcome, { description: 'The outcome.' })
  outcome: MeetingOutcome;

  @Field(() => Int, { description: 'Meetings.' })
  count: number;
}

@ObjectType({ description: 'The organiser’s figures for a session.' })
export class MatchmakingDashboard {
  @Field(() => Int, { description: 'Registered participants.' })
  registrations: number;

  @Field(() => RequestCounts, { description: 'Requests by status.' })
  requests: RequestCounts;

  @Field(() => Float, { nullable: true, description: 'Accepted over answered requests; null before any answer.' })
  acceptanceRate: number | null;

  @Field(() => Int, { description: 'Meetings (accepted requests).' })
  meetingsAccepted: number;

  @Field(() => Int, { description: 'Meetings placed in the schedule.' })
  meetingsScheduled: number;

  @Field(() => Int, { description: 'Meetings both sides checked in to.' })
  meetingsHeld: number;

  @Field(() => Float, { nullable: true, description: 'Share of scheduled meetings between different countries; null without meetings.' })
  crossBorderShare: number | null;

  @Field(() => [CountrySubsector], { description: 'Participants by country and subsector.' })
  countriesBySubsector: CountrySubsector[];

  @Field(() => [OutcomeCount], { description: 'Meetings by outcome.' })
  outcomes: OutcomeCount[];
}

export const MatchmakingSessionConnection = Connection(MatchmakingSession, 'MatchmakingSession');
