import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NotificationKind } from '@app/contracts';
import { Connection } from '@api/platform/graphql/pagination.js';

registerEnumType(NotificationKind, { name: 'NotificationKind', description: 'What a notification is about.' });

@ObjectType({ description: 'Something that happened that concerns you.' })
export class Notification {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => NotificationKind, { description: 'What it is about.' })
  kind: NotificationKind;

  @Field({ description: 'A one-line summary.' })
  title: string;

  @Field(() => ID, { nullable: true, description: 'The challenge concerned.' })
  challengeId: string | null;

  @Field(() => ID, { nullable: true, description: 'The answer concerned.' })
  answerId: string | null;

  @Field(() => ID, { nullable: true, description: 'The network concerned.' })
  networkId: string | null;

  @Field(() => ID, { nullable: true, description: 'The organisation concerned.' })
  organisationId: string | null;

  @Field(() => ID, { nullable: true, description: 'The chat channel concerned (for a mention).' })
  chatChannelId: string | null;

  @Field(() => ID, { nullable: true, description: 'The chat message concerned (for a mention).' })
  chatMessageId: string | null;

  @Field(() => ID, { nullable: true, description: 'The symbiosis listing concerned (for a match: the OFFER).' })
  listingId: string | null;

  @Field(() => ID, { nullable: true, description: 'The other listing of a symbiosis match (the WANT).' })
  counterListingId: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When you read it; null while unread.' })
  readAt: Date | null;

  @Field(() => GraphQLISODateTime, { description: 'When it was created.' })
  createdAt: Date;
}

export const NotificationConnection = Connection(Notification, 'Notification');
