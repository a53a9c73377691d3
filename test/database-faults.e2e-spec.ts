import { freePort, runHubToExit } from '@app/testing';

/**
 * A database that is not there at start, or that stops answering while the hub runs. The hub says so
 * in its log, answers SERVICE_UNAVAILABLE instead of holding requests, and recovers by itself.
 */
describe('a database unreachable at start', () => {
  it('logs one JSON line naming host, port and cause, and exits non-zero', async () => {
    const port = await freePort(); // nothing listens there
    const result = await runHubToExit({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/innomed`, REDIS_URL: '', LOG_LEVEL: 'warn' });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    const lines = result.output.split('\n').filter((line) => line.trim() !== '');
    // Every line is JSON (no multi-line stack printed beside the log).
    const records = lines.map((line) => JSON.parse(line) as { msg?: string; err?: { host?: string; port?: number; reason?: string } });
    const reports = records.filter((record) => /unreachable/.test(record.msg ?? ''));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.msg).toBe(`database unreachable at 127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`);
    expect(reports[0]!.err).toMatchObject({ host: '127.0.0.1', port, reason: expect.stringMatching(/ECONNREFUSED/) });
  });
});
