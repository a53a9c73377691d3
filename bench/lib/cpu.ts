import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Clock ticks per second for /proc figures; 100 on every Linux build this runs on. */
const TICKS_PER_SECOND = 100;

export interface MachineCpu {
  /** Seconds of CPU time all processes used (user, nice, system, irq, softirq), summed over cores. */
  busy: number;
  /** Seconds the hypervisor gave to someone else. */
  steal: number;
}

/** Machine-wide CPU counters from /proc/stat; undefined where that is not available. */
export function machineCpu(): MachineCpu | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    return { busy: (user + nice + system + irq + softirq) / TICKS_PER_SECOND, steal: (steal ?? 0) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

/** CPU seconds this process (the runner, which also generates the load) has used. */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** How many cores the machine keeps busy over `ms` while the harness itself is idle. */
export async function idleMachineLoad(ms: number): Promise<{ busyCores: number; stealCores: number } | undefined> {
  const before = machineCpu();
  await sleep(ms);
  const after = machineCpu();
  if (!before || !after) return undefined;
  const seconds = ms / 1000;
  const round = (value: number): number => Math.round(value * 100) / 100;
  return { busyCores: round((after.busy - before.busy) / seconds), stealCores: round((after.steal - before.steal) / seconds) };
}
