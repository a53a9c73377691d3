import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CciSubsector, MeetingOutcome, OpportunityDirection, OpportunityType, ResolveLever } from '@app/contracts';
import { PageArgs } from '@api/platform/graphql/pagination.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

@InputType({ description: 'A break, local time.' })
export class BreakInput {
  @Field({ description: 'Start, HH:MM.' })
  @Matches(TIME)
  start: string;

  @Field({ description: 'End, HH:MM.' })
  @Matches(TIME)
  end: string;
}

@InputType({ description: 'One day of a session, local to the session’s time zone.' })
export class SessionDayInput {
  @Field({ description: 'Date, YYYY-MM-DD.' })
  @Matches(DATE)
  date: string;

  @Field({ description: 'Opening, HH:MM.' })
  @Matches(TIME)
  start: string;

  @Field({ description: 'Closing, HH:MM.' })
  @Matches(TIME)
  end: string;

  @Field(() => [BreakInput], { description: 'Breaks (at most 10).', defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => BreakInput)
  breaks: BreakInput[] = [];
}

@InputType({ description: 'Settings of a session that may change.' })
export class UpdateSessionInput {
  @Field(() => String, { nullable: true, description: 'Title, 2–200 characters.' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  title?: string;

  @Field(() => String, { nullable: true, description: 'Description, Markdown, up to 5,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @Field(() => String, { nullable: true, description: 'IANA time zone the days are in.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @Field(() => [SessionDayInput], { nullable: true, description: 'Days (1 to 14).' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  @Type(() => SessionDayInput)
  days?: SessionDayInput[];

  @Field(() => Int, { nullable: true, description: 'Meeting length, 5 to 240 minutes.' })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(240)
  slotMinutes?: number;

  @Field(() => Int, { nullable: true, description: 'Virtual tables, 1 to 500.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  tables?: number;

  @Field(() => Int, { nullable: true, description: 'Most meetings per participant, 1 to 50.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  maxMeetingsPerParticipant?: number;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Registration closes.' })
  @IsOptional()
  @IsDate()
  registrationDeadline?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Meeting requests close (before the first slot).' })
  @IsOptional()
  @IsDate()
  requestDeadline?: Date;

  @Field(() => [String], { nullable: true, description: 'Languages of the event (BCP 47, at most 10).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(LANGUAGE, { each: true })
  languages?: string[];
}

@InputType({ description: 'A new session.' })
export class CreateSessionInput {
  @Field(() => ID, { description: 'The hosting organisation (a municipality, or yours when you administer the network).' })
  @IsUUID()
  organisationId: string;

  @Field(() => ID, { nullable: true, description: 'The network it is for; omit for a public session.' })
  @IsOptional()
  @IsUUID()
  networkId?: string;

  @Field({ description: 'Title, 2–200 characters.' })
  @IsString()
  @Length(2, 200)
  title: string;

  @Field({ description: 'Description, Markdown, up to 5,000 characters.', defaultValue: '' })
  @IsString()
  @MaxLength(5000)
  description: string = '';

  @Field({ description: 'IANA time zone of the days, e.g. Europe/Rome.' })
  @IsString()
  @MaxLength(64)
  timeZone: string;

  @Field(() => [SessionDayInput], { description: 'Days (1 to 14).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  @Type(() => SessionDayInput)
  days: SessionDayInput[];

  @Field(() => Int, { description: 'Meeting length, 5 to 240 minutes.' })
  @IsInt()
  @Min(5)
  @Max(240)
  slotMinutes: number;

  @Field(() => Int, { description: 'Virtual tables, 1 to 500.' })
  @IsInt()
  @Min(1)
  @Max(500)
  tables: number;

  @Field(() => Int, { description: 'Most meetings per participant, 1 to 50.' })
  @IsInt()
  @Min(1)
  @Max(50)
  maxMeetingsPerParticipant: number;

  @Field(() => GraphQLISODateTime, { description: 'Registration closes.' })
  @IsDate()
  registrationDeadline: Date;

  @Field(() => GraphQLISODateTime, { description: 'Meeting requests close (before the first slot).' })
  @IsDate()
  requestDeadline: Date;

  @Field(() => [String], { description: 'Languages of the event (BCP 47, at most 10).', defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(LANGUAGE, { each: true })
  languages: string[] = [];
}

@InputType({ description: 'A cooperation opportunity.' })
export class OpportunityInput {
  @Field(() => OpportunityDirection, { description: 'Offered or looked for.' })
  @IsEnum(OpportunityDirection)
  direction: OpportunityDirection;

  @Field(() => OpportunityType, { description: 'Kind of cooperation.' })
  @IsEnum(OpportunityType)
  type: OpportunityType;

  @Field({ description: 'Short title, 2–200 characters.' })
  @IsString()
  @Length(2, 200)
  title: string;

  @Field({ description: 'Details, Markdown, up to 2,000 characters.', defaultValue: '' })
  @IsString()
  @MaxLength(2000)
  description: string = '';

  @Field(() => [CciSubsector], { description: 'Subsectors (at most 10).', defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsEnum(CciSubsector, { each: true })
  subsectors: CciSubsector[] = [];

  @Field(() => [ResolveLever], { description: 'ReSOLVE levers.', defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(6)
  @IsEnum(ResolveLever, { each: true })
  levers: ResolveLever[] = [];

  @Field(() => [String], { description: 'Languages (BCP 47, at most 10).', defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(LANGUAGE, { each: true })
  languages: string[] = [];
}

@InputType('MatchmakingRegistrationInput', { description: 'Registration of an organisation for a session (again to update it).' })
export class MatchmakingRegistrationInput {
  @Field(() => ID, { description: 'The session.' })
  @IsUUID()
  sessionId: string;

  @Field(() => ID, { description: 'Your organisation.' })
  @IsUUID()
  organisationId: string;

  @Field({ description: 'What you bring, Markdown, up to 5,000 characters.', defaultValue: '' })
  @IsString()
  @MaxLength(5000)
  profile: string = '';

  @Field(() => [String], { description: 'Languages you meet in (BCP 47, at most 10).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @Matches(LANGUAGE, { each: true })
  languages: string[];

  @Field(() => String, { nullable: true, description: 'IANA time zone your people are in, e.g. Africa/Tunis; by default the one given before, else your own.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @Field(() => [GraphQLISODateTime], { description: 'Starts of the slots you cannot attend (each the start of one of the session’s slots, any offset).', defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(400)
  @IsDate({ each: true })
  unavailableTimes: Date[] = [];

  @Field(() => [OpportunityInput], { description: 'Offers and requests (at most 20); they replace earlier ones.' })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => OpportunityInput)
  opportunities: OpportunityInput[];
}

@InputType({ description: 'Filters of the marketplace.' })
export class ParticipantFilterInput {
  @Field(() => OpportunityType, { nullable: true, description: 'Has an opportunity of this kind.' })
  @IsOptional()
  @IsEnum(OpportunityType)
  type?: OpportunityType;

  @Field(() => OpportunityDirection, { nullable: true, description: 'Offering or looking for (with the other filters, of the same opportunity).' })
  @IsOptional()
  @IsEnum(OpportunityDirection)
  direction?: OpportunityDirection;

  @Field(() => CciSubsector, { nullable: true, description: 'Opportunity in this subsector.' })
  @IsOptional()
  @IsEnum(CciSubsector)
  subsector?: CciSubsector;

  @Field(() => ResolveLever, { nullable: true, description: 'Opportunity with this lever.' })
  @IsOptional()
  @IsEnum(ResolveLever)
  lever?: ResolveLever;

  @Field(() => String, { nullable: true, description: 'Organisation’s country (ISO 3166-1 alpha-2).' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  country?: string;

  @Field(() => String, { nullable: true, description: 'Meets in this language.' })
  @IsOptional()
  @Matches(LANGUAGE)
  language?: string;

  @Field(() => String, { nullable: true, description: 'Words in an opportunity’s title or description.' })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  search?: string;
}

@InputType({ description: 'A meeting request.' })
export class RequestMeetingInput {
  @Field(() => ID, { description: 'Your participation.' })
  @IsUUID()
  fromParticipantId: string;

  @Field(() => ID, { description: 'Whom you ask.' })
  @IsUUID()
  toParticipantId: string;

  @Field({ description: 'A message, up to 1,000 characters.', defaultValue: '' })
  @IsString()
  @MaxLength(1000)
  message: string = '';
}

@InputType({ description: 'Where the organiser puts a meeting.' })
export class MoveMeetingInput {
  @Field(() => ID, { description: 'The meeting.' })
  @IsUUID()
  meetingId: string;

  @Field(() => GraphQLISODateTime, { description: 'The start of the slot, e.g. 2027-03-01T10:20:00+01:00 (the start of one of the session’s slots).' })
  @IsDate()
  startsAt: Date;

  @Field(() => Int, { nullable: true, description: 'The table, from 1; the first free one when omitted.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  table?: number;
}

@InputType({ description: 'What came of a meeting.' })
export class OutcomeInput {
  @Field(() => ID, { description: 'The meeting.' })
  @IsUUID()
  meetingId: string;

  @Field(() => ID, { description: 'Your participation in it.' })
  @IsUUID()
  participantId: string;

  @Field(() => MeetingOutcome, { description: 'The outcome.' })
  @IsEnum(MeetingOutcome)
  outcome: MeetingOutcome;

  @Field(() => String, { nullable: true, description: 'A note, up to 2,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

@ArgsType()
export class SessionsArgs extends PageArgs {}

@ArgsType()
export class ScheduleArgs {
  @Field(() => ID, { description: 'The session.' })
  @IsUUID()
  sessionId: string;

  @Field(() => Boolean, { description: 'May meetings already announced move (never out) to place more?', defaultValue: false })
  @IsBoolean()
  allowMoves = false;
}
