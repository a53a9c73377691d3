import { FREE, type Board } from './board.js';
import type { AllowedSlots } from './instance.js';
import type { Unplaced } from './types.js';

/** How many blocked slots a PARTICIPANTS_BUSY message names before it summarises the rest. */
const NAMED_SLOTS = 4;

/**
 * Why meeting m is not in the final schedule, most specific first. `pinFailure` is the message kept
 * when its pinned or announced place was refused.
 */
export function unplacedReason(board: Board, allowed: AllowedSlots, m: number, pinFailure: string | undefined): Unplaced {
  const { instance } = board;
  const { problem, slotCount: S, ma, mb, tables, slotIndex } = instance;
  const meeting = problem.meetings[m]!;
  const meetingId = meeting.id;
  if (ma[m]! < 0) {
    const message = meeting.a === meeting.b ? `${meeting.a} cannot meet themselves` : `Unknown participant ${instance.participantOf.has(meeting.a) ? meeting.b : meeting.a}`;
    return { meetingId, reason: 'INVALID_MEETING', message };
  }
  if (pinFailure !== undefined) return { meetingId, reason: 'PIN_CONFLICT', message: pinFailure };
  const a = ma[m]!;
  const b = mb[m]!;
  const names = [meeting.a, meeting.b];
  if (allowed.start[m + 1] === allowed.start[m]) {
    return { meetingId, reason: 'NO_COMMON_FREE_SLOT', message: `${names[0]} and ${names[1]} are never both available outside breaks` };
  }
  for (const [i, p] of [a, b].entries()) {
    const maxMeetings = problem.participants[p]!.maxMeetings;
    if (maxMeetings !== undefined && board.count[p]! >= maxMeetings) {
      return { meetingId, reason: 'PARTICIPANT_LIMIT', message: `${names[i]} already has their maximum of ${maxMeetings} meetings` };
    }
  }

  const fullSlots: number[] = [];
  const blocked: string[] = [];
  for (let i = allowed.start[m]!; i < allowed.start[m + 1]!; i += 1) {
    const s = allowed.list[i]!;
    const atA = board.busy[a * S + s]!;
    const atB = board.busy[b * S + s]!;
    if (atA === FREE && atB === FREE) {
      if (board.load[s]! >= tables) fullSlots.push(slotIndex[s]!);
    } else {
      const [who, other] = atA !== FREE ? [names[0], atA] : [names[1], atB];
      blocked.push(`slot ${slotIndex[s]}: ${who} is in meeting ${problem.meetings[other]!.id}`);
    }
  }
  if (fullSlots.length) {
    return { meetingId, reason: 'NO_TABLE', message: `All ${tables} tables are taken in every slot where both are free (${fullSlots.join(', ')})` };
  }
  const more = blocked.length > NAMED_SLOTS ? `; and ${blocked.length - NAMED_SLOTS} more` : '';
  return { meetingId, reason: 'PARTICIPANTS_BUSY', message: `In every slot both can use, one of them is in another meeting: ${blocked.slice(0, NAMED_SLOTS).join('; ')}${more}` };
}
