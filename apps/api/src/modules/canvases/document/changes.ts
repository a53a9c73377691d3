import type { CanvasBlock } from '@app/contracts';
import * as Y from 'yjs';

import { CANVAS_BLOCKS } from './names.js';
import { rootNameOf } from './schema.js';

/**
 * The blocks an update would change if applied to `doc` (its state before the update), found
 * without applying it: `doc` is only read.
 *
 * The update is decoded (`Y.decodeUpdate`, cost proportional to the update, not the document) and
 * every part is traced to the root type it belongs to:
 * - an inserted item names its root directly (`parent` is the root's name), or names the item
 *   holding its parent type, or (when it has a left or right neighbour) leaves its parent to be found
 *   through that neighbour; each reference is looked up in `doc` first, else among the update's own
 *   items, and followed until a root name is reached;
 * - a deletion names only ids (the delete set); each deleted item still present in `doc` is walked
 *   up through its parent types to the root.
 * Items `doc` already has and items it has already deleted change nothing and are not counted, so
 * a sync step that repeats known history reports no block. A part that refers to content neither
 * `doc` nor the update has (it would wait as pending) cannot be traced and is not counted.
 * Throws on bytes that are not an update; run `inspectUpdate` first.
 */
export function changedBlocks(doc: Y.Doc, update: Uint8Array): CanvasBlock[] {
  const { structs, ds } = Y.decodeUpdate(update);
  const roots = new RootTracer(doc, structs);
  const touched = new Set<string>();
  const add = (root: string | null): void => {
    if (root !== null) touched.add(root);
  };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue;
    add(roots.ofUpdateItem(struct));
  }
  for (const [client, ranges] of ds.clients) {
    const known = doc.store.clients.get(client);
    const state = Y.getState(doc.store, client);
    if (!known) continue;
    for (const { clock, len } of ranges) {
      if (clock >= state) continue;
      for (let index = Y.findIndexSS(known, clock); index < known.length && known[index]!.id.clock < clock + len; index += 1) {
        const struct = known[index]!;
        if (struct instanceof Y.Item && !struct.deleted) add(roots.ofType(struct.parent));
      }
    }
  }
  return CANVAS_BLOCKS.filter((block) => touched.has(rootNameOf(block)));
}

type Struct = Y.Item | Y.GC | Y.Skip;

class RootTracer {
  private readonly rootNames = new Map<unknown, string>();
  private readonly updateStructs = new Map<number, Struct[]>();
  private readonly traced = new Map<Y.Item, string | null>();

  constructor(
    private readonly doc: Y.Doc,
    structs: Struct[],
  ) {
    for (const [name, type] of doc.share) this.rootNames.set(type, name);
    for (const struct of structs) {
      const list = this.updateStructs.get(struct.id.client) ?? [];
      list.push(struct);
      this.updateStructs.set(struct.id.client, list);
    }
    // A well-formed update lists each client once, in clock order; a hand-made one need not.
    for (const list of this.updateStructs.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }

  /** The root name of an integrated type, walking up through the items that hold nested types. */
  ofType(type: unknown): string | null {
    let current = type;
    while (current instanceof Y.AbstractType) {
      const holder: Y.Item | null = current._item;
      if (holder === null) return this.rootNames.get(current) ?? null;
      current = holder.parent;
    }
    return null;
  }

  /**
   * The root name of an item of the update. Every reference (parent holder, left or right
   * neighbour) has the same root as the item, so the chain is followed until a root name or an
   * item of `doc`. Iterative with a visited set: a crafted update may chain thousands of items, or
   * make their references go round in a circle.
   */
  ofUpdateItem(start: Y.Item): string | null {
    const chain: Y.Item[] = [];
    const visited = new Set<Y.Item>();
    let root: string | null = null;
    let current: Y.Item | null = start;
    while (current !== null) {
      const known = this.traced.get(current);
      if (known !== undefined) {
        root = known;
        break;
      }
      if (visited.has(current)) break;
      visited.add(current);
      chain.push(current);
      const parent: unknown = current.parent;
      // Decoded items carry the root's name as a string in `parent`, though Yjs types it as a type.
      if (typeof parent === 'string') {
        root = parent;
        break;
      }
      const next = parent instanceof Y.ID ? parent : (current.origin ?? current.rightOrigin);
      if (next === null) break;
      const inDoc = this.inDoc(next);
      if (inDoc !== null) {
        root = inDoc instanceof Y.Item && this.canHold(inDoc, parent) ? this.ofType(inDoc.parent) : null;
        break;
      }
      const inUpdate = this.inUpdate(next);
      current = inUpdate instanceof Y.Item && this.canHold(inUpdate, parent) ? inUpdate : null;
    }
    for (const item of chain) this.traced.set(item, root);
    return root;
  }

  /** When the reference is the parent holder, it must hold a type: otherwise Yjs discards the item. */
  private canHold(item: Y.Item, parent: unknown): boolean {
    return !(parent instanceof Y.ID) || item.content instanceof Y.ContentType;
  }

  private inDoc(id: Y.ID): Struct | null {
    if (id.clock >= Y.getState(this.doc.store, id.client)) return null;
    const structs = this.doc.store.clients.get(id.client);
    return structs ? (structs[Y.findIndexSS(structs, id.clock)] ?? null) : null;
  }

  private inUpdate(id: Y.ID): Struct | null {
    const list = this.updateStructs.get(id.client) ?? [];
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const struct = list[middle]!;
      if (id.clock < struct.id.clock) high = middle - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1;
      else return struct;
    }
    return null;
  }
}

export interface HistoryEntry {
  seq: number;
  userId: string;
  at: Date;
  blocks: CanvasBlock[];
}

export interface HistoryGroup {
  userId: string;
  from: Date;
  to: Date;
  blocks: CanvasBlock[];
  updates: number;
  firstSeq: number;
  lastSeq: number;
}

export const HISTORY_WINDOW_MS = 5 * 60 * 1000;

/**
 * Folds a canvas's stored updates (in `seq` order) into a readable history: consecutive entries of
 * the same user merge while they fall within `windowMs` of the group's first entry. Measuring from
 * the first entry rather than the previous one keeps an hour of steady typing from becoming a
 * single line, so every group is a point one can meaningfully look at or restore.
 */
export function groupHistory(entries: readonly HistoryEntry[], windowMs = HISTORY_WINDOW_MS): HistoryGroup[] {
  const groups: HistoryGroup[] = [];
  // When the current group's first entry was written (not `from`, which an earlier clock may move).
  let anchor = 0;
  for (const entry of entries) {
    const last = groups.at(-1);
    const at = entry.at.getTime();
    // Clocks of different instances may disagree a little, so an entry slightly earlier than the
    // group's first still joins it.
    if (last && last.userId === entry.userId && Math.abs(at - anchor) <= windowMs) {
      if (at < last.from.getTime()) last.from = new Date(at);
      if (at > last.to.getTime()) last.to = new Date(at);
      last.blocks = CANVAS_BLOCKS.filter((block) => last.blocks.includes(block) || entry.blocks.includes(block));
      last.updates += 1;
      last.lastSeq = entry.seq;
      continue;
    }
    anchor = at;
    groups.push({
      userId: entry.userId,
      from: new Date(at),
      to: new Date(at),
      blocks: CANVAS_BLOCKS.filter((block) => entry.blocks.includes(block)),
      updates: 1,
      firstSeq: entry.seq,
      lastSeq: entry.seq,
    });
  }
  return groups;
}
