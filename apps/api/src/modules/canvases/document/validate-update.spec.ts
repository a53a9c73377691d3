import * as Y from 'yjs';

import { encodeItems, newDoc, Prng, textItem } from './document.fixtures.js';
import { applyTemplate } from './templates.js';
import { inspectUpdate } from './validate-update.js';

const LIMITS = { maxBytes: 64 * 1024 };

function templateUpdate(): Uint8Array {
  const doc = newDoc(1);
  let next = 0;
  applyTemplate(doc, 'TEXTILE_TAKE_BACK', 'user-1', { newId: () => `c${(next += 1)}`, now: 0 });
  return Y.encodeStateAsUpdate(doc);
}

describe('inspectUpdate', () => {
  it('accepts real updates, including the empty one a sync step sends when nothing is missing', () => {
    expect(inspectUpdate(templateUpdate(), LIMITS)).toEqual({ ok: true });
    expect(inspectUpdate(Y.encodeStateAsUpdate(new Y.Doc()), LIMITS)).toEqual({ ok: true });
  });

  it('refuses an update over the byte limit before reading it', () => {
    const update = templateUpdate();
    expect(inspectUpdate(update, { maxBytes: update.byteLength })).toEqual({ ok: true });
    expect(inspectUpdate(update, { maxBytes: update.byteLength - 1 })).toEqual({ ok: false, reason: 'TOO_LARGE' });
    expect(inspectUpdate(new Uint8Array(LIMITS.maxBytes + 1).fill(255), LIMITS)).toEqual({ ok: false, reason: 'TOO_LARGE' });
  });

  it('refuses empty bytes, truncated updates and things that are not bytes', () => {
    expect(inspectUpdate(new Uint8Array(), LIMITS)).toEqual({ ok: false, reason: 'MALFORMED' });
    const update = templateUpdate();
    for (let length = 0; length < update.byteLength; length += 1) {
      expect(inspectUpdate(update.subarray(0, length), LIMITS)).toEqual({ ok: false, reason: 'MALFORMED' });
    }
    expect(inspectUpdate('update' as unknown as Uint8Array, LIMITS)).toEqual({ ok: false, reason: 'MALFORMED' });
  });

  it('never throws on seeded random garbage', () => {
    const rng = new Prng(20240601);
    const seen = { ok: 0, MALFORMED: 0, TOO_LARGE: 0 };
    for (let run = 0; run < 5000; run += 1) {
      const bytes = rng.bytes(rng.below(300));
      const result = inspectUpdate(bytes, { maxBytes: 256 });
      seen[result.ok ? 'ok' : result.reason] += 1;
    }
    expect(seen.MALFORMED).toBeGreaterThan(4000);
    expect(seen.TOO_LARGE).toBeGreaterThan(0);
  });

  it('refuses an item that refers forwards to its own client, which would make applyUpdate throw', () => {
    const forward = encodeItems(5, 0, [textItem(5, 0, { parent: 'block:CHANNELS' }), textItem(5, 1, { origin: Y.createID(5, 7) })]);
    expect(() => Y.decodeUpdate(forward)).not.toThrow();
    expect(() => Y.applyUpdate(new Y.Doc(), forward)).toThrow();
    expect(inspectUpdate(forward, LIMITS)).toEqual({ ok: false, reason: 'MALFORMED' });
    const ownParent = encodeItems(5, 0, [textItem(5, 0, { parent: Y.createID(5, 0) })]);
    expect(inspectUpdate(ownParent, LIMITS)).toEqual({ ok: false, reason: 'MALFORMED' });
    const backwards = encodeItems(5, 0, [textItem(5, 0, { parent: 'block:CHANNELS' }), textItem(5, 1, { origin: Y.createID(5, 0) })]);
    expect(inspectUpdate(backwards, LIMITS)).toEqual({ ok: true });
  });

  it('never throws on real updates with random bytes changed, and what it accepts applies cleanly', () => {
    const rng = new Prng(7);
    const base = templateUpdate();
    const editor = newDoc(2);
    Y.applyUpdate(editor, base);
    const before = Y.encodeStateVector(editor);
    editor.getArray('block:KEY_PARTNERS').delete(0, 1);
    editor.getArray<string>('block:CHANNELS').push(['loose']);
    const delta = Y.encodeStateAsUpdate(editor, before);
    let accepted = 0;
    for (let run = 0; run < 3000; run += 1) {
      // Half the time a change on top of a document that holds the base, as a live canvas would.
      const onTop = rng.chance(0.5);
      const bytes = (onTop ? delta : base).slice();
      for (let flips = 1 + rng.below(4); flips > 0; flips -= 1) bytes[rng.below(bytes.length)] = rng.below(256);
      const result = inspectUpdate(bytes, LIMITS);
      if (!result.ok) continue;
      accepted += 1;
      const target = new Y.Doc();
      if (onTop) Y.applyUpdate(target, base);
      expect(() => Y.applyUpdate(target, bytes)).not.toThrow();
    }
    expect(accepted).toBeGreaterThan(100);
  });
});
