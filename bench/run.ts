/**
 * Benchmark runner: `npm run bench -- <scenario> [<scenario> ...]`, or `npm run bench` for all of them.
 * Each scenario writes bench/results/<scenario>.json; the table in bench/README.md is then rewritten
 * from every results file. Servers started by a scenario are stopped when it ends, fails, times out or
 * the runner is interrupted.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { killAllNow, stopAll } from './lib/processes.js';
import { resultsTable, updateReadme, writeResult, readResults } from './lib/results.js';
import { envInt } from './lib/scenario.js';
import { SCENARIOS } from './scenarios/index.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const benchDir = join(root, 'bench');
const resultsDir = join(benchDir, 'results');
const readmePath = join(benchDir, 'README.md');

const log = (message: string): void => console.log(`[bench] ${message}`);

function usage(): string {
  return ['usage: npm run bench -- [scenario ...]', '', 'scenarios:', ...SCENARIOS.map((scenario) => `  ${scenario.name.padEnd(20)} ${scenario.description}`)].join('\n');
}

process.on('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping servers`);
    void stopAll().finally(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  if (args.includes('--help') || args.includes('-h') || args.includes('--list')) {
    console.log(usage());
    return 0;
  }
  if (args.includes('--readme')) {
    updateReadme(readmePath, resultsDir);
    console.log(resultsTable(readResults(resultsDir)));
    return 0;
  }
  const unknown = args.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
  if (unknown.length) {
    console.error(`unknown scenario: ${unknown.join(', ')}\n\n${usage()}`);
    return 2;
  }
  const selected = args.length ? SCENARIOS.filter((scenario) => args.includes(scenario.name)) : SCENARIOS;

  // A hung server or load run must not keep the machine busy forever.
  const limitMinutes = envInt('BENCH_TIMEOUT_MINUTES', Math.max(15, selected.reduce((sum, scenario) => sum + (scenario.minutes ?? 0), 0)));
  const watchdog = setTimeout(() => {
    console.error(`[bench] gave up after ${limitMinutes} minutes`);
    void stopAll().finally(() => process.exit(3));
  }, limitMinutes * 60_000);
  watchdog.unref();

  let failures = 0;
  for (const scenario of selected) {
    log(`scenario ${scenario.name}`);
    try {
      const result = await scenario.run({ root, tmpDir: join(benchDir, '.tmp'), log });
      const file = writeResult(resultsDir, result);
      log(`wrote ${file.slice(root.length + 1)}`);
      for (const problem of result.problems) log(`problem: ${problem}`);
      if (!result.valid) {
        log(`${scenario.name}: some requests failed; the figures are recorded but not trustworthy`);
        failures += 1;
      }
      for (const workload of result.workloads ?? []) {
        const hub = workload.targets.find((target) => target.role === 'subject');
        log(`${scenario.name}: ${workload.name}: ratio ${workload.ratio.toFixed(3)}, p99 ${hub?.figures.latencyMs.p99 ?? '?'} ms (${workload.goal.met ? 'met' : 'not met'})`);
      }
      const p99Goal = result.goal.maxP99Ms === undefined ? '' : `, p99 < ${result.goal.maxP99Ms} ms`;
      log(`${scenario.name}: ratio ${result.ratio.toFixed(3)}${result.workloads ? ' (lowest of the workloads)' : ''} (goal ≥ ${result.goal.min}${p99Goal}, ${result.goal.met ? 'met' : 'not met'})`);
    } catch (error) {
      failures += 1;
      console.error(`[bench] ${scenario.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      await stopAll();
    }
  }

  updateReadme(readmePath, resultsDir);
  console.log(`\n${resultsTable(readResults(resultsDir))}`);
  clearTimeout(watchdog);
  return failures ? 1 : 0;
}

// Exit explicitly: a stray handle (socket, timer) must not keep the runner alive after the work is done.
main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(error);
    await stopAll();
    process.exit(1);
  },
);
