import { isLocalDate, parseDateTime, parseLocalDate } from './dates.js';

describe('strict dates', () => {
  it.each(['2027-03-01T10:00:00Z', '2027-03-01T10:00Z', '2027-03-01T10:00:00.123Z', '2027-03-01T11:00:00+01:00', '2028-02-29T00:00:00Z', '2027-12-31T23:59:59-05:30', '2027-03-01t10:00:00z'])(
    'accepts %s',
    (text) => {
      expect(parseDateTime(text)).toBeInstanceOf(Date);
    },
  );

  it('keeps the instant of an offset', () => {
    expect(parseDateTime('2027-03-01T11:00:00+01:00')?.toISOString()).toBe('2027-03-01T10:00:00.000Z');
  });

  it.each([
    ['a day past the month', '2027-02-30T10:00:00Z'],
    ['29 February of a common year', '2027-02-29T10:00:00Z'],
    ['31 April', '2027-04-31T10:00:00Z'],
    ['month 13', '2027-13-01T10:00:00Z'],
    ['hour 24', '2027-03-01T24:00:00Z'],
    ['minute 60', '2027-03-01T10:60:00Z'],
    ['second 60', '2027-03-01T10:00:60Z'],
    ['no zone', '2027-03-01T10:00:00'],
    ['a date only', '2027-03-01'],
    ['an offset hour 24', '2027-03-01T10:00:00+24:00'],
    ['an offset without a colon', '2027-03-01T10:00:00+0100'],
    ['a time only', '10:00:00Z'],
    ['words', 'tomorrow'],
    ['an empty string', ''],
  ])('refuses %s (%s)', (_what, text) => {
    expect(parseDateTime(text)).toBeNull();
  });

  it('reads calendar-valid local dates and refuses the rest', () => {
    expect(parseLocalDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    for (const text of ['2027-02-29', '2027-02-30', '2027-00-10', '2027-01-32', '2027-1-5', '2027-01-05T00:00:00Z', '']) expect(isLocalDate(text)).toBe(false);
    expect(isLocalDate(20270301)).toBe(false);
  });
});
