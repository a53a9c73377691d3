import { ArgsType, Field, Float, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsNumber, IsOptional, IsPositive, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType({ description: 'A proposal to exchange part or all of a listing.' })
export class ProposeExchangeInput {
  @Field(() => ID, { description: 'The listing (another organisation’s, ACTIVE or RESERVED).' })
  @IsUUID()
  listingId: string;

  @Field(() => ID, { description: 'Your organisation that proposes.' })
  @IsUUID()
  organisationId: string;

  @Field(() => ID, { nullable: true, description: 'Your own listing of the opposite kind it answers with, if any.' })
  @IsOptional()
  @IsUUID()
  counterListingId?: string;

  @Field(() => Float, { description: 'Quantity in the listing’s unit, more than 0 and at most what is still available.' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @IsPositive()
  quantity: number;

  @Field(() => GraphQLISODateTime, { description: 'When the exchange would take place: today or later, within two years.' })
  @Type(() => Date)
  @IsDate()
  proposedDate: Date;

  @Field(() => String, { nullable: true, description: 'Terms (price, transport, packaging), at most 5,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  terms?: string;
}

@ArgsType()
export class DecideProposalArgs {
  @Field(() => ID, { description: 'The proposal.' })
  @IsUUID()
  proposalId: string;

  @Field({ description: 'true to accept (reserves the quantity), false to decline.' })
  @IsBoolean()
  accept: boolean;
}

@InputType({ description: 'What was actually exchanged.' })
export class CompleteExchangeInput {
  @Field(() => ID, { description: 'The accepted proposal.' })
  @IsUUID()
  proposalId: string;

  @Field(() => Float, { description: 'Quantity exchanged in the listing’s unit, more than 0 and at most the proposal’s.' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @IsPositive()
  quantity: number;

  @Field(() => Float, { nullable: true, description: 'Mass exchanged in kg; required when the unit is not kg or t (for the impact figures).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @IsPositive()
  massKg?: number;
}

@ArgsType()
export class ListingProposalsArgs {
  @Field(() => ID, { description: 'The listing.' })
  @IsUUID()
  listingId: string;
}

@ArgsType()
export class StartConversationArgs {
  @Field(() => ID, { description: 'The listing to talk about (another organisation’s, visible to you; from a match, the counterpart’s listing).' })
  @IsUUID()
  listingId: string;

  @Field(() => ID, { description: 'Your organisation, which talks with the listing’s organisation.' })
  @IsUUID()
  organisationId: string;
}
