import { CanvasBlock, ResolveLever } from '@app/contracts';
import * as Y from 'yjs';

import { changedBlocks, groupHistory, type HistoryEntry } from './changes.js';
import { card, encodeItems, newDoc, sync, textItem, updatesOf } from './document.fixtures.js';
import { addCard, addFlow, findCard, removeCard, setCardLevers, updateCardText } from './schema.js';
import { applyTemplate } from './templates.js';

const { KEY_PARTNERS: P, KEY_ACTIVITIES: A, CHANNELS: C, TAKE_BACK_SYSTEM: T } = CanvasBlock;

/** A server copy and an editor that share a canvas with a card in P, A and T. */
function shared(): { server: Y.Doc; editor: Y.Doc } {
  const server = newDoc(1);
  const editor = newDoc(2);
  addCard(editor, P, card('p', { text: 'Tailors in Prato', levers: [ResolveLever.LOOP, ResolveLever.SHARE] }));
  addCard(editor, A, card('a', { text: 'Sort offcuts' }));
  addCard(editor, T, card('t', { text: 'Collection points' }));
  sync(editor, server);
  return { server, editor };
}

/** The single update an editor's change produces. */
function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
  return Y.mergeUpdates(updatesOf(doc, change));
}

describe('changedBlocks', () => {
  it.each<[string, (editor: Y.Doc) => void, CanvasBlock[]]>([
    ['a new card', (editor) => addCard(editor, C, card('c')), [C]],
    ['typing in the middle of a card', (editor) => updateCardText(editor, A, 'a', 'Sort wool offcuts'), [A]],
    ['deleting text', (editor) => updateCardText(editor, A, 'a', 'Sort'), [A]],
    ['a removed card (deletions only)', (editor) => removeCard(editor, P, 'p'), [P]],
    ['a lever removed deep inside a card', (editor) => setCardLevers(editor, P, 'p', [ResolveLever.LOOP]), [P]],
    ['a map value overwritten', (editor) => findCard(editor, T, 't')!.card.set('colour', '#112233'), [T]],
    ['a flow added', (editor) => addFlow(editor, T, 't', { material: 'knitwear', direction: 'IN', quantity: 1, unit: 't' }), [T]],
    ['a card moved between blocks', (editor) => editor.transact(() => {
      removeCard(editor, P, 'p');
      addCard(editor, C, card('p'));
    }), [P, C]],
    ['a whole template', (editor) => applyTemplate(editor, 'CRAFT_WORKSHOP', 'u'), Object.values(CanvasBlock)],
  ])('finds the block of %s', (_, change, expected) => {
    const { server, editor } = shared();
    const update = updateOf(editor, () => change(editor));
    expect(changedBlocks(server, update)).toEqual(expected);
  });

  it('traces items whose parent is in the same update: a new card and edits inside it, merged', () => {
    const { server, editor } = shared();
    const updates = updatesOf(editor, () => {
      addCard(editor, C, card('c', { text: 'Market stalls' }));
      updateCardText(editor, C, 'c', 'Weekly market stalls');
      setCardLevers(editor, C, 'c', [ResolveLever.SHARE]);
    });
    expect(updates).toHaveLength(3);
    expect(changedBlocks(server, Y.mergeUpdates(updates))).toEqual([C]);
    // Only the later two, applied to a server that already has the card.
    Y.applyUpdate(server, updates[0]!);
    expect(changedBlocks(server, Y.mergeUpdates(updates.slice(1)))).toEqual([C]);
  });

  it('reports nothing for history the document already has, and only the new part of a full sync', () => {
    const { server, editor } = shared();
    removeCard(editor, A, 'a');
    sync(editor, server);
    expect(changedBlocks(server, Y.encodeStateAsUpdate(editor))).toEqual([]);
    updateCardText(editor, T, 't', 'Collection points at markets');
    expect(changedBlocks(server, Y.encodeStateAsUpdate(editor))).toEqual([T]);
  });

  it('does not change the document it reads', () => {
    const { server, editor } = shared();
    const update = updateOf(editor, () => {
      removeCard(editor, P, 'p');
      addCard(editor, C, card('c'));
    });
    const before = Y.encodeStateAsUpdate(server);
    const transactions: unknown[] = [];
    server.on('beforeTransaction', (transaction: Y.Transaction) => transactions.push(transaction));
    expect(changedBlocks(server, update)).toEqual([P, C]);
    expect(transactions).toEqual([]);
    expect(Y.encodeStateAsUpdate(server)).toEqual(before);
    expect(server.share.size).toBe(3);
  });

  it('ignores roots that are not blocks', () => {
    const { server, editor } = shared();
    const update = updateOf(editor, () => {
      editor.getMap('meta').set('title', 'Prato');
      editor.getArray('block:NOT_A_BLOCK').push([1]);
    });
    expect(changedBlocks(server, update)).toEqual([]);
  });

  it('cannot trace what depends on content neither side has, and says nothing about it', () => {
    const { editor } = shared();
    const update = updateOf(editor, () => updateCardText(editor, A, 'a', 'Sort offcuts by colour'));
    expect(changedBlocks(newDoc(9), update)).toEqual([]);
  });

  it('stops on references that go round in a circle', () => {
    const looping = encodeItems(5, 0, [textItem(5, 0, { origin: Y.createID(5, 1) }), textItem(5, 1, { origin: Y.createID(5, 0) })]);
    expect(changedBlocks(newDoc(1), looping)).toEqual([]);
  });

  it('follows a chain of thousands of items without running out of stack', () => {
    const editor = newDoc(2);
    addCard(editor, A, card('a', { text: '' }));
    const text = findCard(editor, A, 'a')!.card.get('text') as Y.Text;
    // Typing backwards: each character refers to the one typed before it, and none merge.
    for (let index = 0; index < 20_000; index += 1) text.insert(0, 'x');
    expect(changedBlocks(newDoc(1), Y.encodeStateAsUpdate(editor))).toEqual([A]);
  });

  it('throws on bytes that are not an update', () => {
    expect(() => changedBlocks(newDoc(1), Uint8Array.from([200]))).toThrow();
  });
});

