import { randomUUID } from 'node:crypto';

import { CanvasBlock, ResolveLever } from '@app/contracts';
import type * as Y from 'yjs';

import { addCard } from './schema.js';
import type { FlowContent } from './types.js';

export type CanvasTemplate = 'EMPTY' | 'TEXTILE_TAKE_BACK' | 'CRAFT_WORKSHOP';

export const CANVAS_TEMPLATES: readonly CanvasTemplate[] = ['EMPTY', 'TEXTILE_TAKE_BACK', 'CRAFT_WORKSHOP'];

interface StarterCard {
  block: CanvasBlock;
  text: string;
  levers?: ResolveLever[];
  flows?: FlowContent[];
}

export interface TemplateOptions {
  /** Card ids; random UUIDs unless a caller (a test, a demo seed) needs them fixed. */
  newId?: () => string;
  /** The creation time stamped on every card, in ms. */
  now?: number;
}

/** What wrote the template's transaction, for observers that attribute changes. */
export interface TemplateOrigin {
  kind: 'template';
  template: CanvasTemplate;
  authorId: string;
}

const { REGENERATE, SHARE, OPTIMISE, LOOP, EXCHANGE } = ResolveLever;

const flow = (material: string, direction: 'IN' | 'OUT', quantity: number, unit: string): FlowContent => ({ material, direction, quantity, unit });

// Starter text is short plain English with no idioms: partners read it through machine translation.
// Each template leaves something for the circularity check to ask about, so the first gap a team
// sees is a real question rather than an empty canvas.
const TEXTILE_TAKE_BACK: StarterCard[] = [
  { block: CanvasBlock.KEY_PARTNERS, text: 'Tailors and knitwear makers who give us their wool offcuts', levers: [LOOP] },
  { block: CanvasBlock.KEY_PARTNERS, text: 'The municipality: collection points at recycling centres and weekly markets', levers: [SHARE] },
  { block: CanvasBlock.KEY_PARTNERS, text: 'A carding and spinning mill that regenerates wool mechanically' },
  {
    block: CanvasBlock.KEY_ACTIVITIES,
    text: 'Sort offcuts by colour and fibre, so the yarn needs no new dye',
    levers: [OPTIMISE],
    flows: [flow('wool offcuts', 'IN', 2, 't/month')],
  },
  {
    block: CanvasBlock.KEY_ACTIVITIES,
    text: 'Shred, card and spin the sorted wool into regenerated yarn',
    levers: [LOOP],
    flows: [flow('regenerated yarn', 'OUT', 1.8, 't/month'), flow('short fibres', 'OUT', 0.2, 't/month')],
  },
  { block: CanvasBlock.KEY_RESOURCES, text: 'Colour-sorting know-how and a stock of sorted offcuts' },
  { block: CanvasBlock.KEY_RESOURCES, text: 'Mill powered by rooftop solar panels', levers: [REGENERATE] },
  { block: CanvasBlock.VALUE_PROPOSITIONS, text: 'Soft wool yarn with a low footprint, traceable to the workshop it came from', levers: [EXCHANGE] },
  { block: CanvasBlock.CUSTOMER_RELATIONSHIPS, text: 'A yarn passport on every cone: origin, fibre content, how to return it' },
  { block: CanvasBlock.CHANNELS, text: 'Direct sales to knitwear brands; samples at trade fairs' },
  { block: CanvasBlock.CUSTOMER_SEGMENTS, text: 'Small knitwear and accessories brands in the Mediterranean region' },
  { block: CanvasBlock.COST_STRUCTURE, text: 'Sorting labour, mill fees, transport between collection points' },
  { block: CanvasBlock.REVENUE_STREAMS, text: 'Yarn sales per kilo; a small fee from brands for the take-back service' },
  {
    block: CanvasBlock.TAKE_BACK_SYSTEM,
    text: 'Take-back scheme: people return worn knitwear made from our yarn at municipal collection points and get a discount voucher',
    levers: [LOOP, SHARE],
    flows: [flow('regenerated yarn', 'IN', 0.3, 't/month')],
  },
  { block: CanvasBlock.ADOPTION_FACTORS, text: 'Brands need a stable colour range and the same quality as virgin wool' },
  { block: CanvasBlock.ADOPTION_FACTORS, text: 'Collection points must be close to home and open at weekends' },
];

