import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NotificationKind } from '@app/contracts';
import { Connection } from '@api/platform/graphql/pagination.js';
import { ServerTextModel } from '@api/platform/i18n/server-text.model.js';

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification is about.',
  valuesMap: {
    ANSWER_ON_MY_CHALLENGE: { description: 'A new answer on a challenge of your organisation.' },
    ANSWER_ON_FOLLOWED_CHALLENGE: { description: 'A new answer on a challenge you follow.' },
    ANSWER_ACCEPTED: { description: 'Your answer was accepted.' },
    JOIN_REQUEST_DECIDED: { description: 'Your organisation’s request to join a network was decided.' },
    NETWORK_INVITATION_RECEIVED: { description: 'A network invited your organisation.' },
    INVITATION_RECEIVED: { description: 'An organisation invited you.' },
    CHAT_MENTION: { description: 'Someone mentioned you in a chat message.' },
    SYMBIOSIS_MATCH: { description: 'A symbiosis listing of your organisation was matched with a counterpart (an offer for your want, or a want for your offer).' },
  },
});

@ObjectType({ description: 'Something that happened that concerns you.' })
export class Notification {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => NotificationKind, { description: 'What it is about.' })
  kind: NotificationKind;

  @Field({ description: 'A one-line summary in your preferred language (the same as `message.text`).', deprecationReason: 'Use `message` (its `text`, or its `code` and `params`).' })
  title: string;

  @Field(() => ServerTextModel, { description: 'The one-line summary: a code with parameters, and the hub’s wording in your preferred language.' })
  message: ServerTextModel;

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
