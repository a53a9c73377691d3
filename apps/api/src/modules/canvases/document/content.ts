import type { ResolveLever } from '@app/contracts';
import * as Y from 'yjs';

import { CANVAS_BLOCKS, RESOLVE_LEVERS } from './names.js';
import { CARD_KEYS, FLOW_KEYS, existingBlock, isCardMap, isLever, isUuid, type CardMap } from './schema.js';
import type { CanvasContent, CardContent, FlowContent } from './types.js';

/** What a card shows when its colour is missing or not `#rrggbb`: a pale sticky-note yellow. */
export const DEFAULT_CARD_COLOUR = '#fff4b3';

const COLOUR = /^#[0-9a-f]{6}$/;
// The range a JavaScript Date can hold; beyond it `new Date(ms).toISOString()` throws.
const MAX_TIME = 8.64e15;

/**
 * The canvas as plain data. Any Yjs client can write to the document, so nothing is trusted:
 * elements that are not card maps, cards without an id, and flows without a material or direction
 * are skipped; other missing or mistyped fields take a default. Never throws on content.
 */
export function readContent(doc: Y.Doc): CanvasContent {
  return {
    blocks: CANVAS_BLOCKS.map((block) => {
      const cards: CardContent[] = [];
      for (const element of existingBlock(doc, block) ?? []) {
        const card = isCardMap(element) ? readCard(element) : null;
        if (card) cards.push(card);
      }
      return { block, cards };
    }),
  };
}

function readCard(map: CardMap): CardContent | null {
  const id = map.get(CARD_KEYS.id);
  if (typeof id !== 'string' || id === '') return null;
  const colour = asString(map.get(CARD_KEYS.colour)).toLowerCase();
  const createdAt = map.get(CARD_KEYS.createdAt);
  return {
    id,
    text: readText(map.get(CARD_KEYS.text)),
    authorId: asString(map.get(CARD_KEYS.authorId)),
    colour: COLOUR.test(colour) ? colour : DEFAULT_CARD_COLOUR,
    levers: readLevers(map.get(CARD_KEYS.levers)),
    flows: listOf(map.get(CARD_KEYS.flows)).flatMap((flow) => {
      const read = readFlow(flow);
      return read ? [read] : [];
    }),
    links: listOf(map.get(CARD_KEYS.links)).filter(isWebLink),
    createdAt: typeof createdAt === 'number' && Math.abs(createdAt) <= MAX_TIME ? createdAt : 0,
  };
}

const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A `Y.Text`, or a plain string from a client that did not bother with one. */
function readText(value: unknown): string {
  if (value instanceof Y.Text) return value.toString();
  return asString(value);
}

/** Elements of a `Y.Array`, or of a plain array some client stored as a JSON value. */
function listOf(value: unknown): unknown[] {
  if (value instanceof Y.Array) return value.toArray();
  return Array.isArray(value) ? value : [];
}

/**
 * Known levers once each, in ReSOLVE order: two partners adding the same lever at once leave it
 * twice in the array, and the order of the acronym reads better than the order of clicks.
 */
function readLevers(value: unknown): ResolveLever[] {
  const present = new Set(listOf(value).filter(isLever));
  return RESOLVE_LEVERS.filter((lever) => present.has(lever));
}

function readFlow(value: unknown): FlowContent | null {
  const get = (key: string): unknown => {
    if (value instanceof Y.Map) return value.get(key);
    return isPlainObject(value) ? value[key] : undefined;
  };
  const material = asString(get(FLOW_KEYS.material)).trim();
  const direction = get(FLOW_KEYS.direction);
  if (material === '' || (direction !== 'IN' && direction !== 'OUT')) return null;
  const quantity = get(FLOW_KEYS.quantity);
  const listingId = get(FLOW_KEYS.listingId);
  return {
    material,
    direction,
    quantity: typeof quantity === 'number' && Number.isFinite(quantity) && quantity >= 0 ? quantity : 0,
    unit: asString(get(FLOW_KEYS.unit)).trim(),
    ...(isUuid(listingId) ? { listingId: listingId.toLowerCase() } : {}),
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** Only http(s) links are kept: exports turn them into clickable links, so `javascript:` must not pass. */
function isWebLink(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
