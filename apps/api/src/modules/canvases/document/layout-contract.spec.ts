import { CANVAS_BLOCK_ROOT_NAMES, CANVAS_DOCUMENT_LAYOUT_VERSION, CANVAS_BLOCK_ROOT_PREFIX, CANVAS_CARD_FIELDS, CANVAS_FLOW_FIELDS, CanvasBlock, canvasBlockRootName, type CanvasFieldKind, type CanvasFieldSpec } from '@app/contracts';
import * as Y from 'yjs';

import { readContent } from './content.js';
import { checkCircularity } from './circularity.js';
import { BLOCK_ROOT_PREFIX, CARD_KEYS, FLOW_KEYS, rootNameOf } from './schema.js';
import { CANVAS_TEMPLATES, applyTemplate } from './templates.js';
import { inspectUpdate } from './validate-update.js';
import { addCard, addFlow } from './schema.js';
import { toJson } from './export.js';

/** Whether a stored value has the kind the published layout names. */
function hasKind(value: unknown, kind: CanvasFieldKind): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'Y.Text':
      return value instanceof Y.Text;
    case 'Y.Array<string>':
      return value instanceof Y.Array && value.toArray().every((item) => typeof item === 'string');
    case 'Y.Array<Y.Map>':
      return value instanceof Y.Array && value.toArray().every((item) => item instanceof Y.Map);
  }
}

/** Every way `doc` departs from the published layout, as readable lines. */
function layoutViolations(doc: Y.Doc): string[] {
  const found: string[] = [];
  for (const [name, root] of doc.share) {
    if (!CANVAS_BLOCK_ROOT_NAMES.includes(name)) found.push(`root ${name} is not a block`);
    if (!(root instanceof Y.Array)) {
      found.push(`root ${name} is not a Y.Array`);
      continue;
    }
    root.toArray().forEach((card, index) => {
      if (!(card instanceof Y.Map)) return found.push(`${name}[${index}] is not a Y.Map`);
      const keys = [...card.keys()].sort();
      if (keys.join() !== Object.keys(CANVAS_CARD_FIELDS).sort().join()) found.push(`${name}[${index}] has keys ${keys.join()}`);
      for (const [key, spec] of Object.entries(CANVAS_CARD_FIELDS)) if (!hasKind(card.get(key), spec.kind)) found.push(`${name}[${index}].${key} is not ${spec.kind}`);
      const flows = card.get('flows');
      if (flows instanceof Y.Array) {
        for (const flow of flows.toArray() as Y.Map<unknown>[]) {
          for (const [key, spec] of Object.entries(CANVAS_FLOW_FIELDS) as [string, CanvasFieldSpec][]) if (!(spec.optional && !flow.has(key)) && !hasKind(flow.get(key), spec.kind)) found.push(`${name}[${index}] flow ${key} is not ${spec.kind}`);
        }
      }
    });
  }
  return found;
}

