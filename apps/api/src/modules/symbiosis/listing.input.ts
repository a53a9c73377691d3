import { ArgsType, Field, Float, GraphQLISODateTime, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '@api/platform/graphql/pagination.js';
import { IsBcp47 } from '@api/modules/identity/users/locale.validators.js';
import { MATERIAL_CODES, MATERIAL_FAMILIES } from './data/materials.data.js';
import { ListingFrequency, ListingKind, ListingStatus, QuantityUnit, SymbiosisMaterial, SymbiosisMaterialFamily } from './symbiosis.enums.js';

@InputType({ description: 'A new OFFER or WANT, saved as DRAFT until it is activated.' })
export class PostListingInput {
  @Field(() => ID, { description: 'The posting organisation: yours, and a member of every network named.' })
  @IsUUID()
  organisationId: string;

  @Field(() => ListingKind, { description: 'OFFER (you have it) or WANT (you need it).' })
  @IsEnum(ListingKind)
  kind: ListingKind;

  @Field({ description: 'Title, 5–200 characters, in the language given.' })
  @IsString()
  @MinLength(5)
  @MaxLength(200)
  title: string;

  @Field({ description: 'Description, 1–10,000 characters, stored as written.' })
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  description: string;

  @Field({ description: 'Language of the text: it, el, fr, ar or en (a region may follow, e.g. ar-TN).' })
  @IsBcp47()
  language: string;

  @Field(() => SymbiosisMaterial, { description: 'The material, from the shared taxonomy (`symbiosisTaxonomy`).' })
  @IsIn(MATERIAL_CODES)
  material: string;

  @Field(() => String, { nullable: true, description: 'European List of Waste code, six digits (`040222`, `04 02 22` or `04 02 22*` accepted); must be in the hub’s list.' })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  ewcCode?: string;

  @Field(() => Float, { description: 'Quantity, more than 0 and at most the unit’s maximum (10,000 t, 10,000,000 kg, …).' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @IsPositive()
  quantity: number;

  @Field(() => QuantityUnit, { description: 'Unit of the quantity.' })
  @IsEnum(QuantityUnit)
  unit: QuantityUnit;

  @Field(() => ListingFrequency, { nullable: true, description: 'One-off (default) or recurring per week, month or year; the quantity is per period.' })
  @IsOptional()
  @IsEnum(ListingFrequency)
  frequency?: ListingFrequency;

  @Field(() => String, { nullable: true, description: 'Condition and specification, at most 5,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  condition?: string;

  @Field(() => GraphQLISODateTime, { description: 'Available (or needed) from; at most a year ago and two years ahead.' })
  @Type(() => Date)
  @IsDate()
  availableFrom: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Available (or needed) until, after `availableFrom` and in the future; the listing expires then.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  availableUntil?: Date;

  @Field({ description: 'City, 1–100 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city: string;

  @Field({ description: 'Country, ISO 3166-1 alpha-2 (IT, GR, TN, JO, PS, …).' })
  @IsISO31661Alpha2()
  country: string;

  @Field(() => Float, { nullable: true, description: 'Latitude in degrees (with `longitude`).' })
  @IsOptional()
  @IsLatitude()
  latitude?: number;

  @Field(() => Float, { nullable: true, description: 'Longitude in degrees (with `latitude`).' })
  @IsOptional()
  @IsLongitude()
  longitude?: number;

  @Field(() => Int, { nullable: true, description: 'Pick-up or delivery radius in km, 0–5,000.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5000)
  radiusKm?: number;

  @Field(() => String, { nullable: true, description: 'Link to photos or a data sheet, http(s).' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  dataSheetUrl?: string;

  @Field(() => [ID], { description: 'The networks it is shown to, 1–10; the organisation must belong to each.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  networkIds: string[];
}

@InputType({ description: 'Listing fields to change; omitted fields stay as they are.' })
export class UpdateListingInput extends PartialType(OmitType(PostListingInput, ['organisationId', 'kind'] as const)) {}

@ArgsType()
export class ListingIdArgs {
  @Field(() => ID, { description: 'The listing.' })
  @IsUUID()
  listingId: string;
}

@ArgsType()
export class MoveListingArgs extends ListingIdArgs {
  @Field(() => ListingStatus, { description: 'ACTIVE, RESERVED, EXCHANGED or WITHDRAWN (EXPIRED is set by the hub).' })
  @IsEnum(ListingStatus)
  to: ListingStatus;
}

@InputType({ description: 'A point and a distance.' })
export class NearInput {
  @Field(() => Float, { description: 'Latitude in degrees.' })
  @IsLatitude()
  latitude: number;

  @Field(() => Float, { description: 'Longitude in degrees.' })
  @IsLongitude()
  longitude: number;

  @Field(() => Int, { description: 'Largest distance in km, 1–5,000.' })
  @IsInt()
  @Min(1)
  @Max(5000)
  radiusKm: number;
}

@InputType({ description: 'Which listings to list.' })
export class ListingFilter {
  @Field(() => ListingKind, { nullable: true, description: 'Only offers or only wants.' })
  @IsOptional()
  @IsEnum(ListingKind)
  kind?: ListingKind;

  @Field(() => ListingStatus, { nullable: true, description: 'Only this status (drafts only of your own organisations).' })
  @IsOptional()
  @IsEnum(ListingStatus)
  status?: ListingStatus;

  @Field(() => SymbiosisMaterial, { nullable: true, description: 'Only this material.' })
  @IsOptional()
  @IsIn(MATERIAL_CODES)
  material?: string;

  @Field(() => SymbiosisMaterialFamily, { nullable: true, description: 'Only this material family.' })
  @IsOptional()
  @IsIn(MATERIAL_FAMILIES)
  family?: string;

  @Field(() => String, { nullable: true, description: 'Only List of Waste codes in this chapter (two digits, e.g. 04).' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'ewcChapter must be two digits, e.g. 04' })
  ewcChapter?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only hazardous (true) or only non-hazardous (false) codes.' })
  @IsOptional()
  @IsBoolean()
  hazardous?: boolean;

  @Field(() => String, { nullable: true, description: 'Only listings located in this country.' })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @Field(() => NearInput, { nullable: true, description: 'Only listings with coordinates within this distance of the point.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NearInput)
  near?: NearInput;

  @Field(() => Float, { nullable: true, description: 'Smallest quantity, in the listing’s own unit (pair with `unit`).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  quantityMin?: number;

  @Field(() => Float, { nullable: true, description: 'Largest quantity, in the listing’s own unit (pair with `unit`).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  quantityMax?: number;

  @Field(() => QuantityUnit, { nullable: true, description: 'Only listings in this unit.' })
  @IsOptional()
  @IsEnum(QuantityUnit)
  unit?: QuantityUnit;

  @Field(() => ID, { nullable: true, description: 'Only listings shown to this network.' })
  @IsOptional()
  @IsUUID()
  networkId?: string;

  @Field(() => ID, { nullable: true, description: 'Only listings of this organisation.' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @Field(() => String, { nullable: true, description: 'Full-text search in Italian, Greek, French, Arabic or English, including the material’s name in each; results by relevance.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  search?: string;
}

@ArgsType()
export class ListingsArgs extends PageArgs {
  @Field(() => ListingFilter, { nullable: true, description: 'Filters; none lists every listing you can see, newest first.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ListingFilter)
  filter?: ListingFilter;
}

@ArgsType()
export class MatchesArgs extends ListingIdArgs {
  @Field(() => Int, { description: 'How many candidates, 1–50.', defaultValue: 10 })
  @IsInt()
  @Min(1)
  @Max(50)
  first = 10;
}

@ArgsType()
export class OrganisationDigestArgs extends PageArgs {
  @Field(() => ID, { description: 'Your organisation.' })
  @IsUUID()
  organisationId: string;
}

@ArgsType()
export class OrganisationIdArgs {
  @Field(() => ID, { description: 'Your organisation.' })
  @IsUUID()
  organisationId: string;
}

@ArgsType()
export class NetworkImpactArgs {
  @Field(() => ID, { description: 'The network.' })
  @IsUUID()
  networkId: string;
}
