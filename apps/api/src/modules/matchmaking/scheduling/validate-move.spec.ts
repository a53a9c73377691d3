import { checkSchedule } from './check-schedule.js';
import { session } from './session.fixtures.js';
import type { ScheduleResult } from './types.js';
import { moveMeeting, validateMove } from './validate-move.js';

const problem = session({
  slots: 4,
  breaks: [3],
  tables: 2,
  participants: [{ id: 'a', unavailable: [2] }, 'b', 'c', 'd', 'e', { id: 'f', maxMeetings: 1 }],
  meetings: [['ab', 'a', 'b'], ['cd', 'c', 'd'], ['ce', 'c', 'e'], ['bd', 'b', 'd'], ['ef', 'e', 'f'], ['af', 'a', 'f']],
});
// ab and cd share slot 0 (both tables), ce is in 1, bd in 2, ef in 1; af is not placed (f's limit).
const current: ScheduleResult = {
  placements: [
    { meetingId: 'ab', slot: 0, table: 0 },
    { meetingId: 'cd', slot: 0, table: 1 },
    { meetingId: 'ce', slot: 1, table: 0 },
    { meetingId: 'ef', slot: 2, table: 0 },
    { meetingId: 'bd', slot: 2, table: 1 },
  ],
  unplaced: [{ meetingId: 'af', reason: 'PARTICIPANT_LIMIT', message: 'f already has their maximum of 1 meetings' }],
  stats: { meetings: 6, placed: 5, unplaced: 1, upperBound: 6, idleGaps: 0, moved: 0, searchSteps: 0 },
};

describe('validateMove', () => {
  it('accepts a free slot and says which table the meeting gets', () => {
    expect(validateMove(problem, current, 'ab', 1)).toEqual({ ok: true, slot: 1, table: 1 });
    expect(validateMove(problem, current, 'ab', 1, 0)).toMatchObject({ ok: false, clashes: [{ kind: 'TABLE_TAKEN', meetingId: 'ce', table: 0 }] });
  });

  it('refuses a slot where a participant is busy, naming the participant and the meeting', () => {
    const check = validateMove(problem, current, 'cd', 2);
    expect(check).toEqual({
      ok: false,
      clashes: [{ kind: 'BUSY', participantId: 'd', slot: 2, meetingId: 'bd', message: 'd is already in meeting bd in slot 2' }, expect.objectContaining({ kind: 'NO_FREE_TABLE' })],
      message: 'Meeting cd cannot go to slot 2: d is already in meeting bd in slot 2; All 2 tables in slot 2 are taken',
    });
  });

  it('refuses an unavailable participant, a break, a full slot and an unknown slot or meeting', () => {
    expect(validateMove(problem, current, 'ab', 2)).toMatchObject({ ok: false, clashes: [{ kind: 'UNAVAILABLE', participantId: 'a' }, { kind: 'BUSY', participantId: 'b', meetingId: 'bd' }, { kind: 'NO_FREE_TABLE' }] });
    expect(validateMove(problem, current, 'ab', 3)).toMatchObject({ ok: false, clashes: [{ kind: 'BREAK', slot: 3 }] });
    expect(validateMove(problem, current, 'ce', 0)).toMatchObject({ ok: false, clashes: [{ kind: 'BUSY', participantId: 'c', meetingId: 'cd' }, { kind: 'NO_FREE_TABLE', slot: 0 }] });
    expect(validateMove(problem, current, 'ab', 9)).toMatchObject({ ok: false, clashes: [{ kind: 'UNKNOWN_SLOT', slot: 9 }] });
    expect(validateMove(problem, current, 'zz', 1)).toMatchObject({ ok: false, clashes: [{ kind: 'UNKNOWN_MEETING', meetingId: 'zz' }] });
    expect(validateMove(problem, current, 'ab', 1, 7)).toMatchObject({ ok: false, clashes: [{ kind: 'NO_SUCH_TABLE', table: 7 }] });
  });

  it('refuses to place a meeting of a participant at their limit', () => {
    expect(validateMove(problem, current, 'af', 1)).toMatchObject({
      ok: false,
      clashes: [{ kind: 'PARTICIPANT_LIMIT', participantId: 'f', maxMeetings: 1, message: 'f already has their maximum of 1 meetings' }],
    });
  });

  it('lets a meeting stay in its own slot (it does not clash with itself)', () => {
    expect(validateMove(problem, current, 'ab', 0)).toEqual({ ok: true, slot: 0, table: 0 });
  });
});

describe('moveMeeting', () => {
  it('moves the meeting and keeps the schedule valid', () => {
    const moved = moveMeeting(problem, current, 'ab', 1);
    if (!moved.ok) throw new Error(moved.message);
    expect(moved.result.placements).toContainEqual({ meetingId: 'ab', slot: 1, table: 1 });
    expect(moved.result.placements).toHaveLength(5);
    expect(checkSchedule(problem, moved.result)).toEqual([]);
  });

  it('returns the refusal for an invalid move', () => {
    expect(moveMeeting(problem, current, 'cd', 2)).toMatchObject({ ok: false, clashes: [{ kind: 'BUSY', meetingId: 'bd' }, { kind: 'NO_FREE_TABLE' }] });
  });
});
