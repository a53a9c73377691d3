import { CanvasBlock } from './canvas-events.js';

/**
 * The layout of a canvas's Yjs document, version 1: what a client must read and write so that the
 * hub's templates, readers, exports and circularity check, and every other client, understand it.
 * The hub checks itself against this (`document/layout-contract.spec.ts`); docs/realtime.md says the
 * same in words. A change that an older client would misread gets a new version number.
 *
 * - Each block of the canvas is a ROOT-level `Y.Array` named `block:<CanvasBlock>` (e.g.
 *   `block:KEY_PARTNERS`); blocks nobody wrote to are absent. Root types are identified by name, so two
 *   clients creating the same block concurrently share one array.
 * - Each element of a block is a card: a `Y.Map` with the keys of `CANVAS_CARD_FIELDS`. Elements that
 *   are not maps, and cards without an `id`, are ignored by readers.
 * - Other root names are not part of the canvas and are ignored.
 *
 * Version 1 has been extended, additively, by the optional flow key `listingId` (a flow linked to a
 * symbiosis listing). Readers of version 1 ignore keys they do not know, so an older client still reads
 * every canvas correctly and the number stays 1; additions of this kind (optional, ignorable) keep the
 * version, anything an older client would misread bumps it. A client that rebuilds a flow map should
 * copy the keys it does not know, so it does not drop the link.
 */
export const CANVAS_DOCUMENT_LAYOUT_VERSION = 1;

/** Prefix of every block's root name. */
export const CANVAS_BLOCK_ROOT_PREFIX = 'block:';

/** The root name of a block's `Y.Array`. */
export const canvasBlockRootName = (block: CanvasBlock): string => `${CANVAS_BLOCK_ROOT_PREFIX}${block}`;

/** Every block root name, in canvas order. */
export const CANVAS_BLOCK_ROOT_NAMES: readonly string[] = Object.values(CanvasBlock).map(canvasBlockRootName);

/** How a field's value is stored in Yjs. */
export type CanvasFieldKind = 'string' | 'number' | 'Y.Text' | 'Y.Array<string>' | 'Y.Array<Y.Map>';

export interface CanvasFieldSpec {
  kind: CanvasFieldKind;
  /** What the value means, and what readers do when it is missing or malformed. */
  meaning: string;
  /** The key may be absent (an optional addition to the version). */
  optional?: boolean;
}

/** The keys of a card `Y.Map`, with how each value is stored. */
export const CANVAS_CARD_FIELDS = {
  id: { kind: 'string', meaning: 'Card id, unique in the canvas (a UUID); a card without one is ignored.' },
  text: { kind: 'Y.Text', meaning: 'The card text; a Y.Text so concurrent typing merges (a plain string is read too).' },
  authorId: { kind: 'string', meaning: 'User id of who wrote the card.' },
  colour: { kind: 'string', meaning: '#rrggbb, lower case; anything else reads as #fff4b3.' },
  levers: { kind: 'Y.Array<string>', meaning: 'ReSOLVE levers (ResolveLever values); unknown values and duplicates are ignored; read in ReSOLVE order.' },
  flows: { kind: 'Y.Array<Y.Map>', meaning: 'Material flows, each a Y.Map with the keys of CANVAS_FLOW_FIELDS.' },
  links: { kind: 'Y.Array<string>', meaning: 'http(s) URLs; other strings are ignored.' },
  createdAt: { kind: 'number', meaning: 'Creation time in milliseconds since the epoch.' },
} as const satisfies Record<string, CanvasFieldSpec>;

/** The keys of a flow `Y.Map` inside a card's `flows`. */
export const CANVAS_FLOW_FIELDS = {
  material: { kind: 'string', meaning: 'What flows, e.g. "wool offcuts"; a flow without one is ignored.' },
  direction: { kind: 'string', meaning: '"IN" (enters the business) or "OUT" (leaves it); a flow with neither is ignored.' },
  quantity: { kind: 'number', meaning: 'Amount per unit, finite and ≥ 0.' },
  unit: { kind: 'string', meaning: 'Unit of the quantity, e.g. "t/month".' },
  listingId: {
    kind: 'string',
    optional: true,
    meaning: 'Optional: the id (a UUID) of the symbiosis listing this flow is offered or wanted through; absent when the flow links to none, and a value that is not a UUID reads as absent.',
  },
} as const satisfies Record<string, CanvasFieldSpec>;

export type CanvasCardKey = keyof typeof CANVAS_CARD_FIELDS;
export type CanvasFlowKey = keyof typeof CANVAS_FLOW_FIELDS;
