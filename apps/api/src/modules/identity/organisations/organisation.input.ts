import { ArgsType, Field, ID, InputType, PartialType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEmail, IsEnum, IsISO31661Alpha2, IsOptional, IsString, IsUrl, IsUUID, MaxLength } from 'class-validator';
import { CciSubsector, OrganisationKind, OrganisationRole } from '@app/contracts';
import { PageArgs } from '@api/platform/graphql/pagination.js';
import { SingleLine, VisibleText } from '@api/platform/graphql/text-rules.js';

@InputType({ description: 'A new organisation; its creator becomes its owner.' })
export class CreateOrganisationInput {
  @Field({ description: 'Name, 2–200 characters; one line, trimmed and NFC-normalised; spaces and invisible characters alone do not count.' })
  @VisibleText({ min: 2, max: 200 })
  name: string;

  @Field(() => OrganisationKind, { description: 'Kind of organisation.' })
  @IsEnum(OrganisationKind)
  kind: OrganisationKind;

  @Field({ description: 'Country, ISO 3166-1 alpha-2.' })
  @IsISO31661Alpha2()
  country: string;

  @Field({ description: 'City, 1–100 characters; one line, trimmed and NFC-normalised; spaces and invisible characters alone do not count.' })
  @VisibleText({ min: 1, max: 100 })
  city: string;

  @Field(() => [CciSubsector], { nullable: true, description: 'CCI subsectors, at most 14.' })
  @IsOptional()
  @ArrayMaxSize(14)
  @IsEnum(CciSubsector, { each: true })
  subsectors?: CciSubsector[];

  @Field(() => String, { nullable: true, description: 'Description, at most 5,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @Field(() => String, { nullable: true, description: 'Website, an http(s) URL.' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(300)
  website?: string;
}

@InputType({ description: 'Organisation fields to change; omitted fields stay as they are.' })
export class UpdateOrganisationInput extends PartialType(CreateOrganisationInput) {}

@InputType({ description: 'Invite someone by email address.' })
export class InviteMemberInput {
  @Field(() => ID, { description: 'The organisation.' })
  @IsUUID()
  organisationId: string;

  @Field({ description: 'Email address of the invitee; they accept after signing up or in with it.' })
  @IsEmail()
  @MaxLength(254)
  @SingleLine()
  email: string;

  @Field(() => OrganisationRole, { description: 'Role on accepting (only owners may invite owners).', defaultValue: OrganisationRole.MEMBER })
  @IsEnum(OrganisationRole)
  role: OrganisationRole = OrganisationRole.MEMBER;
}

@InputType({ description: 'Change a member’s role.' })
export class ChangeMemberRoleInput {
  @Field(() => ID, { description: 'The organisation.' })
  @IsUUID()
  organisationId: string;

  @Field(() => ID, { description: 'The member.' })
  @IsUUID()
  userId: string;

  @Field(() => OrganisationRole, { description: 'The new role.' })
  @IsEnum(OrganisationRole)
  role: OrganisationRole;
}

@ArgsType()
export class OrganisationIdArgs {
  @Field(() => ID, { description: 'The organisation.' })
  @IsUUID()
  organisationId: string;
}

@ArgsType()
export class MemberArgs extends OrganisationIdArgs {
  @Field(() => ID, { description: 'The member.' })
  @IsUUID()
  userId: string;
}

@ArgsType()
export class InvitationIdArgs {
  @Field(() => ID, { description: 'The invitation.' })
  @IsUUID()
  invitationId: string;
}

@ArgsType()
export class OrganisationsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only organisations in this country (ISO 3166-1 alpha-2).' })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @Field(() => OrganisationKind, { nullable: true, description: 'Only organisations of this kind.' })
  @IsOptional()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;
}
