import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CanvasBlock, CanvasRole, ResolveLever } from '@app/contracts';
import { Connection } from '@api/platform/graphql/pagination.js';
import { ServerTextModel } from '@api/platform/i18n/server-text.model.js';

/** The two values the canvas document allows for a flow's `direction` (its content reader drops others). */
export enum MaterialFlowDirection {
  IN = 'IN',
  OUT = 'OUT',
}

registerEnumType(MaterialFlowDirection, {
  name: 'MaterialFlowDirection',
  description: 'Which way a material flows.',
  valuesMap: {
    IN: { description: 'Into the business (an input, or material taken back).' },
    OUT: { description: 'Out of the business (a product, by-product or waste).' },
  },
});
registerEnumType(CanvasBlock, {
  name: 'CanvasBlock',
  description: 'The eleven blocks of the Circular Business Model Canvas.',
  valuesMap: {
    KEY_PARTNERS: { description: 'Who the business works with.' },
    KEY_ACTIVITIES: { description: 'What it does to deliver its value.' },
    KEY_RESOURCES: { description: 'What it needs: materials, skills, places.' },
    VALUE_PROPOSITIONS: { description: 'What it offers and why it matters.' },
    CUSTOMER_RELATIONSHIPS: { description: 'How it keeps in touch with its customers.' },
    CHANNELS: { description: 'How its offer reaches customers.' },
    CUSTOMER_SEGMENTS: { description: 'Whom it serves.' },
    COST_STRUCTURE: { description: 'What it costs, economically and in environmental impact.' },
    REVENUE_STREAMS: { description: 'What it earns, and the value it creates beyond money.' },
    TAKE_BACK_SYSTEM: { description: 'How products and materials come back after use.' },
    ADOPTION_FACTORS: { description: 'What helps or hinders the change to a circular model.' },
  },
});
registerEnumType(CanvasRole, {
  name: 'CanvasRole',
  description: 'EDITOR changes the canvas; VIEWER sees it live.',
  valuesMap: {
    EDITOR: { description: 'Changes the canvas and sees it live.' },
    VIEWER: { description: 'Sees the canvas live without changing it.' },
  },
});

@ObjectType({ description: 'A material flow on a card.' })
export class MaterialFlow {
  @Field({ description: 'The material.' })
  material: string;

  @Field(() => MaterialFlowDirection, { description: 'Whether the material comes into the business or leaves it.' })
  direction: MaterialFlowDirection;

  @Field(() => Float, { description: 'How much.' })
  quantity: number;

  @Field({ description: 'Unit, e.g. t/month.' })
  unit: string;

  @Field(() => ID, { nullable: true, description: 'The symbiosis listing this flow is offered or wanted through (`symbiosisListing(listingId:)` shows it to whoever may see it); null when it links to none.' })
  listingId?: string | null;
}

@ObjectType({ description: 'A card on a canvas block.' })
export class CanvasCard {
  @Field({ description: 'Card id (chosen by the client that made it).' })
  id: string;

  @Field({ description: 'The text.' })
  text: string;

  @Field({ description: 'Who made it (user id as the client wrote it).' })
  authorId: string;

  @Field({ description: 'Colour, #rrggbb.' })
  colour: string;

  @Field(() => [ResolveLever], { description: 'ReSOLVE levers it uses.' })
  levers: ResolveLever[];

  @Field(() => [MaterialFlow], { description: 'Material flows.' })
  flows: MaterialFlow[];

  @Field(() => [String], { description: 'Links.' })
  links: string[];

  @Field(() => Float, { description: 'When it was made, milliseconds since 1970.' })
  createdAt: number;
}

@ObjectType({ description: 'One block with its cards.' })
export class CanvasBlockContent {
  @Field(() => CanvasBlock, { description: 'The block.' })
  block: CanvasBlock;

  @Field(() => [CanvasCard], { description: 'Its cards, in order.' })
  cards: CanvasCard[];
}

@ObjectType({ description: 'A flow that leaves the canvas with no card taking it back in.' })
export class OpenFlow {
  @Field({ description: 'The material.' })
  material: string;

  @Field(() => CanvasBlock, { description: 'The block of its card.' })
  block: CanvasBlock;

  @Field({ description: 'The card.' })
  cardId: string;

  @Field(() => Float, { description: 'How much.' })
  quantity: number;

