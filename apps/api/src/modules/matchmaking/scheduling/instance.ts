import type { SchedulingProblem, ScheduleOptions } from './types.js';

/**
 * The problem indexed for the algorithms: participants, slots and meetings become dense integers so
 * the hot loops run over typed arrays instead of maps of strings. Slots are addressed by their
 * position in the ordered list ("position"), not by their `index`.
 */
export interface Instance {
  problem: SchedulingProblem;
  slotCount: number;
  /** position → `SlotSpec.index` */
  slotIndex: number[];
  /** `SlotSpec.index` → position */
  positionOf: Map<number, number>;
  usable: Uint8Array;
  day: Int32Array;
  tables: number;
  participantCount: number;
  participantOf: Map<string, number>;
  /** maxMeetings, or the slot count when unlimited (nobody can meet more often than that). */
  limit: Int32Array;
  /** p * slotCount + position → 1 when p can meet then (a usable slot they have not blocked). */
  available: Uint8Array;
  meetingCount: number;
  /** Participant positions of each meeting; -1 for both when the meeting is invalid. */
  ma: Int32Array;
  mb: Int32Array;
  /** Meetings of each participant: incident[incidentStart[p] .. incidentStart[p + 1]). */
  incidentStart: Int32Array;
  incident: Int32Array;
}

/** Where a meeting has to go, from its pin or (when moves are not allowed) its announced place. */
export interface Requirement {
  /** Slot position, -1 when free to go anywhere, UNKNOWN_SLOT when the required slot does not exist. */
  position: number;
  pinned: boolean;
}

export const UNKNOWN_SLOT = -2;

export function buildInstance(problem: SchedulingProblem): Instance {
  const slotCount = problem.slots.length;
  const positionOf = new Map<number, number>();
  const usable = new Uint8Array(slotCount);
  const day = new Int32Array(slotCount);
  problem.slots.forEach((slot, position) => {
    if (positionOf.has(slot.index)) throw new Error(`slot ${slot.index} is listed twice`);
    positionOf.set(slot.index, position);
    usable[position] = slot.isBreak ? 0 : 1;
    day[position] = slot.day ?? 0;
  });

  const participantCount = problem.participants.length;
  const participantOf = new Map<string, number>();
  const limit = new Int32Array(participantCount);
  const available = new Uint8Array(participantCount * slotCount);
  problem.participants.forEach((participant, p) => {
    if (participantOf.has(participant.id)) throw new Error(`participant ${participant.id} is listed twice`);
    participantOf.set(participant.id, p);
    limit[p] = Math.max(0, Math.min(participant.maxMeetings ?? slotCount, slotCount));
    available.set(usable, p * slotCount);
    for (const index of participant.unavailable ?? []) {
      const position = positionOf.get(index);
      if (position !== undefined) available[p * slotCount + position] = 0;
    }
  });

  const meetingCount = problem.meetings.length;
  const ma = new Int32Array(meetingCount).fill(-1);
  const mb = new Int32Array(meetingCount).fill(-1);
  const degree = new Int32Array(participantCount + 1);
  const meetingIds = new Set<string>();
  problem.meetings.forEach((meeting, m) => {
    if (meetingIds.has(meeting.id)) throw new Error(`meeting ${meeting.id} is listed twice`);
    meetingIds.add(meeting.id);
    const a = participantOf.get(meeting.a);
    const b = participantOf.get(meeting.b);
    if (a === undefined || b === undefined || a === b) return;
    ma[m] = a;
    mb[m] = b;
    degree[a]! += 1;
    degree[b]! += 1;
  });
  const incidentStart = new Int32Array(participantCount + 1);
  for (let p = 0; p < participantCount; p += 1) incidentStart[p + 1] = incidentStart[p]! + degree[p]!;
  const fill = incidentStart.slice(0, participantCount);
  const incident = new Int32Array(incidentStart[participantCount]!);
  for (let m = 0; m < meetingCount; m += 1) {
    if (ma[m]! < 0) continue;
    incident[fill[ma[m]!]!++] = m;
    incident[fill[mb[m]!]!++] = m;
  }

  return {
    problem,
    slotCount,
    slotIndex: problem.slots.map((slot) => slot.index),
    positionOf,
    usable,
    day,
    tables: Math.max(0, problem.tables),
    participantCount,
    participantOf,
    limit,
    available,
    meetingCount,
    ma,
    mb,
    incidentStart,
    incident,
  };
}

export function requirements(instance: Instance, options: ScheduleOptions): Requirement[] {
  return instance.problem.meetings.map((meeting) => {
    const fixed = meeting.pinned ?? (options.allowMoves ? undefined : meeting.placement);
    if (!fixed) return { position: -1, pinned: false };
    return { position: instance.positionOf.get(fixed.slot) ?? UNKNOWN_SLOT, pinned: meeting.pinned !== undefined };
  });
}

/**
 * The slot positions each meeting may take: usable, both participants available, and the required
 * slot when there is one. Stored flat: list[start[m] .. start[m + 1]).
 */
export interface AllowedSlots {
  start: Int32Array;
  list: Int32Array;
}

export function allowedSlots(instance: Instance, required: readonly Requirement[]): AllowedSlots {
  const { slotCount: S, available, ma, mb, meetingCount } = instance;
  const start = new Int32Array(meetingCount + 1);
  const list: number[] = [];
  for (let m = 0; m < meetingCount; m += 1) {
    const a = ma[m]!;
    const b = mb[m]!;
    const position = required[m]!.position;
    if (a >= 0 && position !== UNKNOWN_SLOT) {
      const from = position >= 0 ? position : 0;
      const to = position >= 0 ? position + 1 : S;
      for (let s = from; s < to; s += 1) if (available[a * S + s] && available[b * S + s]) list.push(s);
    }
    start[m + 1] = list.length;
  }
  return { start, list: Int32Array.from(list) };
}

export function allows(allowed: AllowedSlots, m: number, s: number): boolean {
  for (let i = allowed.start[m]!; i < allowed.start[m + 1]!; i += 1) if (allowed.list[i] === s) return true;
  return false;
}
