/**
 * A latency histogram that load-generator workers fill and the runner merges. Millions of receipts per
 * run are too many to ship as arrays over IPC, so values are rounded into buckets fine enough for the
 * percentiles that matter: 0.05 ms below 100 ms, 0.5 ms below 1 s, 10 ms above.
 */
export type HistogramData = { buckets: Array<[number, number]>; count: number; sum: number; max: number };

function bucketOf(ms: number): number {
  if (ms < 100) return Math.round(ms * 20) / 20;
  if (ms < 1000) return Math.round(ms * 2) / 2;
  return Math.round(ms / 10) * 10;
}

export class LatencyHistogram {
  private readonly counts = new Map<number, number>();
  count = 0;
  sum = 0;
  max = 0;

  record(ms: number): void {
    const value = Math.max(0, ms);
    const bucket = bucketOf(value);
    this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + 1);
    this.count += 1;
    this.sum += value;
    if (value > this.max) this.max = value;
  }

  merge(data: HistogramData): void {
    for (const [bucket, count] of data.buckets) this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + count);
    this.count += data.count;
    this.sum += data.sum;
    this.max = Math.max(this.max, data.max);
  }

  toData(): HistogramData {
    return { buckets: [...this.counts.entries()], count: this.count, sum: this.sum, max: this.max };
  }

  /**
   * Nearest-rank percentile. `missing` samples that never arrived count as slower than any recorded
   * one: when they reach the rank, the answer is null (unbounded), never a flattering figure.
   */
  percentile(p: number, missing = 0): number | null {
    const total = this.count + missing;
    if (total === 0) return 0;
    const rank = Math.max(1, Math.ceil((p / 100) * total));
    if (rank > this.count) return null;
    let seen = 0;
    for (const bucket of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(bucket) ?? 0;
      if (seen >= rank) return bucket;
    }
    return this.max;
  }

  mean(): number {
    return this.count ? this.sum / this.count : 0;
  }
}
