import type { ScheduleOptions, ScheduleResult, SchedulingProblem } from './types.js';

export type ViolationKind =
  | 'UNKNOWN_MEETING'
  | 'PLACED_TWICE'
  | 'PLACED_AND_UNPLACED'
  | 'NOT_ACCOUNTED_FOR'
  | 'INVALID_MEETING'
  | 'UNKNOWN_SLOT'
  | 'BREAK'
  | 'UNAVAILABLE'
  | 'DOUBLE_BOOKED'
  | 'NO_SUCH_TABLE'
  | 'TABLE_SHARED'
  | 'OVER_LIMIT'
  | 'PIN_NOT_KEPT'
  | 'ANNOUNCED_MOVED'
  | 'STATS_MISMATCH';

export interface Violation {
  kind: ViolationKind;
  message: string;
}

/**
 * Every constraint a schedule breaks, checked from the problem and the answer alone (no shared code
 * with the scheduler, so a bug there cannot hide itself here). Empty when the schedule is valid.
 * With `allowMoves` false (the default) announced meetings that are placed must be where announced.
 */
export function checkSchedule(problem: SchedulingProblem, result: ScheduleResult, options: ScheduleOptions = {}): Violation[] {
  const violations: Violation[] = [];
  const add = (kind: ViolationKind, message: string): void => void violations.push({ kind, message });
  const meetings = new Map(problem.meetings.map((meeting) => [meeting.id, meeting]));
  const participants = new Map(problem.participants.map((participant) => [participant.id, participant]));
  const slots = new Map(problem.slots.map((slot) => [slot.index, slot]));
  const unavailable = new Map(problem.participants.map((participant) => [participant.id, new Set(participant.unavailable ?? [])]));

  const placedIds = new Set<string>();
  const occupant = new Map<string, string>();
  const tableUser = new Map<string, string>();
  const meetingCount = new Map<string, number>();
  for (const { meetingId, slot, table } of result.placements) {
    const meeting = meetings.get(meetingId);
    if (!meeting) {
      add('UNKNOWN_MEETING', `Placement of unknown meeting ${meetingId}`);
      continue;
    }
    if (placedIds.has(meetingId)) add('PLACED_TWICE', `Meeting ${meetingId} is placed more than once`);
    placedIds.add(meetingId);
    if (meeting.a === meeting.b || !participants.has(meeting.a) || !participants.has(meeting.b)) {
      add('INVALID_MEETING', `Meeting ${meetingId} is placed but does not name two known participants`);
      continue;
    }
    const spec = slots.get(slot);
    if (!spec) add('UNKNOWN_SLOT', `Meeting ${meetingId} is in slot ${slot}, which does not exist`);
    else if (spec.isBreak) add('BREAK', `Meeting ${meetingId} is in slot ${slot}, a break`);
    if (!Number.isInteger(table) || table < 0 || table >= problem.tables) add('NO_SUCH_TABLE', `Meeting ${meetingId} is at table ${table} of ${problem.tables}`);
    const sharing = tableUser.get(`${slot}/${table}`);
    if (sharing) add('TABLE_SHARED', `Meetings ${sharing} and ${meetingId} share table ${table} in slot ${slot}`);
    tableUser.set(`${slot}/${table}`, meetingId);
    for (const person of [meeting.a, meeting.b]) {
      if (unavailable.get(person)!.has(slot)) add('UNAVAILABLE', `${person} is unavailable in slot ${slot} but has meeting ${meetingId}`);
      const other = occupant.get(`${person}/${slot}`);
      if (other) add('DOUBLE_BOOKED', `${person} has meetings ${other} and ${meetingId} in slot ${slot}`);
      occupant.set(`${person}/${slot}`, meetingId);
      meetingCount.set(person, (meetingCount.get(person) ?? 0) + 1);
    }
    const kept = meeting.pinned ?? (options.allowMoves ? undefined : meeting.placement);
    if (kept && (kept.slot !== slot || (kept.table !== undefined && kept.table !== table))) {
      const where = `slot ${kept.slot}${kept.table === undefined ? '' : ` table ${kept.table}`}`;
      add(meeting.pinned ? 'PIN_NOT_KEPT' : 'ANNOUNCED_MOVED', `Meeting ${meetingId} belongs in ${where} but is in slot ${slot} table ${table}`);
    }
  }
  for (const [person, count] of meetingCount) {
    const max = participants.get(person)!.maxMeetings;
    if (max !== undefined && count > max) add('OVER_LIMIT', `${person} has ${count} meetings, more than their maximum of ${max}`);
  }

  const unplacedIds = new Set<string>();
  for (const { meetingId } of result.unplaced) {
    if (!meetings.has(meetingId)) add('UNKNOWN_MEETING', `Unknown meeting ${meetingId} listed as unplaced`);
    if (placedIds.has(meetingId) || unplacedIds.has(meetingId)) add('PLACED_AND_UNPLACED', `Meeting ${meetingId} is listed as unplaced and also placed or listed again`);
    unplacedIds.add(meetingId);
  }
  for (const id of meetings.keys()) {
    if (!placedIds.has(id) && !unplacedIds.has(id)) add('NOT_ACCOUNTED_FOR', `Meeting ${id} is neither placed nor listed as unplaced`);
  }

  const { stats } = result;
  if (stats.placed !== result.placements.length || stats.unplaced !== result.unplaced.length || stats.meetings !== problem.meetings.length) {
    add('STATS_MISMATCH', `Stats say ${stats.placed} placed, ${stats.unplaced} unplaced of ${stats.meetings}; the lists hold ${result.placements.length} and ${result.unplaced.length} of ${problem.meetings.length}`);
  }
  return violations;
}
