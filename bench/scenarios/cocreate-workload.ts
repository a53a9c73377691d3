/**
 * What the cocreate scenario's client processes share with the runner: the editing workload, the
 * shape of the canvas document the editors type into, and the messages between the runner and its
 * client processes. Both targets get exactly this workload; only the transport differs.
 */
import * as Y from 'yjs';
import { CanvasBlock } from '../../libs/contracts/src/canvas-events.js';

export type TargetKind = 'hub' | 'hocuspocus';

export interface Workload {
  /** Local edits per editor per second, evenly spaced, each editor at its own phase. */
  opsPerSecond: number;
  /** Cards per canvas the editors type into, made before any measurement. */
  cardsPerCanvas: number;
  /** Characters per insert: drawn uniformly from this range. */
  insertChars: [number, number];
}

export interface EditorSpec {
  userId: string;
  /** Access token for the hub (the reference takes none). */
  token: string;
}

export interface CanvasSpec {
  /** The hub's canvas id; the reference uses the same string as its document name. */
  id: string;
  editors: EditorSpec[];
}

/** Runner → client process. */
export type WorkerCommand =
  | { type: 'setup'; target: TargetKind; url: string; origin: string; canvases: CanvasSpec[]; workload: Workload; seed: number; connectTimeoutMs: number }
  | { type: 'edit'; seconds: number; record: boolean; drainMs: number }
  | { type: 'mark' }
  | { type: 'settle'; timeoutMs: number }
  | { type: 'verify'; timeoutMs: number }
  | { type: 'close' };

export interface EditFigures {
  /** Local edits made (one Yjs transaction, so one update message, each). */
  edits: number;
  /** Of those, edits recorded for latency. */
  recordedEdits: number;
  /** Propagation latencies in ms, one per (recorded edit, other editor of its canvas) that applied it. */
  latenciesMs: Float64Array;
  /** (recorded edit, other editor) pairs still not applied when the drain time ran out. */
  undelivered: number;
  /** How late edits were made against their schedule (the generator's own lag), ms. */
  scheduleLagMs: { p50: number; p99: number; max: number };
  /** Event-loop delay of the client process while editing, ms. */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  /** Client → server messages sent, by kind. */
  sent: { updates: number; syncSteps: number; awareness: number };
  /** Hub only: acks received, of those naming a stored seq, refused (ok: false, by code), and send-to-ack times of update messages. */
  acks?: { ok: number; stored: number; refused: Record<string, number>; timedOut: number; updateAckMs: { p50: number; p99: number; max: number } };
  /** Local edits made while the editor was not connected (sent later by the resync). */
  editsWhileDisconnected: number;
  disconnects: number;
  seconds: number;
  /** What went wrong on the way (refused opens, closed canvases, failed authentication), first ones only. */
  problems: string[];
}

/** Hub only: for each editor, the clock ranges of its own edits the hub acknowledged as stored. */
export interface AckMarks {
  /** canvas id → Yjs client id → acknowledged [start, end) ranges, merged. */
  canvases: Record<string, Record<string, Array<[number, number]>>>;
  /** Messages carrying the editors' own edits (updates, sync steps 2) sent but not acknowledged yet. */
  unacknowledgedMessages: number;
}

export interface CanvasVerification {
  canvasId: string;
  editors: number;
  /** Every editor's document encodes the same state vector and the same content. */
  converged: boolean;
  /** Editors whose content differs from the first editor's. */
  divergentEditors: number;
  /** Edits some editor made that another editor lacks at the end. */
  missingEdits: number;
  /** A fresh client that opened the canvas afterwards got exactly the editors' content from the server. */
  freshReaderMatches: boolean;
  freshReaderError?: string;
  edits: number;
  characters: number;
  /** Final state: Yjs client id → clock, for the runner to compare with the database. */
  stateVector: Record<string, number>;
  /** Size of the whole document as one update (Y.encodeStateAsUpdate). */
  documentBytes: number;
}

