import { CanvasBlock, ResolveLever } from '@app/contracts';
import * as Y from 'yjs';

import { checkCircularity } from './circularity.js';
import { readContent } from './content.js';
import { newDoc, updatesOf } from './document.fixtures.js';
import { applyTemplate, type CanvasTemplate } from './templates.js';

function counter(): () => string {
  let next = 0;
  return () => `card-${(next += 1)}`;
}

describe('applyTemplate', () => {
  it('EMPTY writes nothing', () => {
    const doc = newDoc(1);
    expect(updatesOf(doc, () => applyTemplate(doc, 'EMPTY', 'user-1'))).toEqual([]);
    expect(readContent(doc).blocks.every(({ cards }) => cards.length === 0)).toBe(true);
  });

  it.each<CanvasTemplate>(['TEXTILE_TAKE_BACK', 'CRAFT_WORKSHOP'])('%s fills every block in one update, by the author, with unique ids', (template) => {
    const doc = newDoc(1);
    const updates = updatesOf(doc, () => applyTemplate(doc, template, 'user-7', { newId: counter(), now: 1_700_000_000_000 }));
    expect(updates).toHaveLength(1);
    const content = readContent(doc);
    expect(content.blocks.every(({ cards }) => cards.length > 0)).toBe(true);
    const cards = content.blocks.flatMap(({ cards: blockCards }) => blockCards);
    expect(new Set(cards.map(({ id }) => id)).size).toBe(cards.length);
    expect(cards.every((card) => card.authorId === 'user-7' && card.createdAt === 1_700_000_000_000 && card.text.length > 0)).toBe(true);
  });

  it('gives the textile take-back canvas its wool loop and leaves the team one question about materials', () => {
    const doc = newDoc(1);
    applyTemplate(doc, 'TEXTILE_TAKE_BACK', 'user-1', { newId: counter() });
    const content = readContent(doc);
    const flows = content.blocks.flatMap(({ cards }) => cards.flatMap((card) => card.flows));
    expect(flows).toContainEqual({ material: 'wool offcuts', direction: 'IN', quantity: 2, unit: 't/month' });
    expect(flows).toContainEqual(expect.objectContaining({ material: 'regenerated yarn', direction: 'OUT' }));
    const takeBack = content.blocks.find(({ block }) => block === CanvasBlock.TAKE_BACK_SYSTEM)!.cards;
    expect(takeBack[0]!.text).toMatch(/collection points/);
    const report = checkCircularity(content);
    expect(report.takeBackFilled).toBe(true);
    expect(report.adoptionFactorsFilled).toBe(true);
    expect(report.openFlows.map(({ material }) => material)).toEqual(['short fibres']);
    expect(report.leversMissing).toEqual([ResolveLever.VIRTUALISE]);
  });

  it('appends to cards already there and uses random ids by default', () => {
    const doc = newDoc(1);
    applyTemplate(doc, 'CRAFT_WORKSHOP', 'user-1');
    applyTemplate(doc, 'CRAFT_WORKSHOP', 'user-1');
    const cards = readContent(doc).blocks.flatMap(({ cards: blockCards }) => blockCards);
    expect(new Set(cards.map(({ id }) => id)).size).toBe(cards.length);
    expect(cards[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('marks its transaction with the template and the author', () => {
    const doc = newDoc(1);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    applyTemplate(doc, 'CRAFT_WORKSHOP', 'user-3');
    expect(origins).toEqual([{ kind: 'template', template: 'CRAFT_WORKSHOP', authorId: 'user-3' }]);
  });

  it('refuses an unknown template', () => {
    expect(() => applyTemplate(newDoc(1), 'BAKERY' as CanvasTemplate, 'user-1')).toThrow(RangeError);
  });
});
