import { BLOCKED, FREE, type Board } from './board.js';

/** Why a meeting cannot go to a given slot (and table), each naming what is in the way. */
export type Clash =
  | { kind: 'UNKNOWN_MEETING'; meetingId: string; message: string }
  | { kind: 'INVALID_MEETING'; meetingId: string; message: string }
  | { kind: 'UNKNOWN_SLOT'; slot: number; message: string }
  | { kind: 'BREAK'; slot: number; message: string }
  | { kind: 'UNAVAILABLE'; participantId: string; slot: number; message: string }
  | { kind: 'BUSY'; participantId: string; slot: number; meetingId: string; message: string }
  | { kind: 'PARTICIPANT_LIMIT'; participantId: string; maxMeetings: number; message: string }
  | { kind: 'NO_FREE_TABLE'; slot: number; message: string }
  | { kind: 'NO_SUCH_TABLE'; slot: number; table: number; message: string }
  | { kind: 'TABLE_TAKEN'; slot: number; table: number; meetingId: string; message: string };

/**
 * Every clash of putting meeting m (not placed on the board) into slot `slot` (a `SlotSpec.index`),
 * at `table` when given. An empty list means the placement is valid.
 */
export function clashesAt(board: Board, m: number, slot: number, table?: number): Clash[] {
  const { instance } = board;
  const { problem, slotCount: S } = instance;
  const meeting = problem.meetings[m]!;
  const a = instance.ma[m]!;
  if (a < 0) {
    const message = meeting.a === meeting.b ? `Meeting ${meeting.id} names ${meeting.a} twice` : `Meeting ${meeting.id} names an unknown participant`;
    return [{ kind: 'INVALID_MEETING', meetingId: meeting.id, message }];
  }
  const s = instance.positionOf.get(slot);
  if (s === undefined) return [{ kind: 'UNKNOWN_SLOT', slot, message: `Slot ${slot} is not in the session` }];
  if (!instance.usable[s]) return [{ kind: 'BREAK', slot, message: `Slot ${slot} is a break` }];

  const clashes: Clash[] = [];
  for (const p of [a, instance.mb[m]!]) {
    const participantId = problem.participants[p]!.id;
    const holder = board.busy[p * S + s]!;
    if (holder === BLOCKED) {
      clashes.push({ kind: 'UNAVAILABLE', participantId, slot, message: `${participantId} is unavailable in slot ${slot}` });
    } else if (holder !== FREE) {
      const other = problem.meetings[holder]!.id;
      clashes.push({ kind: 'BUSY', participantId, slot, meetingId: other, message: `${participantId} is already in meeting ${other} in slot ${slot}` });
    }
    const maxMeetings = problem.participants[p]!.maxMeetings;
    if (maxMeetings !== undefined && board.count[p]! >= maxMeetings) {
      clashes.push({ kind: 'PARTICIPANT_LIMIT', participantId, maxMeetings, message: `${participantId} already has their maximum of ${maxMeetings} meetings` });
    }
  }

  if (table !== undefined && (table < 0 || table >= instance.tables || !Number.isInteger(table))) {
    clashes.push({ kind: 'NO_SUCH_TABLE', slot, table, message: `Table ${table} does not exist (the session has ${instance.tables})` });
  } else if (board.load[s]! >= instance.tables) {
    clashes.push({ kind: 'NO_FREE_TABLE', slot, message: `All ${instance.tables} tables in slot ${slot} are taken` });
  } else if (table !== undefined && board.tableHeldBy(s, table) >= 0) {
    const other = problem.meetings[board.tableHeldBy(s, table)]!.id;
    clashes.push({ kind: 'TABLE_TAKEN', slot, table, meetingId: other, message: `Table ${table} in slot ${slot} is taken by meeting ${other}` });
  }
  return clashes;
}
