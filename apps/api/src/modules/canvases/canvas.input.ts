import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { CanvasRole } from '@app/contracts';
import { PageArgs } from '@api/platform/graphql/pagination.js';
import { VisibleText } from '@api/platform/graphql/text-rules.js';

export enum CanvasTemplateName {
  EMPTY = 'EMPTY',
  TEXTILE_TAKE_BACK = 'TEXTILE_TAKE_BACK',
  CRAFT_WORKSHOP = 'CRAFT_WORKSHOP',
}
export enum CanvasExportFormat {
  MARKDOWN = 'MARKDOWN',
  JSON = 'JSON',
}
registerEnumType(CanvasTemplateName, {
  name: 'CanvasTemplate',
  description: 'What a new canvas starts with.',
  valuesMap: {
    EMPTY: { description: 'Eleven empty blocks.' },
    TEXTILE_TAKE_BACK: { description: 'A textile business with a take-back system, filled in as an example.' },
    CRAFT_WORKSHOP: { description: 'A craft workshop reusing offcuts, filled in as an example.' },
  },
});
registerEnumType(CanvasExportFormat, {
  name: 'CanvasExportFormat',
  description: 'Export formats.',
  valuesMap: {
    MARKDOWN: { description: 'A Markdown document: blocks, cards, flows and the circularity check.' },
    JSON: { description: 'A JSON document (`format: "innomed-canvas/1"`) with the same content.' },
  },
});

@InputType({ description: 'A new canvas.' })
export class CreateCanvasInput {
  @Field(() => ID, { description: 'The network it lives in.' })
  @IsUUID()
  networkId: string;

  @Field(() => ID, { description: 'Your organisation that owns it (a member of the network); its members edit.' })
  @IsUUID()
  organisationId: string;

  @Field(() => ID, { nullable: true, description: 'A challenge of the network it works on.' })
  @IsOptional()
  @IsUUID()
  challengeId?: string;

  @Field({ description: 'Title, 2–200 characters; one line, trimmed and NFC-normalised; spaces and invisible characters alone do not count.' })
  @VisibleText({ min: 2, max: 200 })
  title: string;

  @Field(() => CanvasTemplateName, { description: 'Start empty or from a template.', defaultValue: CanvasTemplateName.EMPTY })
  @IsEnum(CanvasTemplateName)
  template: CanvasTemplateName = CanvasTemplateName.EMPTY;
}

@InputType({ description: 'A role to give on a canvas (or take away with role null).' })
export class CanvasGrantInput {
  @Field(() => ID, { description: 'The canvas.' })
  @IsUUID()
  canvasId: string;

  @Field(() => ID, { nullable: true, description: 'An organisation (all its members)…' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @Field(() => ID, { nullable: true, description: '…or one user.' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @Field(() => CanvasRole, { nullable: true, description: 'The role; null takes the grant away.' })
  @IsOptional()
  @IsEnum(CanvasRole)
  role?: CanvasRole | null;
}

@ArgsType()
export class CanvasesArgs extends PageArgs {
  @Field(() => ID, { description: 'The network.' })
  @IsUUID()
  networkId: string;

  @Field(() => Boolean, { description: 'Include archived canvases.', defaultValue: false })
  @IsBoolean()
  includeArchived = false;
}
