import type { CanvasBlock, ResolveLever } from '@app/contracts';

/** Whether material enters the business (IN) or leaves it (OUT). */
export type FlowDirection = 'IN' | 'OUT';

export interface FlowContent {
  material: string;
  direction: FlowDirection;
  /** Amount per `unit`, e.g. 2 with unit `t/month`. */
  quantity: number;
  unit: string;
  /** The symbiosis listing the flow is linked to; absent when it links to none. */
  listingId?: string;
}

/** A card as plain data: what readers get, and what writers hand to `addCard`. */
export interface CardContent {
  id: string;
  text: string;
  authorId: string;
  /** `#rrggbb`. */
  colour: string;
  levers: ResolveLever[];
  flows: FlowContent[];
  /** http(s) URLs. */
  links: string[];
  /** Milliseconds since the epoch. */
  createdAt: number;
}

export interface BlockContent {
  block: CanvasBlock;
  cards: CardContent[];
}

/** The whole canvas as plain data: every block in `CanvasBlock` order, cards in document order. */
export interface CanvasContent {
  blocks: BlockContent[];
}
