import type { CanvasBlock, ResolveLever } from '@app/contracts';

import { formatQuantity, type CircularityReport, type OpenFlow } from './circularity.js';
import { BLOCK_NAMES, LEVER_NAMES } from './names.js';
import type { CanvasContent, CardContent, FlowContent } from './types.js';

/** The `format` of every JSON export; a new number when the shape changes incompatibly. */
export const CANVAS_JSON_FORMAT = 'innomed-canvas/1';

/**
 * The JSON export, `innomed-canvas/1`. Keys always appear in this order; blocks in canvas order,
 * each with its English `name`, all eleven present even when empty; cards in document order.
 * `createdAt` is milliseconds since the epoch; levers are `ResolveLever` values in ReSOLVE order.
 */
export interface CanvasJsonExport {
  format: typeof CANVAS_JSON_FORMAT;
  title: string;
  blocks: {
    block: CanvasBlock;
    name: string;
    cards: {
      id: string;
      text: string;
      authorId: string;
      colour: string;
      levers: ResolveLever[];
      flows: FlowContent[];
      links: string[];
      createdAt: number;
    }[];
  }[];
  circularity: {
    score: number;
    leversCovered: ResolveLever[];
    leversMissing: ResolveLever[];
    takeBackFilled: boolean;
    adoptionFactorsFilled: boolean;
    openFlows: OpenFlow[];
    gaps: string[];
  };
}

/** The export as an object (for an API field) — `toJson` is this, serialised. */
export function toJsonExport(title: string, content: CanvasContent, circularity: CircularityReport): CanvasJsonExport {
  return {
    format: CANVAS_JSON_FORMAT,
    title,
    blocks: content.blocks.map(({ block, cards }) => ({
      block,
      name: BLOCK_NAMES[block],
      cards: cards.map((card) => ({
        id: card.id,
        text: card.text,
        authorId: card.authorId,
        colour: card.colour,
        levers: [...card.levers],
        flows: card.flows.map(({ material, direction, quantity, unit, listingId }) => ({ material, direction, quantity, unit, ...(listingId ? { listingId } : {}) })),
        links: [...card.links],
        createdAt: card.createdAt,
      })),
    })),
    circularity: {
      score: circularity.score,
      leversCovered: [...circularity.leversCovered],
      leversMissing: [...circularity.leversMissing],
      takeBackFilled: circularity.takeBackFilled,
      adoptionFactorsFilled: circularity.adoptionFactorsFilled,
      openFlows: circularity.openFlows.map(({ material, block, cardId, quantity, unit }) => ({ material, block, cardId, quantity, unit })),
      gaps: [...circularity.gaps],
    },
  };
}

/** The `innomed-canvas/1` export, pretty-printed. */
export function toJson(title: string, content: CanvasContent, circularity: CircularityReport): string {
  return `${JSON.stringify(toJsonExport(title, content, circularity), null, 2)}\n`;
}

/**
 * Makes user text literal in CommonMark: characters that mean something anywhere are escaped, and
 * so are those that only mean something at the start of a line (lists, headings, block quotes).
 * Leading spaces go, since four of them would start a code block.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .trimStart()
        .replace(/[\\`*_[\]{}<>#|~&!]/g, '\\$&')
        // A list marker needs a space after it; a line of dashes or equals signs is a rule or underline.
        .replace(/^(?:[-+](?=\s|$)|[-=](?=[-=\s]*$))/, '\\$&')
        .replace(/^(\d{1,9})(?=[.)](?:\s|$))/, '$1\\'),
    )
    .join('\n');
}

/** A Markdown document for sharing outside the hub: one section per block, then the circularity check. */
export function toMarkdown(title: string, content: CanvasContent, circularity: CircularityReport): string {
  const lines: string[] = [`# ${inline(title) || 'Untitled canvas'}`, ''];
  for (const { block, cards } of content.blocks) {
    lines.push(`## ${BLOCK_NAMES[block]}`, '');
    if (cards.length === 0) lines.push('_No cards yet._');
    for (const card of cards) lines.push(...cardLines(card));
    lines.push('');
  }
  lines.push('## Circularity check', '', `Score: ${circularity.score}/100`, '');
  lines.push(`- Levers covered: ${leverList(circularity.leversCovered)}`);
  lines.push(`- Levers missing: ${leverList(circularity.leversMissing)}`);
  lines.push(`- Take-back system: ${circularity.takeBackFilled ? 'yes' : 'not yet'}`);
  lines.push(`- Adoption factors: ${circularity.adoptionFactorsFilled ? 'yes' : 'not yet'}`);
  for (const flow of circularity.openFlows) {
    lines.push(`- Leaves without a loop back: ${inline(flow.material)}${amount(flow)} (${BLOCK_NAMES[flow.block]})`);
  }
  if (circularity.gaps.length > 0) {
    lines.push('', '### Questions for the team', '');
    for (const gap of circularity.gaps) lines.push(`- ${inline(gap)}`);
  }
  return `${lines.join('\n')}\n`;
}

function cardLines(card: CardContent): string[] {
  const levers = card.levers.length > 0 ? ` _(${card.levers.map((lever) => LEVER_NAMES[lever]).join(', ')})_` : '';
  // Continuation lines are indented under the bullet and joined by hard breaks, so a multi-line
  // card stays one list item.
  const text = escapeMarkdown(card.text).split('\n').join('\\\n  ');
  const lines = [`- ${text || '_(no text)_'}${levers}`];
  for (const flow of card.flows) lines.push(`  - ${flow.direction === 'IN' ? 'In' : 'Out'}: ${inline(flow.material)}${amount(flow)}`);
  for (const link of card.links) lines.push(`  - ${linkText(link)}`);
  return lines;
}

/**
 * An autolink for http(s) URLs; the WHATWG serialisation percent-encodes spaces and angle brackets,
 * so the link cannot break out of `<…>`. Anything else is shown as escaped text.
 */
function linkText(link: string): string {
  try {
    const url = new URL(link);
    if (url.protocol === 'https:' || url.protocol === 'http:') return `<${url.href}>`;
  } catch {
    // Not a URL: shown as text below.
  }
  return inline(link);
}

/** User text inside one line: line breaks become spaces. */
const inline = (text: string): string => escapeMarkdown(text.replace(/\s+/g, ' ').trim());

const amount = (flow: { quantity: number; unit: string }): string => (flow.quantity > 0 ? `, ${formatQuantity(flow.quantity)}${flow.unit ? ` ${inline(flow.unit)}` : ''}` : '');

const leverList = (levers: readonly ResolveLever[]): string => (levers.length > 0 ? levers.map((lever) => LEVER_NAMES[lever]).join(', ') : 'none');