describe('the published canvas document layout (libs/contracts canvas-document.ts)', () => {
  it('is the layout the document module writes: same root names, card keys and flow keys', () => {
    expect(BLOCK_ROOT_PREFIX).toBe(CANVAS_BLOCK_ROOT_PREFIX);
    for (const block of Object.values(CanvasBlock)) expect(rootNameOf(block)).toBe(canvasBlockRootName(block));
    expect(Object.keys(CARD_KEYS)).toEqual(Object.keys(CANVAS_CARD_FIELDS));
    expect(Object.values(CARD_KEYS)).toEqual(Object.keys(CANVAS_CARD_FIELDS));
    expect(Object.values(FLOW_KEYS)).toEqual(Object.keys(CANVAS_FLOW_FIELDS));
  });

  it.each(CANVAS_TEMPLATES.map((t) => [t]))('is followed by the %s template', (template) => {
    const doc = new Y.Doc();
    applyTemplate(doc, template, 'author-1', { now: 1_800_000_000_000 });
    expect(layoutViolations(doc)).toEqual([]);
  });

  it('is all a client needs: a card written with plain Yjs from the contract alone is read, exported and accepted', () => {
    const client = new Y.Doc();
    const card = new Y.Map<unknown>();
    const flow = new Y.Map<unknown>([
      ['material', 'wool offcuts'],
      ['direction', 'OUT'],
      ['quantity', 2],
      ['unit', 't/month'],
    ]);
    client.transact(() => {
      client.getArray(canvasBlockRootName(CanvasBlock.TAKE_BACK_SYSTEM)).push([card]);
      card.set('id', 'card-1');
      card.set('text', new Y.Text('Collect offcuts from Prato mills'));
      card.set('authorId', 'user-1');
      card.set('colour', '#a1b2c3');
      card.set('levers', Y.Array.from(['LOOP', 'SHARE']));
      card.set('flows', Y.Array.from([flow]));
      card.set('links', Y.Array.from(['https://example.org/mills']));
      card.set('createdAt', 1_800_000_000_000);
    });
    expect(layoutViolations(client)).toEqual([]);

    const update = Y.encodeStateAsUpdate(client);
    expect(inspectUpdate(update, { maxBytes: 1 << 20 })).toEqual({ ok: true });
    const hub = new Y.Doc();
    Y.applyUpdate(hub, update);
    const block = readContent(hub).blocks.find((b) => b.block === CanvasBlock.TAKE_BACK_SYSTEM)!;
    expect(block.cards).toEqual([
      {
        id: 'card-1',
        text: 'Collect offcuts from Prato mills',
        authorId: 'user-1',
        colour: '#a1b2c3',
        // Read in ReSOLVE order, whatever order they were written in.
        levers: ['SHARE', 'LOOP'],
        flows: [{ material: 'wool offcuts', direction: 'OUT', quantity: 2, unit: 't/month' }],
        links: ['https://example.org/mills'],
        createdAt: 1_800_000_000_000,
      },
    ]);
    const report = checkCircularity(readContent(hub));
    expect({ takeBack: report.takeBackFilled, levers: report.leversCovered }).toEqual({ takeBack: true, levers: ['SHARE', 'LOOP'] });
  });

  it('extends version 1 with an optional flow listingId: written, read back, and ignored when it is not a UUID', () => {
    expect(CANVAS_DOCUMENT_LAYOUT_VERSION).toBe(1);
    expect(CANVAS_FLOW_FIELDS.listingId).toMatchObject({ kind: 'string', optional: true });
    const listingId = '6f1c2a4e-8b3d-4c5e-9f10-1a2b3c4d5e6f';
    const doc = new Y.Doc();
    addCard(doc, CanvasBlock.KEY_RESOURCES, { id: 'c1', text: 'Wool offcuts', authorId: 'u1', colour: '#a1b2c3', createdAt: 1 });
    expect(addFlow(doc, CanvasBlock.KEY_RESOURCES, 'c1', { material: 'wool offcuts', direction: 'IN', quantity: 2, unit: 't', listingId })).toBe(true);
    expect(addFlow(doc, CanvasBlock.KEY_RESOURCES, 'c1', { material: 'cotton', direction: 'IN', quantity: 1, unit: 't' })).toBe(true);
    expect(() => addFlow(doc, CanvasBlock.KEY_RESOURCES, 'c1', { material: 'glass', direction: 'IN', quantity: 1, unit: 't', listingId: 'not-a-listing' })).toThrow(RangeError);
    expect(layoutViolations(doc)).toEqual([]);
    const flows = () => readContent(doc).blocks.find((b) => b.block === CanvasBlock.KEY_RESOURCES)!.cards[0]!.flows;
    expect(flows()).toEqual([
      { material: 'wool offcuts', direction: 'IN', quantity: 2, unit: 't', listingId },
      { material: 'cotton', direction: 'IN', quantity: 1, unit: 't' },
    ]);

    // A client that writes a malformed link, or a number, is read as linking to nothing.
    const card = doc.getArray<Y.Map<unknown>>(canvasBlockRootName(CanvasBlock.KEY_RESOURCES)).get(0);
    const second = (card.get('flows') as Y.Array<Y.Map<unknown>>).get(1);
    second.set('listingId', 'DROP TABLE');
    expect(flows()[1]).toEqual({ material: 'cotton', direction: 'IN', quantity: 1, unit: 't' });
    second.set('listingId', 42);
    expect(flows()[1]).toEqual({ material: 'cotton', direction: 'IN', quantity: 1, unit: 't' });
    expect(layoutViolations(doc)).toEqual(['block:KEY_RESOURCES[0] flow listingId is not string']);
    // Upper case is the same UUID: read in lower case.
    second.set('listingId', listingId.toUpperCase());
    expect(flows()[1]!.listingId).toBe(listingId);
    expect(inspectUpdate(Y.encodeStateAsUpdate(doc), { maxBytes: 1 << 20 })).toEqual({ ok: true });
    // The JSON export carries the link.
    expect(toJson('Wool loop', readContent(doc), checkCircularity(readContent(doc)))).toContain(`"listingId": "${listingId}"`);
  });

  it('ignores what is outside it: other roots, elements that are not cards, cards without an id', () => {
    const doc = new Y.Doc();
    doc.getMap('notes').set('x', 1);
    const block = doc.getArray<unknown>(canvasBlockRootName(CanvasBlock.CHANNELS));
    block.push(['a string', new Y.Map<unknown>([['text', 'no id']])]);
    expect(readContent(doc).blocks.every((b) => b.cards.length === 0)).toBe(true);
    expect(layoutViolations(doc)).toContain('root notes is not a block');
  });
});