describe('groupHistory', () => {
  const at = (minutes: number): Date => new Date(Date.UTC(2025, 4, 12, 9, 0) + minutes * 60_000);
  const entry = (seq: number, userId: string, minutes: number, blocks: CanvasBlock[]): HistoryEntry => ({ seq, userId, at: at(minutes), blocks });

  it('merges consecutive entries of one user within five minutes of the group start', () => {
    const groups = groupHistory([
      entry(1, 'amina', 0, [T]),
      entry(2, 'amina', 2, [P]),
      entry(3, 'amina', 5, [T]),
      entry(4, 'marco', 5.5, [A]),
      entry(5, 'amina', 6, [C]),
      entry(6, 'amina', 11.5, [C]),
    ]);
    expect(groups).toEqual([
      { userId: 'amina', from: at(0), to: at(5), blocks: [P, T], updates: 3, firstSeq: 1, lastSeq: 3 },
      { userId: 'marco', from: at(5.5), to: at(5.5), blocks: [A], updates: 1, firstSeq: 4, lastSeq: 4 },
      { userId: 'amina', from: at(6), to: at(6), blocks: [C], updates: 1, firstSeq: 5, lastSeq: 5 },
      { userId: 'amina', from: at(11.5), to: at(11.5), blocks: [C], updates: 1, firstSeq: 6, lastSeq: 6 },
    ]);
  });

  it('takes another window, tolerates a slightly earlier clock, and returns nothing for nothing', () => {
    expect(groupHistory([])).toEqual([]);
    const groups = groupHistory([entry(1, 'amina', 10, []), entry(2, 'amina', 9.5, [P]), entry(3, 'amina', 11, [])], 60_000);
    expect(groups).toEqual([{ userId: 'amina', from: at(9.5), to: at(11), blocks: [P], updates: 3, firstSeq: 1, lastSeq: 3 }]);
    expect(groupHistory([entry(1, 'amina', 0, []), entry(2, 'amina', 2, [])], 60_000)).toHaveLength(2);
  });
});