const CRAFT_WORKSHOP: StarterCard[] = [
  { block: CanvasBlock.KEY_PARTNERS, text: 'Demolition firms and the municipal reuse centre supply old timber', levers: [LOOP] },
  { block: CanvasBlock.KEY_PARTNERS, text: 'Other makers who share the workshop, its machines and its tools', levers: [SHARE] },
  {
    block: CanvasBlock.KEY_ACTIVITIES,
    text: 'Repair, refinish and remake furniture from reclaimed timber',
    levers: [LOOP],
    flows: [flow('reclaimed timber', 'IN', 1.5, 'm³/month'), flow('furniture', 'OUT', 30, 'pieces/month'), flow('sawdust and shavings', 'OUT', 0.2, 't/month')],
  },
  { block: CanvasBlock.KEY_ACTIVITIES, text: 'Repair classes for the public on Saturdays' },
  { block: CanvasBlock.KEY_RESOURCES, text: 'Skilled hands, a shared workshop, a stock of sorted timber' },
  { block: CanvasBlock.VALUE_PROPOSITIONS, text: 'Furniture with a story, made to be repaired; free repairs for five years', levers: [OPTIMISE] },
  { block: CanvasBlock.CUSTOMER_RELATIONSHIPS, text: 'A repair card with every piece; open workshop days' },
  { block: CanvasBlock.CHANNELS, text: 'Workshop showroom, craft markets, an online shop showing where each piece comes from' },
  { block: CanvasBlock.CUSTOMER_SEGMENTS, text: 'Households, and small hotels and restaurants that renovate their interiors' },
  { block: CanvasBlock.COST_STRUCTURE, text: 'Labour, timber collection and transport, shared workshop rent' },
  { block: CanvasBlock.REVENUE_STREAMS, text: 'Furniture sales, paid repairs, class fees' },
  {
    block: CanvasBlock.TAKE_BACK_SYSTEM,
    text: 'We buy our pieces back at 20% of the price to refurbish them or reuse the timber',
    levers: [LOOP],
    flows: [flow('furniture', 'IN', 5, 'pieces/month')],
  },
  { block: CanvasBlock.ADOPTION_FACTORS, text: 'Price within 30% of new flat-pack furniture; delivery within two weeks' },
];

const STARTERS: Record<CanvasTemplate, StarterCard[]> = { EMPTY: [], TEXTILE_TAKE_BACK, CRAFT_WORKSHOP };

// One colour per block, so a starter canvas is readable at a glance.
const STARTER_COLOURS: Record<CanvasBlock, string> = {
  [CanvasBlock.KEY_PARTNERS]: '#cfe8fc',
  [CanvasBlock.KEY_ACTIVITIES]: '#d7f5dd',
  [CanvasBlock.KEY_RESOURCES]: '#e8e0fb',
  [CanvasBlock.VALUE_PROPOSITIONS]: '#fff4b3',
  [CanvasBlock.CUSTOMER_RELATIONSHIPS]: '#ffe0cc',
  [CanvasBlock.CHANNELS]: '#fde2ef',
  [CanvasBlock.CUSTOMER_SEGMENTS]: '#dff3f1',
  [CanvasBlock.COST_STRUCTURE]: '#f1e6d8',
  [CanvasBlock.REVENUE_STREAMS]: '#e5f4cc',
  [CanvasBlock.TAKE_BACK_SYSTEM]: '#c8f0c0',
  [CanvasBlock.ADOPTION_FACTORS]: '#f9d9d9',
};

/**
 * Appends the template's starter cards, all by `authorId`, in one transaction (one update for
 * everyone). EMPTY writes nothing: blocks need no creating, a root appears on first write.
 */
export function applyTemplate(doc: Y.Doc, template: CanvasTemplate, authorId: string, options: TemplateOptions = {}): void {
  const starters = STARTERS[template];
  if (!starters) throw new RangeError(`Unknown canvas template: ${String(template)}`);
  const newId = options.newId ?? randomUUID;
  const createdAt = options.now ?? Date.now();
  const origin: TemplateOrigin = { kind: 'template', template, authorId };
  doc.transact(() => {
    for (const starter of starters) {
      addCard(doc, starter.block, {
        id: newId(),
        text: starter.text,
        authorId,
        colour: STARTER_COLOURS[starter.block],
        levers: starter.levers ?? [],
        flows: starter.flows ?? [],
        links: [],
        createdAt,
      });
    }
  }, origin);
}
