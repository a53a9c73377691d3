import type { SessionDay } from './session.entity.js';
import { zonedToUtc } from './zoned-time.js';

export interface SessionSlot {
  /** 0, 1, 2… over all days, breaks included (the scheduler skips breaks). */
  index: number;
  /** Which day (0-based), so idle gaps never span a night. */
  day: number;
  isBreak: boolean;
  startsAt: Date;
  endsAt: Date;
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The session's slots: each day from its start, one every `slotMinutes` while a whole slot fits before
 * its end; a slot overlapping a break is a break. Times are the organiser's local ones, turned into
 * instants in their time zone (so a DST change between two days is honoured).
 */
export function sessionSlots(days: readonly SessionDay[], slotMinutes: number, timeZone: string): SessionSlot[] {
  const slots: SessionSlot[] = [];
  [...days]
    .sort((a, b) => a.date.localeCompare(b.date))
    .forEach((day, dayIndex) => {
      const end = minutesOf(day.end);
      for (let start = minutesOf(day.start); start + slotMinutes <= end; start += slotMinutes) {
        const isBreak = day.breaks.some((b) => start < minutesOf(b.end) && start + slotMinutes > minutesOf(b.start));
        slots.push({ index: slots.length, day: dayIndex, isBreak, startsAt: zonedToUtc(day.date, hhmm(start), timeZone), endsAt: zonedToUtc(day.date, hhmm(start + slotMinutes), timeZone) });
      }
    });
  return slots;
}

/**
 * The slot that starts at `instant`, or undefined: the API takes times, and a time that is not the start
 * of one of the session's slots names no slot.
 */
export function slotStartingAt(slots: readonly SessionSlot[], instant: Date): SessionSlot | undefined {
  const time = instant.getTime();
  return slots.find((s) => s.startsAt.getTime() === time);
}
