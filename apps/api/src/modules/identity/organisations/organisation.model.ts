import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CciSubsector, InvitationStatus, OrganisationChangeKind, OrganisationKind, OrganisationRole } from '@app/contracts';
import { User } from '@api/modules/identity/users/user.model.js';
import { Connection } from '@api/platform/graphql/pagination.js';

registerEnumType(OrganisationChangeKind, {
  name: 'OrganisationChangeKind',
  description: 'What changed in an organisation.',
  valuesMap: {
    UPDATED: { description: 'Its profile (name, description, address, website, subsectors) changed.' },
    MEMBER_ADDED: { description: 'A user became a member; `userId` names them.' },
    MEMBER_REMOVED: { description: 'A member left or was removed; `userId` names them.' },
    MEMBER_ROLE_CHANGED: { description: 'A member’s role changed; `userId` names them.' },
  },
});
registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'What kind of organisation this is.',
  valuesMap: {
    SME: { description: 'A small or medium-sized enterprise.' },
    EXPERT: { description: 'An expert, consultancy or professional.' },
    MUNICIPALITY: { description: 'A municipality or other public authority.' },
    UNIVERSITY: { description: 'A university or research centre.' },
    NGO: { description: 'A non-governmental or non-profit organisation.' },
  },
});
registerEnumType(OrganisationRole, {
  name: 'OrganisationRole',
  description: 'A member’s role: OWNER (everything, at least one always), ADMIN (edit, invite, manage members), MEMBER.',
  valuesMap: {
    OWNER: { description: 'Does everything, including managing owners; an organisation always has one.' },
    ADMIN: { description: 'Edits the organisation, invites and manages members (not owners).' },
    MEMBER: { description: 'Acts for the organisation.' },
  },
});
registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'Where an invitation stands.',
  valuesMap: {
    PENDING: { description: 'Sent and not yet answered (it may still expire).' },
    ACCEPTED: { description: 'Accepted; the invitee became a member. Final.' },
    DECLINED: { description: 'Declined by the invitee. Final.' },
    REVOKED: { description: 'Taken back by the organisation. Final.' },
  },
});
registerEnumType(CciSubsector, {
  name: 'CciSubsector',
  description: 'Cultural and creative industries subsector (EU usage).',
  valuesMap: {
    ARCHITECTURE: { description: 'Architecture.' },
    ARCHIVES_LIBRARIES_MUSEUMS: { description: 'Archives, libraries and museums.' },
    ARTISTIC_CRAFTS: { description: 'Artistic crafts.' },
    AUDIOVISUAL_MULTIMEDIA: { description: 'Audiovisual and multimedia: film, television, video games.' },
    CULTURAL_HERITAGE: { description: 'Cultural heritage: sites, monuments, traditions.' },
    DESIGN_FASHION: { description: 'Fashion design.' },
    DESIGN_GRAPHIC: { description: 'Graphic design.' },
    DESIGN_INTERIOR: { description: 'Interior design.' },
    DESIGN_PRODUCT: { description: 'Product design.' },
    FESTIVALS: { description: 'Festivals and cultural events.' },
    MUSIC: { description: 'Music.' },
    PERFORMING_ARTS: { description: 'Performing arts: theatre, dance, circus.' },
    PUBLISHING: { description: 'Publishing: books, press.' },
    VISUAL_ARTS: { description: 'Visual arts: painting, sculpture, photography.' },
  },
});

@ObjectType({ description: 'An SME, expert, municipality, university or NGO; users act through the organisations they belong to.' })
export class Organisation {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field({ description: 'Name.' })
  name: string;

  @Field(() => OrganisationKind, { description: 'Kind of organisation.' })
  kind: OrganisationKind;

  @Field({ description: 'Country, ISO 3166-1 alpha-2.' })
  country: string;

  @Field({ description: 'City.' })
  city: string;

  @Field(() => [CciSubsector], { description: 'CCI subsectors it works in.' })
  subsectors: CciSubsector[];

  @Field({ description: 'Description (plain text or Markdown, stored as written).' })
  description: string;

  @Field(() => String, { nullable: true, description: 'Website URL.' })
  website: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When it joined the hub.' })
  createdAt: Date;
}

@ObjectType({ description: 'A user’s membership of an organisation.' })
export class OrganisationMember {
  @Field(() => User, { description: 'The member.' })
  user: User;

  @Field(() => Organisation, { description: 'The organisation.' })
  organisation: Organisation;

  @Field(() => OrganisationRole, { description: 'The member’s role.' })
  role: OrganisationRole;

  @Field(() => GraphQLISODateTime, { description: 'When they joined.' })
  joinedAt: Date;
}

export const OrganisationMemberConnection = Connection(OrganisationMember, 'OrganisationMember');
export const OrganisationConnection = Connection(Organisation, 'Organisation');

@ObjectType({ description: 'An invitation to join an organisation, addressed to an email address.' })
export class OrganisationInvitation {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => Organisation, { description: 'The inviting organisation.' })
  organisation: Organisation;

  @Field({ description: 'The invited email address.' })
  email: string;

  @Field(() => OrganisationRole, { description: 'Role the invitee gets on accepting.' })
  role: OrganisationRole;

  @Field(() => InvitationStatus, { description: 'Where it stands.' })
  status: InvitationStatus;

  @Field(() => GraphQLISODateTime, { description: 'When it was sent.' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'After this it can no longer be accepted.' })
  expiresAt: Date;
}

@ObjectType({ description: 'Something changed in an organisation you follow.' })
export class OrganisationChange {
  @Field(() => ID, { description: 'The organisation.' })
  organisationId: string;

  @Field(() => OrganisationChangeKind, { description: 'What changed, so a client can decide whether to refetch.' })
  change: OrganisationChangeKind;

  @Field(() => ID, { nullable: true, description: 'The member concerned, for member changes.' })
  userId: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When it happened.' })
  at: Date;
}
