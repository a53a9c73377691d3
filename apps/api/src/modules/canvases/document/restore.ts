import type { CanvasBlock } from '@app/contracts';
import * as Y from 'yjs';

import { CANVAS_BLOCKS } from './names.js';
import { blockOf, canHoldBlock, existingBlock, rootNameOf } from './schema.js';

/** What wrote a restore's transaction, for observers that attribute changes. */
export interface RestoreOrigin {
  kind: 'restore';
  authorId: string;
}

/**
 * Turns the document's content back into a stored version's, as ordinary edits in ONE transaction
 * on `doc`: the update it produces deletes today's cards and inserts copies of the version's, so it
 * converges for every editor like any other change (replacing the document with the old state
 * would not: Yjs never forgets an insert, and peers would merge today's cards back in).
 *
 * Blocks whose content already equals the version's are left alone, so a partner working there at
 * the same moment keeps their edit. Restored cards keep their original authors; `authorId` goes into
 * the transaction origin. Cards edited concurrently with the restore are replaced anyway (their
 * edits land in deleted cards); cards added concurrently survive, as they would against any delete.
 *
 * Everything that can fail (decoding the version, copying its cards) happens before the first change,
 * so a bad version throws and leaves `doc` untouched. Returns the blocks it replaced.
 */
export function restoreVersion(doc: Y.Doc, versionState: Uint8Array, authorId: string): CanvasBlock[] {
  const plan = planRestore(doc, versionState);
  const origin: RestoreOrigin = { kind: 'restore', authorId };
  if (plan.length > 0) {
    doc.transact(() => {
      for (const { block, copies } of plan) {
        const target = blockOf(doc, block);
        target.delete(0, target.length);
        target.insert(0, copies);
      }
    }, origin);
  }
  return plan.map(({ block }) => block);
}

function planRestore(doc: Y.Doc, versionState: Uint8Array): { block: CanvasBlock; copies: unknown[] }[] {
  // The version is decoded into a scratch document; `doc` never sees its history.
  const version = new Y.Doc();
  try {
    Y.applyUpdate(version, versionState);
    return CANVAS_BLOCKS.flatMap((block) => {
      const current = existingBlock(doc, block)?.toArray() ?? [];
      const source = existingBlock(version, block)?.toArray() ?? [];
      if (sameContent(current, source)) return [];
      if (!canHoldBlock(doc, block)) throw new TypeError(`${rootNameOf(block)} is not an array in this document`);
      return [{ block, copies: copiesOf(source) }];
    });
  } finally {
    version.destroy();
  }
}

/** Marks a value a copy leaves out. */
const DROPPED = Symbol('dropped');

/**
 * A deep copy not yet in any document. Maps, arrays and texts are rebuilt (a type can live in one
 * place only, and Yjs's own `clone` reuses embedded types); subdocuments are dropped (the canvas
 * layout has none, and a `Y.Doc` cannot be in two documents); JSON and binary values copy as they are.
 */
function copyOf(value: unknown): unknown {
  if (value instanceof Y.Doc) return DROPPED;
  if (value instanceof Y.Map) {
    const copy = new Y.Map<unknown>();
    value.forEach((entry: unknown, key: string) => {
      const copied = copyOf(entry);
      if (copied !== DROPPED) copy.set(key, copied);
    });
    return copy;
  }
  if (value instanceof Y.Array) {
    const copy = new Y.Array<unknown>();
    copy.push(copiesOf(value.toArray()));
    return copy;
  }
  if (value instanceof Y.Text) {
    const copy = value instanceof Y.XmlText ? new Y.XmlText() : new Y.Text();
    const delta = deltaOf(value).flatMap((op) => {
      const insert = typeof op.insert === 'string' ? op.insert : copyOf(op.insert);
      return insert === DROPPED ? [] : [{ ...op, insert }];
    });
    copy.applyDelta(delta);
    return copy;
  }
  if (value instanceof Y.AbstractType) return value.clone();
  return value;
}

const copiesOf = (values: unknown[]): unknown[] => values.map(copyOf).filter((copy) => copy !== DROPPED);

interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

const deltaOf = (text: Y.Text): DeltaOp[] => text.toDelta() as DeltaOp[];

function sameContent(current: unknown[], version: unknown[]): boolean {
  return JSON.stringify(current.map(comparable)) === JSON.stringify(version.map(comparable));
}

/** A JSON-safe picture of a value for comparing blocks; texts compare by delta, formatting included. */
function comparable(value: unknown): unknown {
  if (value instanceof Y.Doc) return { subdocument: value.guid };
  if (value instanceof Y.Map) {
    const entries: [string, unknown][] = [];
    value.forEach((entry: unknown, key: string) => entries.push([key, comparable(entry)]));
    return { map: entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
  }
  if (value instanceof Y.Array) return { array: value.toArray().map(comparable) };
  if (value instanceof Y.Text) {
    return { text: deltaOf(value).map((op) => ({ insert: typeof op.insert === 'string' ? op.insert : comparable(op.insert), attributes: op.attributes ?? null })) };
  }
  if (value instanceof Y.AbstractType) return { type: value.constructor.name, content: value.toJSON() as unknown };
  if (value instanceof Uint8Array) return { binary: Array.from(value) };
  return { value: value === undefined ? null : value };
}
