import { checkSchedule } from './check-schedule.js';
import { session } from './session.fixtures.js';
import type { Placement, ScheduleResult } from './types.js';

const problem = session({
  slots: 3,
  breaks: [2],
  tables: 2,
  participants: [{ id: 'a', unavailable: [1], maxMeetings: 1 }, 'b', 'c'],
  meetings: [
    ['ab', 'a', 'b'],
    ['ac', 'a', 'c'],
    ['bc', 'b', 'c', { pinned: { slot: 0 } }],
    ['cb', 'c', 'b', { placement: { slot: 1, table: 0 } }],
  ],
});

const result = (placements: Placement[], unplaced: string[] = []): ScheduleResult => ({
  placements,
  unplaced: unplaced.map((meetingId) => ({ meetingId, reason: 'PARTICIPANTS_BUSY', message: '' })),
  stats: { meetings: 4, placed: placements.length, unplaced: unplaced.length, upperBound: 4, idleGaps: 0, moved: 0, searchSteps: 0 },
});

const kinds = (checked: ScheduleResult, allowMoves = false) => checkSchedule(problem, checked, { allowMoves }).map((violation) => violation.kind);

describe('checkSchedule', () => {
  it('accepts a valid schedule', () => {
    // a is unavailable in 1 and 2 is a break, so a's meetings could only go to 0, where b and c meet.
    expect(kinds(result([{ meetingId: 'bc', slot: 0, table: 0 }, { meetingId: 'cb', slot: 1, table: 0 }], ['ab', 'ac']))).toEqual([]);
  });

  it('finds every broken constraint', () => {
    const broken = result(
      [
        { meetingId: 'ab', slot: 1, table: 0 },
        { meetingId: 'ac', slot: 2, table: 2 },
        { meetingId: 'bc', slot: 1, table: 0 },
        { meetingId: 'cb', slot: 0, table: 0 },
        { meetingId: 'cb', slot: 7, table: 1 },
        { meetingId: 'zz', slot: 0, table: 1 },
      ],
      ['ab'],
    );
    expect(kinds(broken).sort()).toEqual(
      [
        'UNAVAILABLE', // ab: a is unavailable in 1
        'BREAK', // ac in 2
        'NO_SUCH_TABLE', // ac at table 2 of 2
        'TABLE_SHARED', // ab and bc at table 0 of slot 1
        'DOUBLE_BOOKED', // b in ab and bc in slot 1
        'PIN_NOT_KEPT', // bc is pinned to 0
        'ANNOUNCED_MOVED', // cb was announced in 1, is in 0
        'PLACED_TWICE', // cb
        'UNKNOWN_SLOT', // cb in 7
        'ANNOUNCED_MOVED', // cb in 7
        'UNKNOWN_MEETING', // zz
        'OVER_LIMIT', // a has ab and ac, one more than allowed
        'PLACED_AND_UNPLACED', // ab
      ].sort(),
    );
  });

  it('lets announced meetings move when moves are allowed, but never pinned ones', () => {
    const moved = result([{ meetingId: 'bc', slot: 1, table: 1 }, { meetingId: 'cb', slot: 0, table: 0 }], ['ab', 'ac']);
    expect(kinds(moved, true)).toEqual(['PIN_NOT_KEPT']);
  });

  it('finds meetings missing from both lists and stats that do not match the lists', () => {
    expect(kinds(result([{ meetingId: 'bc', slot: 0, table: 0 }], ['ab']))).toEqual(['NOT_ACCOUNTED_FOR', 'NOT_ACCOUNTED_FOR']);
    const valid = result([{ meetingId: 'bc', slot: 0, table: 0 }, { meetingId: 'cb', slot: 1, table: 0 }], ['ab', 'ac']);
    expect(kinds({ ...valid, stats: { ...valid.stats, placed: 3 } })).toEqual(['STATS_MISMATCH']);
  });
});
