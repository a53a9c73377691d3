/** The matchmaking scheduler: pure functions over plain data, no I/O. */
export type * from './types.js';
export type { Clash } from './clashes.js';
export type { Violation, ViolationKind } from './check-schedule.js';
export type { MoveCheck } from './validate-move.js';
export type { BoundParts } from './upper-bound.js';
export { schedule, placeIncrementally } from './scheduler.js';
export { validateMove, moveMeeting } from './validate-move.js';
export { upperBound, upperBoundParts } from './upper-bound.js';
export { checkSchedule } from './check-schedule.js';