/** Client process → runner. */
export type WorkerReply =
  | { type: 'ready'; editors: number; connectMs: number }
  | { type: 'edited'; figures: EditFigures }
  | { type: 'marked'; marks: AckMarks }
  | { type: 'settled'; connected: number; editors: number; waitedMs: number }
  | { type: 'verified'; canvases: CanvasVerification[] }
  | { type: 'failed'; error: string };

/** mulberry32: small, fast and seeded, so both targets get the same sequence of edits. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['riuso', 'filiera', 'tessile', 'recupero', 'circular', 'design', 'partner', 'loop', 'rete', 'scarti', 'valore', 'cliente', 'servizio', 'moda', 'lana', 'cotone'];

/** Text of `length` characters: words and spaces, so cards read like notes. */
export function insertText(next: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += `${WORDS[Math.floor(next() * WORDS.length)]} `;
  return text.slice(0, length);
}

/**
 * The canvas document as the hub lays it out (its canvases `document` module): each block is a root
 * `Y.Array` named `block:<CanvasBlock>` holding card `Y.Map`s whose `text` is a `Y.Text`. Mirrored
 * here rather than imported so the client processes load nothing of the hub. One editor makes one
 * card per block before anything is measured; every edit afterwards is an insert into a card's text.
 */
const BLOCKS = Object.values(CanvasBlock);
const rootName = (block: CanvasBlock): string => `block:${block}`;
const cardId = (block: CanvasBlock, n: number): string => `bench-${block.toLowerCase()}-${n}`;

/** `count` cards, spread over the blocks in canvas order. */
function cardSlots(count: number): Array<{ block: CanvasBlock; id: string }> {
  return Array.from({ length: count }, (_, i) => {
    const block = BLOCKS[i % BLOCKS.length]!;
    return { block, id: cardId(block, Math.floor(i / BLOCKS.length)) };
  });
}

export function createCards(doc: Y.Doc, count: number, authorId: string, origin: unknown): void {
  doc.transact(() => {
    for (const slot of cardSlots(count)) {
      const card = new Y.Map<unknown>([
        ['id', slot.id],
        ['text', new Y.Text()],
        ['authorId', authorId],
        ['colour', '#f6d365'],
        ['levers', new Y.Array<string>()],
        ['flows', new Y.Array<unknown>()],
        ['links', new Y.Array<string>()],
        ['createdAt', Date.UTC(2026, 0, 1)],
      ]);
      doc.getArray<unknown>(rootName(slot.block)).push([card]);
    }
  }, origin);
}

/** The cards' texts in slot order, or null until all `count` cards are there. */
export function cardTexts(doc: Y.Doc, count: number): Y.Text[] | null {
  const texts: Y.Text[] = [];
  for (const slot of cardSlots(count)) {
    const card = doc
      .getArray<unknown>(rootName(slot.block))
      .toArray()
      .find((element): element is Y.Map<unknown> => element instanceof Y.Map && element.get('id') === slot.id);
    const text = card?.get('text');
    if (!(text instanceof Y.Text)) return null;
    texts.push(text);
  }
  return texts;
}

/** Every block's cards with their texts, in document order: what two editors must agree on. */
export function documentContent(doc: Y.Doc): string {
  return BLOCKS.map((block) => {
    const cards = doc
      .getArray<unknown>(rootName(block))
      .toArray()
      .map((element) => (element instanceof Y.Map ? `${String(element.get('id'))}=${String(element.get('text') ?? '')}` : '?'));
    return `${block}:${cards.join('|')}`;
  }).join('\n');
}

/** Nearest-rank percentiles of a list (sorted here), rounded to 0.01. */
export function percentiles(values: ArrayLike<number>, ranks: number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return ranks.map((p) => {
    if (sorted.length === 0) return 0;
    const rank = Math.ceil((p / 100) * sorted.length);
    return Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]! * 100) / 100;
  });
}
