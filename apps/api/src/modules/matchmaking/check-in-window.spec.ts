import { checkInStanding, checkInWindow } from './check-in-window.js';

describe('check-in window', () => {
  const slot = { startsAt: new Date('2027-03-01T09:00:00Z'), endsAt: new Date('2027-03-01T09:20:00Z') };
  const window = checkInWindow(slot);
  const at = (iso: string) => checkInStanding(window, new Date(iso));

  it('opens 15 minutes before the slot starts and closes when it ends', () => {
    expect(window.opensAt.toISOString()).toBe('2027-03-01T08:45:00.000Z');
    expect(window.closesAt.toISOString()).toBe('2027-03-01T09:20:00.000Z');
    expect(at('2027-01-01T09:00:00Z')).toBe('EARLY');
    expect(at('2027-03-01T08:44:59.999Z')).toBe('EARLY');
    expect(at('2027-03-01T08:45:00Z')).toBe('OPEN');
    expect(at('2027-03-01T09:10:00Z')).toBe('OPEN');
    expect(at('2027-03-01T09:19:59.999Z')).toBe('OPEN');
    expect(at('2027-03-01T09:20:00Z')).toBe('CLOSED');
  });
});
