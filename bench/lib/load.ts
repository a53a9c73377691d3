import autocannon from 'autocannon';

export interface LoadRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** A response body that fails this check counts as a mismatch (e.g. a GraphQL error with HTTP 200). */
  verifyBody: (body: string) => boolean;
}

export interface LoadSettings {
  connections: number;
  durationSeconds: number;
  /** Requests to make; when set, the run ends after them instead of after `durationSeconds`. */
  amount?: number;
  /** Per-request timeout in seconds. */
  timeoutSeconds: number;
}

/** One autocannon run against one target. */
export interface LoadSegment {
  durationSeconds: number;
  responses: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  statusCodes: Record<string, number>;
  /** Response times of the 2xx responses, in ms, as measured by autocannon's clients. */
  latenciesMs: number[];
  /** autocannon's own summary, kept for cross-checking. */
  autocannon: { requestsPerSecondMean: number; latencyP50Ms: number; latencyP99Ms: number };
}

export async function runLoad(request: LoadRequest, settings: LoadSettings): Promise<LoadSegment> {
  const latenciesMs: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: request.url,
        method: 'POST',
        headers: request.headers,
        body: request.body,
        connections: settings.connections,
        pipelining: 1,
        duration: settings.durationSeconds,
        ...(settings.amount ? { amount: settings.amount } : {}),
        timeout: settings.timeoutSeconds,
        verifyBody: (body) => request.verifyBody(typeof body === 'string' ? body : String(body)),
      },
      (error: unknown, outcome: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error(`autocannon failed: ${JSON.stringify(error)}`)) : resolve(outcome)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latenciesMs.push(responseTime);
    });
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stats.count ?? 0;
  return {
    durationSeconds: result.duration,
    responses: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
    statusCodes,
    latenciesMs,
    autocannon: { requestsPerSecondMean: result.requests.mean, latencyP50Ms: result.latency.p50, latencyP99Ms: result.latency.p99 },
  };
}

export interface TargetFigures {
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  responses: number;
  measuredSeconds: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Responses whose body failed the check (GraphQL errors or unexpected data). */
  mismatches: number;
  statusCodes: Record<string, number>;
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Pools several segments of the same target: throughput over the whole measured time, exact percentiles. */
export function combineSegments(segments: LoadSegment[]): TargetFigures {
  const latencies = segments.flatMap((segment) => segment.latenciesMs).sort((a, b) => a - b);
  const seconds = segments.reduce((sum, segment) => sum + segment.durationSeconds, 0);
  const responses = segments.reduce((sum, segment) => sum + segment.responses, 0);
  const sum = (pick: (segment: LoadSegment) => number): number => segments.reduce((total, segment) => total + pick(segment), 0);
  const statusCodes: Record<string, number> = {};
  for (const segment of segments) {
    for (const [code, count] of Object.entries(segment.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  }
  const mean = latencies.length ? latencies.reduce((total, value) => total + value, 0) / latencies.length : 0;
  return {
    requestsPerSecond: round(seconds > 0 ? responses / seconds : 0, 1),
    latencyMs: {
      mean: round(mean),
      p50: round(percentile(latencies, 50)),
      p90: round(percentile(latencies, 90)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies.length ? latencies[latencies.length - 1] : 0),
    },
    responses,
    measuredSeconds: round(seconds, 1),
    errors: sum((segment) => segment.errors),
    timeouts: sum((segment) => segment.timeouts),
    non2xx: sum((segment) => segment.non2xx),
    mismatches: sum((segment) => segment.mismatches),
    statusCodes,
  };
}
