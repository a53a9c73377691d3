import type { ScenarioResult } from './results.js';

export interface ScenarioContext {
  /** Project root (where package.json is). */
  root: string;
  /** Scratch space for logs; ignored by git. */
  tmpDir: string;
  log: (message: string) => void;
}

export interface Scenario {
  name: string;
  description: string;
  /** Generous upper bound of a run, in minutes; the runner's watchdog allows the sum over the selected scenarios. */
  minutes?: number;
  run(context: ScenarioContext): Promise<ScenarioResult>;
}

/** Integer from the environment (positive, or also zero with `allowZero`), or the default. */
export function envInt(name: string, fallback: number, allowZero = false): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || (value === 0 && !allowZero)) {
    throw new Error(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got "${raw}"`);
  }
  return value;
}
