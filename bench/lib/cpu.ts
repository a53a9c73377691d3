import { readFileSync, readdirSync } from 'node:fs';
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

/** CPU seconds used so far by each process (by pid) whose command name is one of `names`. */
export type CommandCpu = Record<string, Map<number, number>>;

/** Per process, so a process that ends or starts between two readings cannot make a difference negative. */
export function cpuSecondsByCommand(names: string[]): CommandCpu {
  const totals: CommandCpu = Object.fromEntries(names.map((name) => [name, new Map<number, number>()]));
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return totals;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!(command in totals)) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      totals[command].set(Number(pid), (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
    } catch {
      // The process ended while the list was read.
    }
  }
  return totals;
}

/**
 * CPU seconds the processes of one command used between two readings: a process that started in
 * between counts whole, one that ended in between is missed (its last seconds are not known).
 */
export function cpuSecondsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += Math.max(0, seconds - (before.get(pid) ?? 0));
  return total;
}
