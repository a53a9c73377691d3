import { CanvasBlock, ServerTextCode, ServerTextParamType, type ResolveLever, type ServerTextData } from '@app/contracts';

import { BLOCK_NAMES, CLASSIC_BLOCKS, LEVER_NAMES, RESOLVE_LEVERS } from './names.js';
import type { BlockContent, CanvasContent, CardContent } from './types.js';

export interface OpenFlow {
  material: string;
  block: CanvasBlock;
  cardId: string;
  quantity: number;
  unit: string;
}

export interface CircularityReport {
  /** 0–100, see `CIRCULARITY_POINTS`. */
  score: number;
  leversCovered: ResolveLever[];
  leversMissing: ResolveLever[];
  takeBackFilled: boolean;
  adoptionFactorsFilled: boolean;
  /** OUT flows of a material that no card brings back IN: material leaving without a loop back. */
  openFlows: OpenFlow[];
  /** At most `MAX_GAPS` plain-English prompts, most important first (kept for older clients). */
  gaps: string[];
  /** The same gaps as server text (code and params), in the same order, for wording in the viewer's language. */
  gapTexts: ServerTextData[];
}

/**
 * How the score is made (100 in all). It rewards what Lewandowski adds to the classic canvas and
 * what the ReSOLVE framework asks, and it only counts what the team has written down:
 * - material loops, 30: the share of OUT flows whose material also comes back IN somewhere on the
 *   canvas; nothing when no OUT flow is recorded (a loop nobody described cannot be credited);
 * - ReSOLVE levers, 30: 5 for each of the six levers on at least one card;
 * - take-back system, 20: at least one card with text in that block;
 * - adoption factors, 10: likewise;
 * - classic blocks, 10: the share of the nine classic blocks with at least one card with text.
 * The sum is rounded to a whole number.
 */
export const CIRCULARITY_POINTS = { loops: 30, levers: 30, takeBack: 20, adoptionFactors: 10, classicBlocks: 10 } as const;

export const MAX_GAPS = 6;
const LISTED_MATERIALS = 3;

/**
 * Materials are compared as people write them in different languages and keyboards: Unicode
 * normalised, case-insensitive, spaces trimmed and collapsed.
 */
export const materialKey = (material: string): string => material.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