  @Field({ description: 'Unit.' })
  unit: string;
}

@ObjectType('CircularityReport', { description: 'How circular the canvas is, computed from its content.' })
export class CircularityReportModel {
  @Field(() => [ResolveLever], { description: 'Levers some card uses.' })
  leversCovered: ResolveLever[];

  @Field(() => [ResolveLever], { description: 'Levers no card uses.' })
  leversMissing: ResolveLever[];

  @Field({ description: 'Whether the take-back system block has content.' })
  takeBackFilled: boolean;

  @Field({ description: 'Whether the adoption factors block has content.' })
  adoptionFactorsFilled: boolean;

  @Field(() => [OpenFlow], { description: 'Material leaving without a loop back.' })
  openFlows: OpenFlow[];

  @Field(() => [String], { description: 'The main gaps, in English words.', deprecationReason: 'Use `gapMessages` (their `text`, or their `code` and `params`).' })
  gaps: string[];

  @Field(() => [ServerTextModel], {
    description: 'The main gaps (at most 6, most important first) as server text: codes `CIRCULARITY_…` with their params, worded in your preferred language.',
  })
  gapMessages: ServerTextModel[];

  @Field(() => Int, { description: 'A 0–100 summary (see docs/api.md).' })
  score: number;
}

@ObjectType({ description: 'A shared circular business model canvas.' })
export class Canvas {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => ID, { description: 'Its network.' })
  networkId: string;

  @Field(() => ID, { description: 'The owning organisation (its members edit).' })
  ownerOrganisationId: string;

  @Field(() => ID, { nullable: true, description: 'The challenge it works on, if any.' })
  challengeId: string | null;

  @Field({ description: 'Title.' })
  title: string;

  @Field(() => Int, { description: 'Sequence number of its latest stored update.' })
  seq: number;

  @Field(() => GraphQLISODateTime, { description: 'When it last changed.' })
  lastActivityAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was archived (read-only since).' })
  archivedAt: Date | null;

  @Field(() => CanvasRole, { description: 'Your role on it.' })
  viewerRole: CanvasRole;

  @Field(() => GraphQLISODateTime, { description: 'When it was created.' })
  createdAt: Date;
}

@ObjectType({ description: 'A canvas with its decoded content, for reading and export.' })
export class CanvasDocument {
  @Field(() => Canvas, { description: 'The canvas.' })
  canvas: Canvas;

  @Field(() => [CanvasBlockContent], { description: 'The eleven blocks with their cards.' })
  blocks: CanvasBlockContent[];

  @Field(() => CircularityReportModel, { description: 'The circularity check.' })
  circularity: CircularityReportModel;
}

@ObjectType({ description: 'A role on a canvas given to an organisation or a user.' })
export class CanvasGrant {
  @Field(() => ID, { nullable: true, description: 'The organisation (all its members).' })
  organisationId: string | null;

  @Field(() => ID, { nullable: true, description: 'The user.' })
  userId: string | null;

  @Field(() => CanvasRole, { description: 'The role.' })
  role: CanvasRole;
}

@ObjectType({ description: 'A named version of a canvas.' })
export class CanvasVersion {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field({ description: 'Its name.' })
  name: string;

  @Field(() => Int, { description: 'The update it was taken at.' })
  seq: number;

  @Field(() => ID, { nullable: true, description: 'Who took it.' })
  createdById: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When.' })
  createdAt: Date;
}

@ObjectType({ description: 'A run of changes by one person, close together in time.' })
export class CanvasHistoryEntry {
  @Field(() => ID, { nullable: true, description: 'Who (null for changes the hub made).' })
  userId: string | null;

  @Field(() => GraphQLISODateTime, { description: 'First change.' })
  from: Date;

  @Field(() => GraphQLISODateTime, { description: 'Last change.' })
  to: Date;

  @Field(() => [CanvasBlock], { description: 'Blocks changed.' })
  blocks: CanvasBlock[];

  @Field(() => Int, { description: 'How many updates.' })
  updates: number;
}

@ObjectType({ description: 'A canvas’s circularity changed.' })
export class CanvasCircularityChanged {
  @Field(() => ID, { description: 'The canvas.' })
  canvasId: string;

  @Field(() => CircularityReportModel, { description: 'The check as it now stands.' })
  report: CircularityReportModel;
}

export const CanvasConnection = Connection(Canvas, 'Canvas');
