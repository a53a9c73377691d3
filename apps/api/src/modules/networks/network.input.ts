import { ArgsType, Field, ID, InputType, PartialType, OmitType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsISO31661Alpha2, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CciSubsector, NetworkKind, NetworkRole, NetworkVisibility, OrganisationKind, RequestStatus } from '@app/contracts';
import { PageArgs } from '@api/platform/graphql/pagination.js';
import { SingleLine, VisibleText } from '@api/platform/graphql/text-rules.js';

@InputType({ description: 'A new cluster or network; the creating organisation becomes its first admin.' })
export class CreateNetworkInput {
  @Field(() => ID, { description: 'The organisation creating it (you must be its owner or admin).' })
  @IsUUID()
  organisationId: string;

  @Field(() => NetworkKind, { description: 'CLUSTER (one city) or NETWORK (across countries).' })
  @IsEnum(NetworkKind)
  kind: NetworkKind;

  @Field({ description: 'Name, 2–200 characters; one line, trimmed and NFC-normalised; spaces and invisible characters alone do not count.' })
  @VisibleText({ min: 2, max: 200 })
  name: string;

  @Field(() => String, { nullable: true, description: 'Description (Markdown, stored as written), at most 10,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @Field(() => String, { nullable: true, description: 'City or historic centre of a cluster.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  city?: string;

  @Field(() => [String], { description: 'Countries, ISO 3166-1 alpha-2; 1 to 30.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsISO31661Alpha2({ each: true })
  countries: string[];

  @Field(() => [CciSubsector], { nullable: true, description: 'CCI subsectors it focuses on.' })
  @IsOptional()
  @ArrayMaxSize(14)
  @IsEnum(CciSubsector, { each: true })
  subsectors?: CciSubsector[];

  @Field(() => NetworkVisibility, { description: 'PUBLIC: listed to everyone; PRIVATE: only to its members.' })
  @IsEnum(NetworkVisibility)
  visibility: NetworkVisibility;
}

@InputType({ description: 'Network fields to change; omitted fields stay as they are.' })
export class UpdateNetworkInput extends PartialType(OmitType(CreateNetworkInput, ['organisationId', 'kind'] as const)) {}

@ArgsType()
export class NetworkIdArgs {
  @Field(() => ID, { description: 'The network or cluster.' })
  @IsUUID()
  networkId: string;
}

@ArgsType()
export class NetworksArgs extends PageArgs {
  @Field(() => NetworkKind, { nullable: true, description: 'Only clusters or only networks.' })
  @IsOptional()
  @IsEnum(NetworkKind)
  kind?: NetworkKind;

  @Field(() => String, { nullable: true, description: 'Only those spanning this country.' })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;
}

@ArgsType()
export class NetworkMembersArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only member organisations in this country.' })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @Field(() => OrganisationKind, { nullable: true, description: 'Only member organisations of this kind.' })
  @IsOptional()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;

  @Field(() => CciSubsector, { nullable: true, description: 'Only member organisations working in this subsector.' })
  @IsOptional()
  @IsEnum(CciSubsector)
  subsector?: CciSubsector;
}

@InputType({ description: 'An organisation asks to join a network.' })
export class RequestToJoinInput {
  @Field(() => ID, { description: 'The network.' })
  @IsUUID()
  networkId: string;

  @Field(() => ID, { description: 'Your organisation (you must be its owner or admin).' })
  @IsUUID()
  organisationId: string;

  @Field(() => String, { nullable: true, description: 'A note for the network admins, at most 1,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  message?: string;
}

@InputType({ description: 'A network admin invites an organisation.' })
export class InviteOrganisationInput {
  @Field(() => ID, { description: 'The network.' })
  @IsUUID()
  networkId: string;

  @Field(() => ID, { description: 'The organisation to invite.' })
  @IsUUID()
  organisationId: string;

  @Field(() => String, { nullable: true, description: 'A note for the organisation, at most 1,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  message?: string;
}

@ArgsType()
export class DecideArgs {
  @Field(() => ID, { description: 'The join request or invitation.' })
  @IsUUID()
  requestId: string;

  @Field({ description: 'true to approve or accept, false to reject or decline.' })
  @IsBoolean()
  approve: boolean;
}

@ArgsType()
export class RequestIdArgs {
  @Field(() => ID, { description: 'The join request or invitation.' })
  @IsUUID()
  requestId: string;
}

@ArgsType()
export class NetworkMemberArgs {
  @Field(() => ID, { description: 'The network.' })
  @IsUUID()
  networkId: string;

  @Field(() => ID, { description: 'The member organisation.' })
  @IsUUID()
  organisationId: string;
}

@ArgsType()
export class NetworkMemberRoleArgs extends NetworkMemberArgs {
  @Field(() => NetworkRole, { description: 'The new role.' })
  @IsEnum(NetworkRole)
  role: NetworkRole;
}

@ArgsType()
export class JoinRequestsArgs extends NetworkIdArgs {
  @Field(() => RequestStatus, { nullable: true, description: 'Only requests in this state (default: PENDING).', defaultValue: RequestStatus.PENDING })
  @IsEnum(RequestStatus)
  status: RequestStatus = RequestStatus.PENDING;
}
