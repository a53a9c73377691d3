/**
 * When a participant may check in to a meeting: from 15 minutes before its slot starts (time to open
 * the room and test a microphone) until the slot ends. Outside it a check-in would not mean the meeting
 * was held, and "meetings held" on the organisers' dashboard counts check-ins.
 */
export const CHECK_IN_OPENS_BEFORE_MINUTES = 15;

export interface CheckInWindow {
  opensAt: Date;
  closesAt: Date;
}

export function checkInWindow(slot: { startsAt: Date; endsAt: Date }): CheckInWindow {
  return { opensAt: new Date(slot.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MINUTES * 60_000), closesAt: slot.endsAt };
}

/** Where an instant stands against the window: too early, open, or closed. */
export function checkInStanding(window: CheckInWindow, now: Date): 'EARLY' | 'OPEN' | 'CLOSED' {
  if (now < window.opensAt) return 'EARLY';
  if (now >= window.closesAt) return 'CLOSED';
  return 'OPEN';
}
