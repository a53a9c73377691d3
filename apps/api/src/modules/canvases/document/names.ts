import { CanvasBlock, ResolveLever } from '@app/contracts';

/** Every block in canvas order: the nine classic blocks, then the two circular ones. */
export const CANVAS_BLOCKS: readonly CanvasBlock[] = Object.values(CanvasBlock);

/** The nine blocks of the classic Business Model Canvas. */
export const CLASSIC_BLOCKS: readonly CanvasBlock[] = CANVAS_BLOCKS.filter(
  (block) => block !== CanvasBlock.TAKE_BACK_SYSTEM && block !== CanvasBlock.ADOPTION_FACTORS,
);

/** The ReSOLVE levers in their canonical order (the order of the acronym). */
export const RESOLVE_LEVERS: readonly ResolveLever[] = Object.values(ResolveLever);

/** Headings for exports and sentences for people; plain English, no jargon beyond Lewandowski's. */
export const BLOCK_NAMES: Readonly<Record<CanvasBlock, string>> = {
  [CanvasBlock.KEY_PARTNERS]: 'Key partners',
  [CanvasBlock.KEY_ACTIVITIES]: 'Key activities',
  [CanvasBlock.KEY_RESOURCES]: 'Key resources',
  [CanvasBlock.VALUE_PROPOSITIONS]: 'Value propositions',
  [CanvasBlock.CUSTOMER_RELATIONSHIPS]: 'Customer relationships',
  [CanvasBlock.CHANNELS]: 'Channels',
  [CanvasBlock.CUSTOMER_SEGMENTS]: 'Customer segments',
  [CanvasBlock.COST_STRUCTURE]: 'Cost structure',
  [CanvasBlock.REVENUE_STREAMS]: 'Revenue streams',
  [CanvasBlock.TAKE_BACK_SYSTEM]: 'Take-back system',
  [CanvasBlock.ADOPTION_FACTORS]: 'Adoption factors',
};

export const LEVER_NAMES: Readonly<Record<ResolveLever, string>> = {
  [ResolveLever.REGENERATE]: 'Regenerate',
  [ResolveLever.SHARE]: 'Share',
  [ResolveLever.OPTIMISE]: 'Optimise',
  [ResolveLever.LOOP]: 'Loop',
  [ResolveLever.VIRTUALISE]: 'Virtualise',
  [ResolveLever.EXCHANGE]: 'Exchange',
};
