import { CanvasBlock, ResolveLever } from '@app/contracts';
import * as Y from 'yjs';

import { readContent } from './content.js';
import { card, newDoc, sync, updatesOf } from './document.fixtures.js';
import { addCard, addFlow, blockOf, blockOfRootName, findCard, removeCard, setCardLevers, textDiff, updateCardText } from './schema.js';

const P = CanvasBlock.KEY_PARTNERS;

const cardsOf = (doc: Y.Doc, block: CanvasBlock) => readContent(doc).blocks.find((entry) => entry.block === block)!.cards;

describe('canvas schema', () => {
  it('keeps each block in a root array named block:<block>, cards as maps of Yjs types', () => {
    const doc = newDoc(1);
    addCard(doc, P, card('a', { levers: [ResolveLever.LOOP], flows: [{ material: 'wool', direction: 'IN', quantity: 2, unit: 't' }], links: ['https://example.org'] }));
    expect([...doc.share.keys()]).toEqual(['block:KEY_PARTNERS']);
    const stored = doc.getArray('block:KEY_PARTNERS').get(0) as Y.Map<unknown>;
    expect(stored).toBeInstanceOf(Y.Map);
    expect(stored.get('text')).toBeInstanceOf(Y.Text);
    expect(stored.get('levers')).toBeInstanceOf(Y.Array);
    expect((stored.get('flows') as Y.Array<unknown>).get(0)).toBeInstanceOf(Y.Map);
    expect(stored.get('links')).toBeInstanceOf(Y.Array);
    expect(blockOf(doc, P)).toBe(doc.getArray('block:KEY_PARTNERS'));
    expect(blockOfRootName('block:TAKE_BACK_SYSTEM')).toBe(CanvasBlock.TAKE_BACK_SYSTEM);
    expect(blockOfRootName('block:NOPE')).toBeNull();
    expect(blockOfRootName('chat')).toBeNull();
  });

  it('writes a card in one update and reads it back as plain data', () => {
    const doc = newDoc(1);
    const updates = updatesOf(doc, () =>
      addCard(doc, P, card('a', { colour: '#AABBCC', levers: [ResolveLever.SHARE, ResolveLever.SHARE], flows: [{ material: 'wool', direction: 'OUT', quantity: 1.5, unit: 't/month' }] })),
    );
    expect(updates).toHaveLength(1);
    expect(cardsOf(doc, P)).toEqual([
      {
        id: 'a',
        text: 'Card a',
        authorId: 'user-1',
        colour: '#aabbcc',
        levers: [ResolveLever.SHARE],
        flows: [{ material: 'wool', direction: 'OUT', quantity: 1.5, unit: 't/month' }],
        links: [],
        createdAt: 1_700_000_000_000,
      },
    ]);
  });

  it.each([
    ['a colour that is not #rrggbb', card('a', { colour: 'red' })],
    ['an unknown lever', card('a', { levers: ['RECYCLE' as ResolveLever] })],
    ['a flow without material', card('a', { flows: [{ material: ' ', direction: 'IN', quantity: 1, unit: 't' }] })],
    ['a flow with an unknown direction', card('a', { flows: [{ material: 'wool', direction: 'UP' as 'IN', quantity: 1, unit: 't' }] })],
    ['a negative quantity', card('a', { flows: [{ material: 'wool', direction: 'IN', quantity: -1, unit: 't' }] })],
    ['an empty id', card('')],
  ])('refuses a card with %s and writes nothing', (_, input) => {
    const doc = newDoc(1);
    expect(() => addCard(doc, P, input)).toThrow(RangeError);
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(newDoc(1)));
  });

  it('inserts at an index, clamped to the block', () => {
    const doc = newDoc(1);
    addCard(doc, P, card('b'));
    addCard(doc, P, card('a'), 0);
    addCard(doc, P, card('c'), 99);
    expect(cardsOf(doc, P).map(({ id }) => id)).toEqual(['a', 'b', 'c']);
  });

  it('lets two partners create the same block at once without losing either card', () => {
    const a = newDoc(1);
    const b = newDoc(2);
    addCard(a, P, card('from-a'));
    addCard(b, P, card('from-b'));
    sync(a, b);
    expect(cardsOf(a, P).map(({ id }) => id).sort()).toEqual(['from-a', 'from-b']);
    expect(readContent(a)).toEqual(readContent(b));
  });

  it('edits text with the smallest change, so concurrent typing in one card merges', () => {
    const a = newDoc(1);
    const b = newDoc(2);
    addCard(a, P, card('a', { text: 'wool offcuts' }));
    sync(a, b);
    expect(updateCardText(a, P, 'a', 'merino wool offcuts')).toBe(true);
    expect(updateCardText(b, P, 'a', 'wool offcuts from Prato')).toBe(true);
    sync(a, b);
    expect(cardsOf(a, P)[0]!.text).toBe('merino wool offcuts from Prato');
    expect(cardsOf(b, P)[0]!.text).toBe('merino wool offcuts from Prato');
  });

  it('never splits a surrogate pair when diffing text', () => {
    expect(textDiff('a😀b', 'a😁b')).toEqual({ index: 1, remove: 2, insert: '😁' });
    expect(textDiff('x😀', 'x😀😀')).toEqual({ index: 3, remove: 0, insert: '😀' });
    // Same low surrogate, different high one: the shared half must not be kept as a suffix.
    expect(textDiff('\u{10000}', '\u{10400}')).toEqual({ index: 0, remove: 2, insert: '\u{10400}' });
    const doc = newDoc(1);
    addCard(doc, P, card('a', { text: 'Tunis 😀 Prato' }));
    updateCardText(doc, P, 'a', 'Tunis 😁 Prato');
    expect(cardsOf(doc, P)[0]!.text).toBe('Tunis 😁 Prato');
  });

  it('replaces a text another client stored as a plain string', () => {
    const doc = newDoc(1);
    addCard(doc, P, card('a'));
    findCard(doc, P, 'a')!.card.set('text', 'plain');
    updateCardText(doc, P, 'a', 'now a Y.Text');
    expect(findCard(doc, P, 'a')!.card.get('text')).toBeInstanceOf(Y.Text);
    expect(cardsOf(doc, P)[0]!.text).toBe('now a Y.Text');
  });

  it('sets levers exactly and cleans up duplicates left by concurrent additions', () => {
    const a = newDoc(1);
    const b = newDoc(2);
    addCard(a, P, card('a', { levers: [ResolveLever.SHARE] }));
    sync(a, b);
    setCardLevers(a, P, 'a', [ResolveLever.SHARE, ResolveLever.LOOP]);
    setCardLevers(b, P, 'a', [ResolveLever.SHARE, ResolveLever.LOOP, ResolveLever.OPTIMISE]);
    sync(a, b);
    const levers = () => (findCard(a, P, 'a')!.card.get('levers') as Y.Array<string>).toArray();
    expect(levers().filter((lever) => lever === ResolveLever.LOOP)).toHaveLength(2);
    expect(cardsOf(a, P)[0]!.levers).toEqual([ResolveLever.SHARE, ResolveLever.OPTIMISE, ResolveLever.LOOP]);
    setCardLevers(a, P, 'a', [ResolveLever.LOOP, ResolveLever.REGENERATE]);
    expect(levers().sort()).toEqual([ResolveLever.LOOP, ResolveLever.REGENERATE]);
    expect(() => setCardLevers(a, P, 'a', ['RECYCLE' as ResolveLever])).toThrow(RangeError);
  });

  it('adds flows, removes cards, and answers false for a card that is not there', () => {
    const doc = newDoc(1);
    addCard(doc, P, card('a'));
    addCard(doc, P, card('b'));
    expect(addFlow(doc, P, 'a', { material: 'yarn', direction: 'OUT', quantity: 3, unit: 'kg' })).toBe(true);
    expect(cardsOf(doc, P)[0]!.flows).toEqual([{ material: 'yarn', direction: 'OUT', quantity: 3, unit: 'kg' }]);
    expect(removeCard(doc, P, 'a')).toBe(true);
    expect(cardsOf(doc, P).map(({ id }) => id)).toEqual(['b']);
    expect(removeCard(doc, P, 'a')).toBe(false);
    expect(updateCardText(doc, P, 'a', 'x')).toBe(false);
    expect(setCardLevers(doc, P, 'a', [])).toBe(false);
    expect(addFlow(doc, P, 'a', { material: 'yarn', direction: 'OUT', quantity: 3, unit: 'kg' })).toBe(false);
    expect(removeCard(doc, CanvasBlock.CHANNELS, 'b')).toBe(false);
  });
});
