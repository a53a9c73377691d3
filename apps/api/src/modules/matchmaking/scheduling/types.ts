/**
 * The matchmaking scheduling problem and its answer. Everything here is plain data, so the database
 * and GraphQL layers can build a problem from rows and store the answer without the scheduler
 * knowing about either.
 */

/** One slot of the session. Days and breaks are already expanded into this ordered list. */
export interface SlotSpec {
  /** Identifies the slot; the list is ordered by it and the values are unique. */
  index: number;
  /** A break takes no meetings. */
  isBreak?: boolean;
  /** Slots of different days never count as an idle gap between each other. Default 0. */
  day?: number;
}

export interface ParticipantSpec {
  id: string;
  /** The most meetings this participant accepts in the session; no limit when absent. */
  maxMeetings?: number;
  /** Slot indices at which the participant cannot meet. */
  unavailable?: readonly number[];
}

export interface SlotTable {
  slot: number;
  table: number;
}

export interface MeetingSpec {
  id: string;
  /** Participant ids; the two must differ. */
  a: string;
  b: string;
  /** Set by the organiser: the meeting goes in this slot (and table, when given) or nowhere. */
  pinned?: { slot: number; table?: number };
  /** Where the meeting was announced; kept as it is unless moves are allowed. */
  placement?: SlotTable;
}

export interface SchedulingProblem {
  slots: readonly SlotSpec[];
  /** Virtual tables per slot, numbered 0 to tables − 1. */
  tables: number;
  participants: readonly ParticipantSpec[];
  meetings: readonly MeetingSpec[];
}

export interface ScheduleOptions {
  /**
   * When false (the default), a meeting with a `placement` stays exactly there. When true, the
   * scheduler may move announced meetings to place more, but never leaves one out to do so.
   */
  allowMoves?: boolean;
  /** Seed of the tie-breaking; the same problem, options and seed give the same schedule. */
  seed?: number;
  /** Scales the search and annealing budgets (1 by default); 0 skips both. */
  effort?: number;
}

export interface Placement extends SlotTable {
  meetingId: string;
}

export type UnplacedReason =
  /** The meeting names an unknown participant, or the same participant twice. */
  | 'INVALID_MEETING'
  /** The pinned or announced (and not movable) place cannot be kept. */
  | 'PIN_CONFLICT'
  /** No usable slot in which both participants are available. */
  | 'NO_COMMON_FREE_SLOT'
  /** One of the participants already has their maximum of meetings. */
  | 'PARTICIPANT_LIMIT'
  /** Both participants are free together only in slots whose tables are all taken. */
  | 'NO_TABLE'
  /** In every slot both could use, one of them is already in another meeting. */
  | 'PARTICIPANTS_BUSY';

export interface Unplaced {
  meetingId: string;
  reason: UnplacedReason;
  message: string;
}

export interface ScheduleStats {
  meetings: number;
  placed: number;
  unplaced: number;
  /** `upperBound(problem, options)`: no schedule places more. */
  upperBound: number;
  /** Free, available slots between a participant's first and last meeting of a day, summed. */
  idleGaps: number;
  /** Announced meetings that now have another slot or table. */
  moved: number;
  /** Steps of the improving search plus rounds of ruin and repair (0 when the first placement already reached the bound). */
  searchSteps: number;
}

export interface ScheduleResult {
  /** Ordered by slot, then table. */
  placements: Placement[];
  unplaced: Unplaced[];
  stats: ScheduleStats;
}
