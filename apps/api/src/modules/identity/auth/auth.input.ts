import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEmail, IsISO31661Alpha2, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsBcp47, IsIanaTimeZone } from '@api/modules/identity/users/locale.validators.js';
import { SingleLine, VisibleText } from '@api/platform/graphql/text-rules.js';

@InputType({ description: 'A new account.' })
export class RegisterInput {
  @Field({ description: 'Email address; used to sign in and to receive invitations.' })
  @IsEmail()
  @MaxLength(254)
  @SingleLine()
  email: string;

  @Field({ description: 'At least 10 characters, at most 128. No composition rules.' })
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  password: string;

  @Field({ description: 'Name shown to others, 1–100 characters; one line, trimmed and NFC-normalised; spaces and invisible characters alone do not count.' })
  @VisibleText({ min: 1, max: 100 })
  displayName: string;

  @Field(() => [String], { nullable: true, description: 'BCP 47 tags, most preferred first (default: en).' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsBcp47({ each: true })
  preferredLanguages?: string[];

  @Field(() => String, { nullable: true, description: 'Country, ISO 3166-1 alpha-2.' })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @Field(() => String, { nullable: true, description: 'IANA time zone (default: UTC).' })
  @IsOptional()
  @IsIanaTimeZone()
  timeZone?: string;
}

@InputType({ description: 'Credentials.' })
export class LoginInput {
  @Field({ description: 'Email address.' })
  @IsString()
  @MaxLength(254)
  @SingleLine()
  email: string;

  @Field({ description: 'Password.' })
  @IsString()
  @MaxLength(128)
  password: string;
}