export function checkCircularity(content: CanvasContent): CircularityReport {
  const cards = content.blocks.flatMap(({ block, cards: blockCards }) => blockCards.map((card) => ({ block, card })));
  const present = new Set(cards.flatMap(({ card }) => card.levers));
  const leversCovered = RESOLVE_LEVERS.filter((lever) => present.has(lever));
  const leversMissing = RESOLVE_LEVERS.filter((lever) => !present.has(lever));
  const takeBackFilled = hasText(content, CanvasBlock.TAKE_BACK_SYSTEM);
  const adoptionFactorsFilled = hasText(content, CanvasBlock.ADOPTION_FACTORS);
  const flows = cards.flatMap(({ block, card }) => card.flows.map((flow) => ({ ...flow, block, cardId: card.id })));
  const comingBack = new Set(flows.filter((flow) => flow.direction === 'IN').map((flow) => materialKey(flow.material)));
  const outFlows = flows.filter((flow) => flow.direction === 'OUT');
  const openFlows: OpenFlow[] = outFlows
    .filter((flow) => !comingBack.has(materialKey(flow.material)))
    .map(({ material, block, cardId, quantity, unit }) => ({ material, block, cardId, quantity, unit }));
  const emptyClassic = CLASSIC_BLOCKS.filter((block) => !hasText(content, block));

  const points = CIRCULARITY_POINTS;
  const score =
    (outFlows.length > 0 ? (points.loops * (outFlows.length - openFlows.length)) / outFlows.length : 0) +
    (points.levers * leversCovered.length) / RESOLVE_LEVERS.length +
    (takeBackFilled ? points.takeBack : 0) +
    (adoptionFactorsFilled ? points.adoptionFactors : 0) +
    (points.classicBlocks * (CLASSIC_BLOCKS.length - emptyClassic.length)) / CLASSIC_BLOCKS.length;

  const gaps = [
    takeBackFilled ? null : 'No take-back system yet: how do products come back?',
    openFlows.length > 0 ? openFlowsGap(openFlows) : null,
    flows.length === 0 ? 'No material flows yet: what comes in, and what goes out?' : null,
    adoptionFactorsFilled ? null : 'No adoption factors yet: what would make customers and partners switch?',
    leversMissing.length > 0 ? `Levers not covered: ${leversMissing.map((lever) => LEVER_NAMES[lever]).join(', ')}` : null,
    emptyClassic.length > 0 ? `Empty blocks: ${emptyClassic.map((block) => BLOCK_NAMES[block]).join(', ')}` : null,
  ].filter((gap): gap is string => gap !== null);
  const list = (name: string, type: ServerTextParamType, values: string[]) => [
    { name, type, values },
    { name: 'count', type: ServerTextParamType.COUNT, values: [String(values.length)] },
  ];
  const describedOpen = describeOpenFlows(openFlows);
  const gapTexts: ServerTextData[] = [
    takeBackFilled ? null : { code: ServerTextCode.CIRCULARITY_NO_TAKE_BACK, params: [] },
    openFlows.length > 0
      ? {
          code: ServerTextCode.CIRCULARITY_OPEN_FLOWS,
          params: [
            { name: 'materials', type: ServerTextParamType.TEXT, values: describedOpen.slice(0, LISTED_MATERIALS) },
            { name: 'count', type: ServerTextParamType.COUNT, values: [String(describedOpen.length)] },
          ],
        }
      : null,
    flows.length === 0 ? { code: ServerTextCode.CIRCULARITY_NO_FLOWS, params: [] } : null,
    adoptionFactorsFilled ? null : { code: ServerTextCode.CIRCULARITY_NO_ADOPTION_FACTORS, params: [] },
    leversMissing.length > 0 ? { code: ServerTextCode.CIRCULARITY_LEVERS_MISSING, params: list('levers', ServerTextParamType.RESOLVE_LEVER, leversMissing) } : null,
    emptyClassic.length > 0 ? { code: ServerTextCode.CIRCULARITY_EMPTY_BLOCKS, params: list('blocks', ServerTextParamType.CANVAS_BLOCK, emptyClassic) } : null,
  ].filter((gap): gap is ServerTextData => gap !== null);

  return {
    score: Math.round(score),
    leversCovered,
    leversMissing,
    takeBackFilled,
    adoptionFactorsFilled,
    openFlows,
    gaps: gaps.slice(0, MAX_GAPS),
    gapTexts: gapTexts.slice(0, MAX_GAPS),
  };
}

function hasText(content: CanvasContent, block: CanvasBlock): boolean {
  const found: BlockContent | undefined = content.blocks.find((entry) => entry.block === block);
  return (found?.cards ?? []).some((card: CardContent) => card.text.trim() !== '');
}

/** Each open material once, with its quantities added up per unit: "felt (1.75 t/month, 30 kg/week)". */
function describeOpenFlows(openFlows: OpenFlow[]): string[] {
  const byMaterial = new Map<string, { material: string; perUnit: Map<string, number> }>();
  for (const flow of openFlows) {
    const key = materialKey(flow.material);
    const entry = byMaterial.get(key) ?? { material: flow.material.trim(), perUnit: new Map<string, number>() };
    entry.perUnit.set(flow.unit, (entry.perUnit.get(flow.unit) ?? 0) + flow.quantity);
    byMaterial.set(key, entry);
  }
  const described = [...byMaterial.values()].map(({ material, perUnit }) => {
    const amounts = [...perUnit].filter(([, quantity]) => quantity > 0).map(([unit, quantity]) => `${formatQuantity(quantity)}${unit ? ` ${unit}` : ''}`);
    return amounts.length > 0 ? `${material} (${amounts.join(', ')})` : material;
  });
  return described;
}

/** One sentence for all open flows (English, for the deprecated `gaps`). */
function openFlowsGap(openFlows: OpenFlow[]): string {
  const described = describeOpenFlows(openFlows);
  const listed = described.slice(0, LISTED_MATERIALS).join(', ');
  const more = described.length > LISTED_MATERIALS ? ` and ${described.length - LISTED_MATERIALS} more` : '';
  return `${described.length === 1 ? 'Material' : 'Materials'} leaving without a loop back: ${listed}${more}`;
}

/** Up to two decimals, without trailing zeros: 2, 1.8, 0.33. */
export const formatQuantity = (quantity: number): string => String(Math.round(quantity * 100) / 100);
