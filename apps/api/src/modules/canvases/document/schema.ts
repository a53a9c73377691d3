import { CANVAS_BLOCK_ROOT_PREFIX, CANVAS_CARD_FIELDS, CANVAS_FLOW_FIELDS, CanvasBlock, ResolveLever, canvasBlockRootName, type CanvasCardKey, type CanvasFlowKey } from '@app/contracts';
import * as Y from 'yjs';

import { RESOLVE_LEVERS } from './names.js';
import type { CardContent, FlowContent } from './types.js';

/**
 * The canvas document layout, published as a versioned contract in `libs/contracts`
 * (canvas-document.ts) and docs/realtime.md; this module writes it. Each block is a ROOT-level `Y.Array` named `block:<CanvasBlock>`.
 * Root types are identified by name, so two clients that create the same block concurrently get the
 * same array and both edits survive; a nested array set as a map value concurrently by two clients
 * would be two different arrays, and one client's cards would silently lose.
 *
 * A card is a `Y.Map` with the keys of `CARD_KEYS`; its `text` is a `Y.Text` so two partners typing in
 * the same card merge character by character, and `levers`, `flows` and `links` are `Y.Array`s so
 * concurrent additions all survive. Any Yjs client may write to the document, so readers must not
 * trust the layout: see `content.ts`.
 */
export const BLOCK_ROOT_PREFIX = CANVAS_BLOCK_ROOT_PREFIX;

/** Card and flow keys, from the published layout (`libs/contracts`, canvas-document.ts). */
export const CARD_KEYS = Object.fromEntries(Object.keys(CANVAS_CARD_FIELDS).map((key) => [key, key])) as { readonly [K in CanvasCardKey]: K };

export const FLOW_KEYS = Object.fromEntries(Object.keys(CANVAS_FLOW_FIELDS).map((key) => [key, key])) as { readonly [K in CanvasFlowKey]: K };

/** A card as stored. Values are `unknown` because other clients may have written anything. */
export type CardMap = Y.Map<unknown>;

/** The card to add: levers, flows and links may be left out. */
export type NewCard = Omit<CardContent, 'levers' | 'flows' | 'links'> & Partial<Pick<CardContent, 'levers' | 'flows' | 'links'>>;

const COLOUR = /^#[0-9a-f]{6}$/i;

export const rootNameOf = canvasBlockRootName;

/** The block named by a root type name, or null for roots that are not blocks. */
export function blockOfRootName(name: string): CanvasBlock | null {
  if (!name.startsWith(BLOCK_ROOT_PREFIX)) return null;
  const block = name.slice(BLOCK_ROOT_PREFIX.length);
  return (Object.values(CanvasBlock) as string[]).includes(block) ? (block as CanvasBlock) : null;
}

/**
 * The block's array, created if needed. Elements are `unknown`: this module only writes card maps,
 * but another client may have pushed anything, so callers check each element.
 */
export function blockOf(doc: Y.Doc, block: CanvasBlock): Y.Array<unknown> {
  return doc.getArray<unknown>(rootNameOf(block));
}

/**
 * The block's array if the document has one, without defining a root for readers. Null when the
 * block was never written or another client defined the name as a different type (a map, a text).
 */
export function existingBlock(doc: Y.Doc, block: CanvasBlock): Y.Array<unknown> | null {
  const name = rootNameOf(block);
  const root = doc.share.get(name);
  if (!root) return null;
  if (root instanceof Y.Array) return root as Y.Array<unknown>;
  // A root received from a peer is untyped until someone asks for it; it becomes an array here,
  // and only a root already typed as something else refuses.
  if (root.constructor !== Y.AbstractType) return null;
  return doc.getArray<unknown>(name);
}

/** Whether `blockOf` can hand out this block: it is absent, an array, or not yet typed. */
export function canHoldBlock(doc: Y.Doc, block: CanvasBlock): boolean {
  const root = doc.share.get(rootNameOf(block));
  return !root || root instanceof Y.Array || root.constructor === Y.AbstractType;
}

export const isCardMap = (value: unknown): value is CardMap => value instanceof Y.Map;

export function isLever(value: unknown): value is ResolveLever {
  return typeof value === 'string' && (RESOLVE_LEVERS as readonly string[]).includes(value);
}

