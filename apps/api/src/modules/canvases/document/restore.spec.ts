import { CanvasBlock, ResolveLever } from '@app/contracts';
import * as Y from 'yjs';

import { readContent } from './content.js';
import { card, newDoc, sync, updatesOf } from './document.fixtures.js';
import { restoreVersion } from './restore.js';
import { addCard, addFlow, blockOf, removeCard, setCardLevers, updateCardText } from './schema.js';

const P = CanvasBlock.KEY_PARTNERS;
const A = CanvasBlock.KEY_ACTIVITIES;

/** Two editors who share a canvas, and the state they saved as a version. */
function sharedVersion(): { a: Y.Doc; b: Y.Doc; version: Uint8Array } {
  const a = newDoc(1);
  const b = newDoc(2);
  addCard(a, P, card('p1', { text: 'Municipal collection points', levers: [ResolveLever.SHARE] }));
  addCard(a, A, card('a1', { text: 'Sort offcuts by colour', flows: [{ material: 'wool offcuts', direction: 'IN', quantity: 2, unit: 't/month' }] }));
  sync(a, b);
  return { a, b, version: Y.encodeStateAsUpdate(a) };
}

function contentOf(state: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return readContent(doc);
}

describe('restoreVersion', () => {
  it('brings two diverged editors back to the version through one ordinary update', () => {
    const { a, b, version } = sharedVersion();
    updateCardText(a, P, 'p1', 'Collection points in every district');
    addCard(a, CanvasBlock.CHANNELS, card('c1'));
    removeCard(b, A, 'a1');
    setCardLevers(b, P, 'p1', [ResolveLever.LOOP]);
    addFlow(b, P, 'p1', { material: 'yarn', direction: 'OUT', quantity: 1, unit: 't' });
    sync(a, b);
    expect(readContent(a)).not.toEqual(contentOf(version));

    const updates = updatesOf(a, () => expect(restoreVersion(a, version, 'user-9')).toEqual([P, A, CanvasBlock.CHANNELS]));
    expect(updates).toHaveLength(1);
    Y.applyUpdate(b, updates[0]!);
    expect(readContent(a)).toEqual(contentOf(version));
    expect(readContent(b)).toEqual(contentOf(version));
  });

  it('leaves blocks that already match alone, so a concurrent edit there survives', () => {
    const { a, b, version } = sharedVersion();
    addCard(a, CanvasBlock.CHANNELS, card('c1'));
    sync(a, b);
    expect(restoreVersion(a, version, 'user-9')).toEqual([CanvasBlock.CHANNELS]);
    updateCardText(b, P, 'p1', 'Municipal collection points, open on Sundays');
    sync(a, b);
    const partners = readContent(b).blocks[0]!.cards;
    expect(partners[0]!.text).toBe('Municipal collection points, open on Sundays');
    expect(readContent(a)).toEqual(readContent(b));
  });

  it('keeps a card added concurrently with the restore, like any concurrent insert against a delete', () => {
    const { a, b, version } = sharedVersion();
    removeCard(a, P, 'p1');
    sync(a, b);
    restoreVersion(a, version, 'user-9');
    addCard(b, P, card('late'));
    sync(a, b);
    expect(readContent(a).blocks[0]!.cards.map(({ id }) => id).sort()).toEqual(['late', 'p1']);
    expect(readContent(a)).toEqual(readContent(b));
  });

  it('keeps the original authors and marks the transaction with who restored', () => {
    const { a, version } = sharedVersion();
    removeCard(a, P, 'p1');
    const origins: unknown[] = [];
    a.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    restoreVersion(a, version, 'user-9');
    expect(origins).toEqual([{ kind: 'restore', authorId: 'user-9' }]);
    expect(readContent(a).blocks[0]!.cards[0]!.authorId).toBe('user-1');
  });

  it('restoring an empty version clears the canvas; restoring the current state changes nothing', () => {
    const { a, version } = sharedVersion();
    expect(updatesOf(a, () => expect(restoreVersion(a, version, 'u')).toEqual([]))).toEqual([]);
    restoreVersion(a, Y.encodeStateAsUpdate(new Y.Doc()), 'u');
    expect(readContent(a).blocks.every(({ cards }) => cards.length === 0)).toBe(true);
  });

  it('throws on a version that is not an update and leaves the document untouched', () => {
    const { a } = sharedVersion();
    const before = Y.encodeStateAsUpdate(a);
    expect(() => restoreVersion(a, Uint8Array.from([255, 255, 255, 255, 1]), 'u')).toThrow();
    expect(Y.encodeStateAsUpdate(a)).toEqual(before);
  });

  it('throws before changing anything when a block it must write is not an array here', () => {
    const { version } = sharedVersion();
    const other = newDoc(3);
    addCard(other, CanvasBlock.CHANNELS, card('c1'));
    other.getMap('block:KEY_ACTIVITIES');
    const before = Y.encodeStateAsUpdate(other);
    expect(() => restoreVersion(other, version, 'u')).toThrow(TypeError);
    expect(Y.encodeStateAsUpdate(other)).toEqual(before);
  });

  it('copies foreign content deeply, dropping only subdocuments', () => {
    const source = newDoc(1);
    const text = new Y.Text();
    const inner = new Y.Map<unknown>([['id', 'x'], ['text', text], ['sub', new Y.Doc()], ['bytes', new Uint8Array([1, 2])]]);
    blockOf(source, P).push([inner, { json: true }, new Y.Doc()]);
    text.insert(0, 'bold', { bold: true });
    const target = newDoc(2);
    restoreVersion(target, Y.encodeStateAsUpdate(source), 'u');
    const copied = blockOf(target, P).toArray();
    expect(copied).toHaveLength(2);
    const copiedCard = copied[0] as Y.Map<unknown>;
    expect(copiedCard.get('sub')).toBeUndefined();
    expect((copiedCard.get('text') as Y.Text).toDelta()).toEqual([{ insert: 'bold', attributes: { bold: true } }]);
    expect(copiedCard.get('bytes')).toEqual(new Uint8Array([1, 2]));
    expect(copied[1]).toEqual({ json: true });
    expect(readContent(target)).toEqual(readContent(source));
  });
});
