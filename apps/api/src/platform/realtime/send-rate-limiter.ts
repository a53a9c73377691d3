/**
 * A token bucket per user: `burst` writes at once, refilled at `perSecond`. It lives in the instance's
 * memory, so a user spreading sockets over n instances gets n times the rate; what it protects is each
 * instance and the database from one client's flood, which that bound still does.
 */
export class SendRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private sweeps = 0;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Takes one token; false when the user is over the rate. */
  take(userId: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(userId) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(userId, bucket);
    if (++this.sweeps % 10_000 === 0) this.forgetFull(now);
    return allowed;
  }

  /** Buckets that have refilled completely carry no information; dropping them bounds memory. */
  private forgetFull(now: number): void {
    for (const [userId, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(userId);
    }
  }
}
