import { existsInZone, formatInZone, isCalendarDate, isTimeZone, zonedToUtc } from './zoned-time.js';
import { sessionSlots } from './session-slots.js';

describe('zoned time', () => {
  it('turns local wall-clock times into instants, across DST', () => {
    expect(zonedToUtc('2026-12-03', '09:00', 'Europe/Rome').toISOString()).toBe('2026-12-03T08:00:00.000Z');
    expect(zonedToUtc('2026-07-03', '09:00', 'Europe/Rome').toISOString()).toBe('2026-07-03T07:00:00.000Z');
    expect(zonedToUtc('2026-12-03', '09:00', 'Africa/Tunis').toISOString()).toBe('2026-12-03T08:00:00.000Z');
    expect(zonedToUtc('2026-12-03', '09:00', 'Asia/Amman').toISOString()).toBe('2026-12-03T06:00:00.000Z');
  });

  it('shows an instant in a participant’s zone with its offset', () => {
    const instant = new Date('2026-12-03T08:00:00Z');
    expect(formatInZone(instant, 'Europe/Athens')).toBe('2026-12-03T10:00:00+02:00');
    expect(formatInZone(instant, 'America/Sao_Paulo')).toBe('2026-12-03T05:00:00-03:00');
    expect(isTimeZone('Europe/Rome')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('expands days into slots with breaks', () => {
    const slots = sessionSlots(
      [
        { date: '2026-12-04', start: '09:00', end: '10:00', breaks: [] },
        { date: '2026-12-03', start: '09:00', end: '10:40', breaks: [{ start: '09:40', end: '10:00' }] },
      ],
      20,
      'Europe/Rome',
    );
    expect(slots.map((s) => [s.index, s.day, s.isBreak])).toEqual([
      [0, 0, false],
      [1, 0, false],
      [2, 0, true],
      [3, 0, false],
      [4, 0, false],
      [5, 1, false],
      [6, 1, false],
      [7, 1, false],
    ]);
    expect(slots[0]!.startsAt.toISOString()).toBe('2026-12-03T08:00:00.000Z');
    expect(slots[5]!.startsAt.toISOString()).toBe('2026-12-04T08:00:00.000Z');
  });

  it('knows the days of the calendar, leap years included', () => {
    expect(isCalendarDate('2027-02-28')).toBe(true);
    expect(isCalendarDate('2027-02-30')).toBe(false);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });

  it('knows the local times a DST change skips', () => {
    // Europe/Rome springs forward at 02:00 on 28 March 2027.
    expect(existsInZone('2027-03-28', '02:30', 'Europe/Rome')).toBe(false);
    expect(existsInZone('2027-03-28', '03:30', 'Europe/Rome')).toBe(true);
    expect(existsInZone('2027-03-27', '02:30', 'Europe/Rome')).toBe(true);
    expect(existsInZone('2026-12-03', '09:00', 'Africa/Tunis')).toBe(true);
  });
});