/** The first card of the block with this id, with its index. */
export function findCard(doc: Y.Doc, block: CanvasBlock, cardId: string): { card: CardMap; index: number } | null {
  const cards = existingBlock(doc, block);
  if (!cards) return null;
  let index = 0;
  for (const element of cards) {
    if (isCardMap(element) && element.get(CARD_KEYS.id) === cardId) return { card: element, index };
    index += 1;
  }
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is a UUID (any version), as a flow's `listingId` must be. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

function assertFlow(flow: FlowContent): void {
  if (typeof flow.material !== 'string' || flow.material.trim() === '') throw new RangeError('A flow needs a material');
  if (flow.direction !== 'IN' && flow.direction !== 'OUT') throw new RangeError(`Unknown flow direction: ${String(flow.direction)}`);
  if (!Number.isFinite(flow.quantity) || flow.quantity < 0) throw new RangeError(`Flow quantity must be a finite number ≥ 0: ${flow.quantity}`);
  if (flow.listingId !== undefined && !isUuid(flow.listingId)) throw new RangeError(`A flow's listingId must be a UUID: ${String(flow.listingId)}`);
}

function assertCard(card: NewCard): void {
  if (card.id === '') throw new RangeError('A card needs an id');
  if (!COLOUR.test(card.colour)) throw new RangeError(`Card colour must be #rrggbb: ${card.colour}`);
  for (const lever of card.levers ?? []) if (!isLever(lever)) throw new RangeError(`Unknown lever: ${String(lever)}`);
  for (const flow of card.flows ?? []) assertFlow(flow);
  if (!Number.isFinite(card.createdAt)) throw new RangeError('createdAt must be a finite number of milliseconds');
}

const flowMap = (flow: FlowContent): Y.Map<unknown> =>
  new Y.Map<unknown>([
    [FLOW_KEYS.material, flow.material],
    [FLOW_KEYS.direction, flow.direction],
    [FLOW_KEYS.quantity, flow.quantity],
    [FLOW_KEYS.unit, flow.unit],
    ...(flow.listingId !== undefined ? ([[FLOW_KEYS.listingId, flow.listingId]] as const) : []),
  ]);

/** Appends a card to the block (or inserts it at `index`) and returns its map. */
export function addCard(doc: Y.Doc, block: CanvasBlock, card: NewCard, index?: number): CardMap {
  assertCard(card);
  const map = new Y.Map<unknown>([
    [CARD_KEYS.id, card.id],
    [CARD_KEYS.text, new Y.Text(card.text)],
    [CARD_KEYS.authorId, card.authorId],
    [CARD_KEYS.colour, card.colour.toLowerCase()],
    [CARD_KEYS.levers, Y.Array.from<string>([...new Set(card.levers ?? [])])],
    [CARD_KEYS.flows, Y.Array.from((card.flows ?? []).map(flowMap))],
    [CARD_KEYS.links, Y.Array.from<string>(card.links ?? [])],
    [CARD_KEYS.createdAt, card.createdAt],
  ]);
  doc.transact(() => {
    const cards = blockOf(doc, block);
    cards.insert(Math.min(Math.max(index ?? cards.length, 0), cards.length), [map]);
  });
  return map;
}

/**
 * Where `before` and `after` differ: the common prefix and suffix stay, so a partner typing elsewhere
 * in the same card keeps their edit. Boundaries never split a UTF-16 surrogate pair, which Yjs would
 * otherwise turn into replacement characters.
 */
export function textDiff(before: string, after: string): { index: number; remove: number; insert: string } {
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix += 1;
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix -= 1;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix += 1;
  }
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix -= 1;
  return { index: prefix, remove: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) };
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Sets the card's text through the smallest edit. False when the card is not in the block. */
export function updateCardText(doc: Y.Doc, block: CanvasBlock, cardId: string, text: string): boolean {
  const found = findCard(doc, block, cardId);
  if (!found) return false;
  doc.transact(() => {
    const current = found.card.get(CARD_KEYS.text);
    if (!(current instanceof Y.Text)) {
      found.card.set(CARD_KEYS.text, new Y.Text(text));
      return;
    }
    const diff = textDiff(current.toString(), text);
    if (diff.remove > 0) current.delete(diff.index, diff.remove);
    if (diff.insert !== '') current.insert(diff.index, diff.insert);
  });
  return true;
}

/**
 * Makes the card's levers exactly `levers`: removes the others (and duplicates left by concurrent
 * additions), appends the missing ones. Untouched levers stay, so concurrent changes merge.
 */
export function setCardLevers(doc: Y.Doc, block: CanvasBlock, cardId: string, levers: readonly ResolveLever[]): boolean {
  for (const lever of levers) if (!isLever(lever)) throw new RangeError(`Unknown lever: ${String(lever)}`);
  const found = findCard(doc, block, cardId);
  if (!found) return false;
  const wanted = new Set<string>(levers);
  doc.transact(() => {
    const current = found.card.get(CARD_KEYS.levers);
    if (!(current instanceof Y.Array)) {
      found.card.set(CARD_KEYS.levers, Y.Array.from<string>([...wanted]));
      return;
    }
    const kept = new Set<unknown>();
    const values = current.toArray();
    for (let index = values.length - 1; index >= 0; index -= 1) {
      const value = values[index];
      // Walking backwards keeps the first occurrence of a duplicate, which every client agrees on.
      const duplicate = values.indexOf(value) !== index;
      if (!wanted.has(value as string) || duplicate) current.delete(index, 1);
      else kept.add(value);
    }
    const missing = [...wanted].filter((lever) => !kept.has(lever));
    if (missing.length > 0) current.push(missing);
  });
  return true;
}

/** Appends a material flow to the card. False when the card is not in the block. */
export function addFlow(doc: Y.Doc, block: CanvasBlock, cardId: string, flow: FlowContent): boolean {
  assertFlow(flow);
  const found = findCard(doc, block, cardId);
  if (!found) return false;
  doc.transact(() => {
    const flows = found.card.get(CARD_KEYS.flows);
    if (flows instanceof Y.Array) flows.push([flowMap(flow)]);
    else found.card.set(CARD_KEYS.flows, Y.Array.from([flowMap(flow)]));
  });
  return true;
}

/** Removes every card of the block with this id. False when there was none. */
export function removeCard(doc: Y.Doc, block: CanvasBlock, cardId: string): boolean {
  const cards = existingBlock(doc, block);
  if (!cards) return false;
  const indexes: number[] = [];
  cards.forEach((element, index) => {
    if (isCardMap(element) && element.get(CARD_KEYS.id) === cardId) indexes.push(index);
  });
  if (indexes.length === 0) return false;
  doc.transact(() => {
    for (const index of indexes.reverse()) cards.delete(index, 1);
  });
  return true;
}
