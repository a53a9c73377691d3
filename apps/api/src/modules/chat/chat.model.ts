import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ChatChannelKind, PresenceStatus } from '@app/contracts';
import { Connection } from '@api/platform/graphql/pagination.js';

registerEnumType(ChatChannelKind, {
  name: 'ChatChannelKind',
  description: 'What a chat channel belongs to: a network (general or topic), a challenge, a direct conversation, a meeting or a symbiosis listing.',
  valuesMap: {
    NETWORK_GENERAL: { description: 'A network’s general channel, for all its members.' },
    NETWORK_TOPIC: { description: 'A topic channel of a network, for all its members.' },
    CHALLENGE: { description: 'A challenge’s channel: its posting organisation, followers and those who answered.' },
    DIRECT: { description: 'A direct conversation between the users in it.' },
    MEETING: { description: 'The channel of a matchmaking meeting, for both sides.' },
    SYMBIOSIS: { description: 'Two organisations talking about a symbiosis listing, for the members of both (opened with `startSymbiosisConversation`).' },
  },
});
registerEnumType(PresenceStatus, {
  name: 'PresenceStatus',
  description: 'ONLINE with any active socket, AWAY when all are idle, OFFLINE with none.',
  valuesMap: {
    ONLINE: { description: 'Has an active connection.' },
    AWAY: { description: 'Connected, but every connection is idle.' },
    OFFLINE: { description: 'Not connected.' },
  },
});

@ObjectType({ description: 'A conversation: a network’s general or topic channel, a challenge’s channel, a direct conversation or a meeting’s channel.' })
export class ChatChannel {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => ChatChannelKind, { description: 'What it belongs to.' })
  kind: ChatChannelKind;

  @Field(() => String, { nullable: true, description: 'Title of a topic, group or meeting channel; null where the network, challenge or other person names it.' })
  title: string | null;

  @Field(() => String, { nullable: true, description: 'What a topic channel is for.' })
  description: string | null;

  @Field(() => ID, { nullable: true, description: 'The network of a network channel.' })
  networkId: string | null;

  @Field(() => ID, { nullable: true, description: 'The challenge of a challenge channel.' })
  challengeId: string | null;

  @Field(() => Int, { description: 'Sequence number of its latest message (0 when empty).' })
  lastSeq: number;

  @Field(() => Int, { description: 'Number of its latest change (message, edit, delete, reaction); send it back when joining to catch up on changes.' })
  revision: number;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When its latest message was sent.' })
  lastMessageAt: Date | null;

  @Field(() => Int, { description: 'The last sequence number you have read.' })
  lastReadSeq: number;

  @Field(() => Int, { nullable: true, description: 'Messages of others after your read marker (at most 999); null where not computed (single-channel reads).' })
  unreadCount: number | null;

  @Field(() => Int, { nullable: true, description: 'Of those, the ones mentioning you (at most 999); null where not computed.' })
  mentionCount: number | null;

  @Field(() => [ID], { description: 'Members of a direct or meeting channel; empty for network and challenge channels, whose members follow from membership.' })
  memberIds: string[];

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was archived; an archived channel can be read but not written to.' })
  archivedAt: Date | null;

  @Field(() => GraphQLISODateTime, { description: 'When it was created.' })
  createdAt: Date;
}

@ObjectType({ description: 'One emoji on a message, with who used it.' })
export class ChatReaction {
  @Field({ description: 'The emoji or :shortcode:.' })
  emoji: string;

  @Field(() => Int, { description: 'How many people reacted so.' })
  count: number;

  @Field(() => [ID], { description: 'Up to 20 of them, earliest first.' })
  userIds: string[];
}

@ObjectType({ description: 'A chat message, or the tombstone of a deleted one.' })
export class ChatMessage {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => ID, { description: 'Its channel.' })
  channelId: string;

  @Field(() => Int, {
    description: 'Its place in the channel: 1, 2, 3… with no gaps. Thread replies take the channel’s next number too, so a thread’s replies are numbered with gaps (the channel’s other messages are between them).',
  })
  seq: number;

  @Field(() => Int, { description: 'The channel revision of its latest change.' })
  revision: number;

  @Field(() => ID, { nullable: true, description: 'Its author; null if the account was deleted.' })
  authorId: string | null;

  @Field({ description: 'The id the sender generated for it.' })
  clientId: string;

  @Field({ description: 'Markdown as written (render it safely; never HTML from the server); empty when deleted.' })
  body: string;

  @Field(() => String, { nullable: true, description: 'ISO 639-1 language detected from the text, for offering a translation; null when too short to tell.' })
  language: string | null;

  @Field(() => ID, { nullable: true, description: 'The first message of the thread this replies to; set on replies, which channel history shows as thread markers.' })
  threadRootId: string | null;

  @Field(() => Int, { description: 'Replies in its thread.' })
  replyCount: number;

  @Field(() => [ID], { description: 'Users it mentions.' })
  mentions: string[];

  @Field(() => [ChatReaction], { description: 'Reactions by emoji, first used first.' })
  reactions: ChatReaction[];

  @Field(() => GraphQLISODateTime, { description: 'When it was sent.' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was last edited.' })
  editedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was deleted; the tombstone keeps its place.' })
  deletedAt: Date | null;
}

@ObjectType({ description: 'A run of consecutive messages, oldest first.' })
export class ChatMessageSlice {
  @Field(() => [ChatMessage], { description: 'The messages, by sequence number.' })
  messages: ChatMessage[];

  @Field({ description: 'Whether more messages lie beyond this slice in the direction it was read.' })
  hasMore: boolean;
}

@ObjectType({ description: 'A thread: its first message and replies.' })
export class ChatThread {
  @Field(() => ChatMessage, { description: 'The message the thread replies to.' })
  root: ChatMessage;

  @Field(() => [ChatMessage], { description: 'Replies, oldest first.' })
  replies: ChatMessage[];

  @Field({ description: 'Whether more replies follow.' })
  hasMore: boolean;
}

@ObjectType({ description: 'Whether a user is around.' })
export class Presence {
  @Field(() => ID, { description: 'The user.' })
  userId: string;

  @Field(() => PresenceStatus, { description: 'Their combined status over all their tabs and devices.' })
  status: PresenceStatus;
}

@ObjectType({ description: 'The result of toggling a reaction.' })
export class ChatReactionToggle {
  @Field({ description: 'True when the reaction was added, false when it was removed.' })
  added: boolean;

  @Field(() => ChatMessage, { description: 'The message as it now stands.' })
  message: ChatMessage;
}

export const ChatChannelConnection = Connection(ChatChannel, 'ChatChannel');
export const ChatMessageConnection = Connection(ChatMessage, 'ChatMessage');
