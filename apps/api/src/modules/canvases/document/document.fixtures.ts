import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

import { Prng as SeededPrng } from '@api/platform/random/prng.js';
import type { NewCard } from './schema.js';

/** The shared seeded generator, with what these property tests add. */
export class Prng extends SeededPrng {
  /** The items in a random order, some of them twice: what a network that retries delivers. */
  shuffleCopy<T>(items: readonly T[]): T[] {
    const copy = items.flatMap((item) => (this.chance(0.2) ? [item, item] : [item]));
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = this.below(i + 1);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }

  bytes(length: number): Uint8Array {
    return Uint8Array.from({ length }, () => this.below(256));
  }
}

/** A document with a fixed client id, so concurrent edits resolve the same way on every run. */
export function newDoc(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

/** What a y-protocols sync would do in both directions: each side gets what it is missing. */
export function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** The updates a document emits while `change` runs. */
export function updatesOf(doc: Y.Doc, change: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const listener = (update: Uint8Array): void => {
    updates.push(update);
  };
  doc.on('update', listener);
  try {
    change();
  } finally {
    doc.off('update', listener);
  }
  return updates;
}

export const card = (id: string, overrides: Partial<NewCard> = {}): NewCard => ({
  id,
  text: `Card ${id}`,
  authorId: 'user-1',
  colour: '#aabbcc',
  createdAt: 1_700_000_000_000,
  ...overrides,
});

/**
 * Hand-made items of one client, from `clock` on, encoded as a v1 update with no deletions: the
 * updates no honest client sends (references that run forwards or in circles).
 */
export function encodeItems(client: number, clock: number, items: Y.Item[]): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoding.writeVarUint(encoder.restEncoder, items.length);
  encoder.writeClient(client);
  encoding.writeVarUint(encoder.restEncoder, clock);
  for (const item of items) item.write(encoder, 0);
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}

/** A one-character text item of `client` at `clock`, referring to whatever the test needs. */
export function textItem(client: number, clock: number, refs: { origin?: Y.ID; rightOrigin?: Y.ID; parent?: string | Y.ID }): Y.Item {
  const parent = (refs.parent ?? null) as unknown as Y.AbstractType<unknown> | Y.ID | null;
  return new Y.Item(Y.createID(client, clock), null, refs.origin ?? null, null, refs.rightOrigin ?? null, parent, null, new Y.ContentString('x'));
}
