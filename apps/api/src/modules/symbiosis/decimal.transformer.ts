import type { ValueTransformer } from 'typeorm';

/** `pg` returns numeric as a string; quantities here have three decimals and fit a double exactly enough. */
export const decimalAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
