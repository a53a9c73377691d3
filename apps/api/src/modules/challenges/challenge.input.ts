import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CciSubsector, ChallengeStatus, ResolveLever } from '@app/contracts';
import { PageArgs } from '@api/platform/graphql/pagination.js';
import { IsBcp47 } from '@api/modules/identity/users/locale.validators.js';
import { SingleLine, VisibleText } from '@api/platform/graphql/text-rules.js';

@InputType({ description: 'A link attached to a challenge.' })
export class AttachmentInput {
  @Field({ description: 'What it is, 1–200 characters; one line, trimmed and NFC-normalised; spaces and invisible characters alone do not count.' })
  @VisibleText({ min: 1, max: 200 })
  title: string;

  @Field({ description: 'An http(s) URL.' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url: string;
}

@InputType({ description: 'A new challenge, saved as DRAFT until it is opened.' })
export class PostChallengeInput {
  @Field(() => ID, { description: 'The network to post it in.' })
  @IsUUID()
  networkId: string;

  @Field(() => ID, { description: 'The posting organisation: yours, and a member of the network.' })
  @IsUUID()
  organisationId: string;

  @Field({ description: 'Title, 5–200 characters; one line, trimmed and NFC-normalised; spaces and invisible characters alone do not count.' })
  @VisibleText({ min: 5, max: 200 })
  title: string;

  @Field({ description: 'Description in Markdown, stored as written and never rendered by the server; at most 20,000 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  description: string;

  @Field(() => [ResolveLever], { nullable: true, description: 'ReSOLVE levers involved.' })
  @IsOptional()
  @ArrayMaxSize(6)
  @IsEnum(ResolveLever, { each: true })
  levers?: ResolveLever[];

  @Field(() => [String], { nullable: true, description: 'Materials or waste streams, free tags of 1–50 characters, at most 20.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(50, { each: true })
  @SingleLine()
  materials?: string[];

  @Field(() => [CciSubsector], { nullable: true, description: 'CCI subsectors concerned.' })
  @IsOptional()
  @ArrayMaxSize(14)
  @IsEnum(CciSubsector, { each: true })
  subsectors?: CciSubsector[];

  @Field({ description: 'Language of the text, a BCP 47 tag (it, el, fr, ar, en, …).' })
  @IsBcp47()
  language: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Optional deadline for answers.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  deadline?: Date;

  @Field(() => [AttachmentInput], { nullable: true, description: 'Links, at most 10.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AttachmentInput)
  attachments?: AttachmentInput[];
}

@InputType({ description: 'Challenge fields to change; omitted fields stay as they are.' })
export class UpdateChallengeInput extends PartialType(OmitType(PostChallengeInput, ['networkId', 'organisationId'] as const)) {}

@ArgsType()
export class ChallengeIdArgs {
  @Field(() => ID, { description: 'The challenge.' })
  @IsUUID()
  challengeId: string;
}

@ArgsType()
export class TransitionArgs extends ChallengeIdArgs {
  @Field(() => ChallengeStatus, { description: 'The status to move to.' })
  @IsEnum(ChallengeStatus)
  to: ChallengeStatus;
}

@InputType({ description: 'Which challenges to list.' })
export class ChallengeFilter {
  @Field(() => ID, { nullable: true, description: 'Only this network.' })
  @IsOptional()
  @IsUUID()
  networkId?: string;

  @Field(() => ChallengeStatus, { nullable: true, description: 'Only this status (drafts only of your own organisations).' })
  @IsOptional()
  @IsEnum(ChallengeStatus)
  status?: ChallengeStatus;

  @Field(() => String, { nullable: true, description: 'Only challenges posted from this country.' })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @Field(() => ResolveLever, { nullable: true, description: 'Only challenges tagged with this lever.' })
  @IsOptional()
  @IsEnum(ResolveLever)
  lever?: ResolveLever;

  @Field(() => CciSubsector, { nullable: true, description: 'Only challenges in this subsector.' })
  @IsOptional()
  @IsEnum(CciSubsector)
  subsector?: CciSubsector;

  @Field(() => String, { nullable: true, description: 'Only challenges with this material tag.' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  @SingleLine()
  tag?: string;

  @Field(() => String, { nullable: true, description: 'Only challenges written in this language: its ISO 639-1 code (it, el, fr, ar, en, …); `fr` also finds texts tagged `fr-TN`.' })
  @IsOptional()
  @Matches(/^[a-zA-Z]{2}$/, { message: 'language must be an ISO 639-1 code of two letters' })
  language?: string;

  @Field(() => String, { nullable: true, description: 'Full-text search in Italian, Greek, French, Arabic or English; results by relevance.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @SingleLine()
  search?: string;
}

@ArgsType()
export class ChallengesArgs extends PageArgs {
  @Field(() => ChallengeFilter, { nullable: true, description: 'Filters; none lists every challenge you can see, newest first.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChallengeFilter)
  filter?: ChallengeFilter;
}

@InputType({ description: 'A proposal answering a challenge.' })
export class AnswerInput {
  @Field(() => ID, { description: 'The challenge.' })
  @IsUUID()
  challengeId: string;

  @Field(() => ID, { description: 'Your organisation that is a member of the challenge’s network.' })
  @IsUUID()
  organisationId: string;

  @Field({ description: 'The proposal in Markdown, 1–20,000 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  body: string;

  @Field(() => [ResolveLever], { nullable: true, description: 'ReSOLVE levers the proposal uses.' })
  @IsOptional()
  @ArrayMaxSize(6)
  @IsEnum(ResolveLever, { each: true })
  levers?: ResolveLever[];

  @Field(() => String, { nullable: true, description: 'Estimate of the effort, e.g. "3 months, 2 people"; at most 200 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @SingleLine()
  effortEstimate?: string;
}

@InputType({ description: 'Answer fields to change; omitted fields stay as they are.' })
export class EditAnswerInput extends PartialType(OmitType(AnswerInput, ['challengeId', 'organisationId'] as const)) {}

@ArgsType()
export class AnswerIdArgs {
  @Field(() => ID, { description: 'The answer.' })
  @IsUUID()
  answerId: string;
}

@ArgsType()
export class VoteArgs extends AnswerIdArgs {
  @Field(() => Int, { description: '1 for up, -1 for down, 0 to take your vote back.' })
  @IsInt()
  @IsIn([-1, 0, 1])
  value: number;
}

@ArgsType()
export class CommentArgs extends AnswerIdArgs {
  @Field({ description: 'The comment, 1–5,000 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  body: string;
}

@ArgsType()
export class FollowArgs extends ChallengeIdArgs {
  @Field({ description: 'true to follow, false to stop.' })
  @IsBoolean()
  follow: boolean;
}


@ArgsType()
export class CommentIdArgs {
  @Field(() => ID, { description: 'The comment.' })
  @IsUUID()
  commentId: string;
}

@ArgsType()
export class EditCommentArgs extends CommentIdArgs {
  @Field({ description: 'The new text, 1–5,000 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  body: string;
}
