import { SendRateLimiter } from './send-rate-limiter.js';

describe('SendRateLimiter', () => {
  it('allows a burst, then the rate, per user', () => {
    let now = 0;
    const limiter = new SendRateLimiter(2, 3, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    expect(limiter.take('b')).toBe(true);
    now += 500; // one token back at 2 per second
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
  });
});
