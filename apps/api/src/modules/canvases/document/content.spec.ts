import { CanvasBlock, ResolveLever } from '@app/contracts';
import * as Y from 'yjs';

import { DEFAULT_CARD_COLOUR, readContent } from './content.js';
import { card, newDoc, Prng, sync } from './document.fixtures.js';
import { CANVAS_BLOCKS, RESOLVE_LEVERS } from './names.js';
import { addCard } from './schema.js';

const P = CanvasBlock.KEY_PARTNERS;
const cardsOf = (doc: Y.Doc, block = P) => readContent(doc).blocks.find((entry) => entry.block === block)!.cards;

/** An array of anything, as a client with no schema would write it. */
function arrayOf(values: unknown[]): Y.Array<unknown> {
  const array = new Y.Array<unknown>();
  array.push(values);
  return array;
}

/** A card map written by hand, the way a client that ignores the layout would. */
function foreignCard(entries: Record<string, unknown>): Y.Map<unknown> {
  return new Y.Map<unknown>(Object.entries(entries));
}

describe('readContent', () => {
  it('lists every block in canvas order, cards in document order', () => {
    const doc = newDoc(1);
    addCard(doc, CanvasBlock.ADOPTION_FACTORS, card('z'));
    addCard(doc, P, card('b'));
    addCard(doc, P, card('a'), 0);
    const content = readContent(doc);
    expect(content.blocks.map(({ block }) => block)).toEqual(Object.values(CanvasBlock));
    expect(content.blocks[0]!.cards.map(({ id }) => id)).toEqual(['a', 'b']);
    expect(content.blocks.at(-1)!.cards.map(({ id }) => id)).toEqual(['z']);
  });

  it('reads an empty document without defining any root', () => {
    const doc = newDoc(1);
    expect(readContent(doc).blocks.every(({ cards }) => cards.length === 0)).toBe(true);
    expect(doc.share.size).toBe(0);
  });

  it('skips elements that are not card maps and cards without a string id', () => {
    const doc = newDoc(1);
    const subdoc = new Y.Doc();
    doc.getArray<unknown>('block:KEY_PARTNERS').push([
      42,
      'text',
      null,
      { id: 'plain-object' },
      new Uint8Array([1, 2]),
      new Y.Text('loose text'),
      arrayOf([1]),
      subdoc,
      foreignCard({ id: 7 }),
      foreignCard({ id: '' }),
      foreignCard({ text: 'no id' }),
      foreignCard({ id: 'ok' }),
    ]);
    expect(cardsOf(doc).map(({ id }) => id)).toEqual(['ok']);
  });

  it('defaults fields with the wrong type and filters what cannot be trusted', () => {
    const doc = newDoc(1);
    const flows = arrayOf([
      new Y.Map<unknown>([['material', ' wool '], ['direction', 'IN'], ['quantity', Number.NaN], ['unit', 3]]),
      new Y.Map<unknown>([['material', 'yarn'], ['direction', 'SIDEWAYS'], ['quantity', 1]]),
      new Y.Map<unknown>([['direction', 'OUT'], ['quantity', 1]]),
      { material: 'felt', direction: 'OUT', quantity: 4, unit: 'kg' },
      'not a flow',
    ]);
    doc.getArray<unknown>('block:KEY_PARTNERS').push([
      foreignCard({
        id: 'x',
        text: 'plain string text',
        authorId: 99,
        colour: 'blue',
        levers: arrayOf(['LOOP', 'LOOP', 'RECYCLE', 3, 'SHARE']),
        flows,
        links: ['https://example.org/a', 'javascript:alert(1)', 'not a url', 5, 'http://example.org/b'],
        createdAt: 1e300,
      }),
      foreignCard({ id: 'y', text: new Y.Map(), createdAt: '2024-01-01', levers: 'LOOP', flows: 5, links: new Y.Map() }),
    ]);
    expect(cardsOf(doc)).toEqual([
      {
        id: 'x',
        text: 'plain string text',
        authorId: '',
        colour: DEFAULT_CARD_COLOUR,
        levers: [ResolveLever.SHARE, ResolveLever.LOOP],
        flows: [
          { material: 'wool', direction: 'IN', quantity: 0, unit: '' },
          { material: 'felt', direction: 'OUT', quantity: 4, unit: 'kg' },
        ],
        links: ['https://example.org/a', 'http://example.org/b'],
        createdAt: 0,
      },
      { id: 'y', text: '', authorId: '', colour: DEFAULT_CARD_COLOUR, levers: [], flows: [], links: [], createdAt: 0 },
    ]);
  });

  it('reads a block a peer wrote as a map as empty, and one defined locally as a map too', () => {
    const peer = newDoc(1);
    peer.getMap('block:CHANNELS').set('id', 'oops');
    peer.getText('block:VALUE_PROPOSITIONS').insert(0, 'free text');
    const doc = newDoc(2);
    sync(peer, doc);
    expect(() => readContent(doc)).not.toThrow();
    expect(readContent(doc).blocks.every(({ cards }) => cards.length === 0)).toBe(true);
    expect(readContent(peer).blocks.every(({ cards }) => cards.length === 0)).toBe(true);
  });

  it('never throws on random foreign content, and what it returns keeps the layout promises', () => {
    const values = (rng: Prng, depth: number): unknown => {
      const choice = rng.below(depth > 2 ? 6 : 10);
      switch (choice) {
        case 0: return rng.below(1000) - 500;
        case 1: return rng.pick(['', 'LOOP', 'IN', 'OUT', '#00ff00', 'https://x.org', 'ü', 'a'.repeat(rng.below(40))]);
        case 2: return rng.pick([null, true, Number.NaN, Infinity, -0]);
        case 3: return rng.bytes(rng.below(4));
        case 4: return { material: 'm', direction: rng.pick(['IN', 'OUT', 'X']), quantity: rng.below(5) };
        case 5: return [1, 'LOOP', 'x'];
        case 6: return new Y.Text(rng.pick(['t', '', '😀']));
        case 7: return arrayOf(Array.from({ length: rng.below(4) }, () => values(rng, depth + 1)));
        case 8: return mapOf(rng, depth + 1);
        default: return new Y.Doc();
      }
    };
    const keys = ['id', 'text', 'authorId', 'colour', 'levers', 'flows', 'links', 'createdAt', 'material', 'direction', 'quantity', 'unit', 'extra'];
    const mapOf = (rng: Prng, depth: number): Y.Map<unknown> => {
      const map = new Y.Map<unknown>();
      for (const key of keys) if (rng.chance(0.6)) map.set(key, key === 'id' && rng.chance(0.7) ? `c${rng.below(9)}` : values(rng, depth));
      return map;
    };
    for (let seed = 1; seed <= 150; seed += 1) {
      const rng = new Prng(seed);
      const doc = newDoc(seed);
      for (const block of CANVAS_BLOCKS) {
        if (rng.chance(0.5)) doc.getArray<unknown>(`block:${block}`).push(Array.from({ length: rng.below(6) }, () => (rng.chance(0.7) ? mapOf(rng, 0) : values(rng, 0))));
      }
      const content = readContent(doc);
      for (const { cards } of content.blocks) {
        for (const read of cards) {
          expect(typeof read.id).toBe('string');
          expect(read.colour).toMatch(/^#[0-9a-f]{6}$/);
          expect(read.levers.every((lever) => RESOLVE_LEVERS.includes(lever))).toBe(true);
          expect(read.flows.every((flow) => flow.material !== '' && Number.isFinite(flow.quantity))).toBe(true);
          expect(Number.isFinite(new Date(read.createdAt).getTime())).toBe(true);
        }
      }
    }
  });
});
