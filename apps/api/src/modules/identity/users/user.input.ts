import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsISO31661Alpha2, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsBcp47, IsIanaTimeZone } from './locale.validators.js';

@InputType({ description: 'Profile fields to change; omitted fields stay as they are.' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true, description: 'Name shown to others, 1–100 characters.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName?: string;

  @Field(() => [String], { nullable: true, description: 'BCP 47 tags, most preferred first; at most 10.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsBcp47({ each: true })
  preferredLanguages?: string[];

  @Field(() => String, { nullable: true, description: 'Country, ISO 3166-1 alpha-2 (IT, GR, TN, PS, JO, …).' })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Europe/Athens.' })
  @IsOptional()
  @IsIanaTimeZone()
  timeZone?: string;
}
