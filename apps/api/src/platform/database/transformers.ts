import type { ValueTransformer } from 'typeorm';

/**
 * `pg` returns bigint as a string (it may exceed 2^53). Counters here (sequence numbers, revisions)
 * stay far below that, so they are read as numbers.
 */
export const bigintAsNumber: ValueTransformer = { to: (value: number) => value, from: (value: string | number | null) => (value === null ? null : Number(value)) };
