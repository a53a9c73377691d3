import type { Instance } from './instance.js';

export const FREE = -1;
/** The participant cannot meet in that slot (unavailable, or the slot is a break). */
export const BLOCKED = -2;

/**
 * A schedule under construction: who is in which meeting when, how many tables each slot uses and
 * how many meetings each participant has. Every change goes through `place` and `remove`, which keep
 * these views consistent; none of them checks the constraints, the callers do.
 */
export class Board {
  /** Slot position of each meeting, -1 when unplaced. */
  readonly slotOf: Int32Array;
  /** Table of each meeting, -1 until tables are given out (pinned tables are set at once). */
  readonly tableOf: Int32Array;
  /** p * slotCount + position → meeting, FREE or BLOCKED. */
  readonly busy: Int32Array;
  readonly load: Int32Array;
  readonly count: Int32Array;
  placed = 0;
  /** Meetings of each slot, so one can be picked when a slot's tables are all taken. */
  private readonly members: Int32Array;
  private readonly memberAt: Int32Array;
  private readonly stride: number;
  private readonly tableHolder = new Map<number, number>();

  /** `slotCapacity`: the most meetings a slot will hold; the tables unless a given schedule breaks that. */
  constructor(
    readonly instance: Instance,
    slotCapacity = instance.tables,
  ) {
    const { meetingCount: M, participantCount: P, slotCount: S } = instance;
    this.slotOf = new Int32Array(M).fill(-1);
    this.tableOf = new Int32Array(M).fill(-1);
    this.busy = new Int32Array(P * S);
    for (let i = 0; i < P * S; i += 1) this.busy[i] = instance.available[i] ? FREE : BLOCKED;
    this.load = new Int32Array(S);
    this.count = new Int32Array(P);
    this.stride = Math.max(1, Math.min(slotCapacity, M));
    this.members = new Int32Array(S * this.stride);
    this.memberAt = new Int32Array(M);
  }

  at(p: number, s: number): number {
    return this.busy[p * this.instance.slotCount + s]!;
  }

  place(m: number, s: number, table = -1): void {
    const { slotCount: S, ma, mb } = this.instance;
    this.slotOf[m] = s;
    this.busy[ma[m]! * S + s] = m;
    this.busy[mb[m]! * S + s] = m;
    this.count[ma[m]!]! += 1;
    this.count[mb[m]!]! += 1;
    this.memberAt[m] = this.load[s]!;
    this.members[s * this.stride + this.load[s]!] = m;
    this.load[s]! += 1;
    this.placed += 1;
    if (table >= 0) this.setTable(m, table);
  }

  remove(m: number): void {
    const { slotCount: S, ma, mb } = this.instance;
    const s = this.slotOf[m]!;
    if (s < 0) return;
    this.busy[ma[m]! * S + s] = FREE;
    this.busy[mb[m]! * S + s] = FREE;
    this.count[ma[m]!]! -= 1;
    this.count[mb[m]!]! -= 1;
    // Swap-remove from the slot's member list.
    const last = this.members[s * this.stride + this.load[s]! - 1]!;
    this.members[s * this.stride + this.memberAt[m]!] = last;
    this.memberAt[last] = this.memberAt[m]!;
    this.load[s]! -= 1;
    this.placed -= 1;
    this.slotOf[m] = -1;
    if (this.tableOf[m]! >= 0) this.tableHolder.delete(this.tableKey(s, this.tableOf[m]!));
    this.tableOf[m] = -1;
  }

  /** The i-th meeting in slot s, for 0 ≤ i < load[s]. */
  member(s: number, i: number): number {
    return this.members[s * this.stride + i]!;
  }

  setTable(m: number, table: number): void {
    this.tableOf[m] = table;
    this.tableHolder.set(this.tableKey(this.slotOf[m]!, table), m);
  }

  /** The meeting at that table, or -1. */
  tableHeldBy(s: number, table: number): number {
    return this.tableHolder.get(this.tableKey(s, table)) ?? -1;
  }

  snapshot(): Int32Array {
    return this.slotOf.slice();
  }

  /** Puts every meeting back where the snapshot had it; tables are given out afterwards. */
  restore(snapshot: Int32Array): void {
    for (let m = 0; m < snapshot.length; m += 1) if (this.slotOf[m] !== snapshot[m]) this.remove(m);
    for (let m = 0; m < snapshot.length; m += 1) if (this.slotOf[m]! < 0 && snapshot[m]! >= 0) this.place(m, snapshot[m]!);
  }

  private tableKey(s: number, table: number): number {
    return s * this.instance.tables + table;
  }
}
