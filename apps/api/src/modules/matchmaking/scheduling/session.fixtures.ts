// Sessions for the specs and the benchmark: generated ones, and a short way to write small ones by hand.
import { Prng } from '@api/platform/random/prng.js';
import type { MeetingSpec, ParticipantSpec, SchedulingProblem, SlotSpec } from './types.js';

export interface RandomSessionSettings {
  seed: number;
  participants: number;
  slots: number;
  /** Slot positions that are breaks. */
  breaks?: readonly number[];
  /** Slots per day; all on one day when absent. */
  slotsPerDay?: number;
  tables: number;
  /** Each participant wants between these many accepted meetings. */
  meetingsPerParticipant: readonly [number, number];
  /**
   * Share of the slots each participant blocks, chosen at random: a fixed share (rounded to whole
   * slots), or a range within which each participant's count of blocked slots is drawn.
   */
  unavailableShare: number | readonly [number, number];
  /** Each participant's maxMeetings drawn between these; no limit when absent. */
  maxMeetings?: readonly [number, number];
}

/**
 * A generated session for tests and the benchmark. Meetings pair participants at random in the
 * way of the configuration model: each participant gets as many "stubs" as meetings wanted, the
 * stubs are shuffled and paired, and pairs of a participant with themselves or a repeated pair are
 * dropped, so a few participants end with slightly fewer meetings than they wanted.
 */
export function randomSession(settings: RandomSessionSettings): SchedulingProblem {
  const rng = new Prng(settings.seed);
  const breaks = new Set(settings.breaks ?? []);
  const slots: SlotSpec[] = Array.from({ length: settings.slots }, (_, position) => ({
    index: position,
    isBreak: breaks.has(position),
    day: settings.slotsPerDay ? Math.floor(position / settings.slotsPerDay) : 0,
  }));
  const share = settings.unavailableShare;
  const fewest = typeof share === 'number' ? Math.round(share * settings.slots) : Math.ceil(share[0] * settings.slots);
  const most = typeof share === 'number' ? fewest : Math.max(fewest, Math.floor(share[1] * settings.slots));
  const participants: ParticipantSpec[] = Array.from({ length: settings.participants }, (_, p) => {
    // A fixed share draws nothing here, so sessions generated before ranges existed stay the same.
    const blocked = most > fewest ? rng.between(fewest, most) : fewest;
    const unavailable = rng.shuffle(slots.map((slot) => slot.index)).slice(0, blocked).sort((x, y) => x - y);
    const limit = settings.maxMeetings;
    return { id: `p${p}`, unavailable, ...(limit ? { maxMeetings: rng.between(limit[0], limit[1]) } : {}) };
  });

  const stubs: number[] = [];
  for (let p = 0; p < settings.participants; p += 1) {
    const wanted = rng.between(settings.meetingsPerParticipant[0], settings.meetingsPerParticipant[1]);
    for (let i = 0; i < wanted; i += 1) stubs.push(p);
  }
  rng.shuffle(stubs);
  const meetings: MeetingSpec[] = [];
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < stubs.length; i += 2) {
    const [a, b] = [Math.min(stubs[i]!, stubs[i + 1]!), Math.max(stubs[i]!, stubs[i + 1]!)];
    if (a === b || pairs.has(`${a}:${b}`)) continue;
    pairs.add(`${a}:${b}`);
    meetings.push({ id: `m${meetings.length}`, a: `p${a}`, b: `p${b}` });
  }
  return { slots, tables: settings.tables, participants, meetings };
}

/**
 * Hand-made problems for the specs: `slots` numbered 0 to n − 1 (breaks by index), participants by
 * id with optional limits and blocked slots, meetings as [id, a, b] with optional extras.
 */
export function session(options: {
  slots: number;
  breaks?: number[];
  tables?: number;
  participants: Array<string | ParticipantSpec>;
  meetings: Array<[string, string, string] | [string, string, string, Partial<MeetingSpec>]>;
}): SchedulingProblem {
  return {
    slots: Array.from({ length: options.slots }, (_, index) => ({ index, isBreak: options.breaks?.includes(index) ?? false })),
    tables: options.tables ?? 10,
    participants: options.participants.map((participant) => (typeof participant === 'string' ? { id: participant } : participant)),
    meetings: options.meetings.map(([id, a, b, extra]) => ({ id, a, b, ...extra })),
  };
}
