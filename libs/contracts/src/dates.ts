/**
 * Strict date parsing shared by the hub and its clients. JavaScript's `Date` rolls impossible dates
 * over ("2027-02-30" becomes 2 March) and reads a date-time without a zone as local time; these
 * functions refuse both instead.
 */

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A calendar date without a time or zone (YYYY-MM-DD), as its parts; null if it is not a real day. */
export function parseLocalDate(text: string): { year: number; month: number; day: number } | null {
  const match = LOCAL_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isCalendarDay(year, month, day) ? { year, month, day } : null;
}

/** True for a real calendar day written YYYY-MM-DD ("2028-02-29" yes, "2027-02-29" no). */
export function isLocalDate(value: unknown): value is string {
  return typeof value === 'string' && parseLocalDate(value) !== null;
}

/**
 * An RFC 3339 date-time with a zone (`Z` or `±hh:mm`), every part in range ("2027-02-30T10:00:00Z",
 * "2027-03-01T24:00:00Z" and "2027-03-01T10:00:00" are refused); null when it is not one.
 */
export function parseDateTime(text: string): Date | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)) as [number, number, number, number, number, number];
  if (!isCalendarDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const zone = match[8]!;
  if (zone !== 'Z' && zone !== 'z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4, 6)) > 59)) return null;
  const date = new Date(text.toUpperCase());
  return Number.isNaN(date.getTime()) ? null : date;
}

/** What a user is told when a date-time is refused. */
export const DATE_TIME_HINT = 'a date and time with a zone, such as 2027-03-01T10:00:00Z or 2027-03-01T11:00:00+01:00';
/** What a user is told when a local date is refused. */
export const LOCAL_DATE_HINT = 'a calendar date written YYYY-MM-DD, such as 2027-03-01';
