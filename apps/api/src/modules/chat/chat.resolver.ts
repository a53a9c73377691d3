import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ChatChannelKind } from '@app/contracts';
import { CurrentUser } from '@api/platform/auth/current-user.decorator.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { UuidPipe } from '@api/platform/graphql/uuid.pipe.js';
import { decodeCursor, toPage, type Page } from '@api/platform/graphql/pagination.js';
import { ChatChannelsService } from './chat-channels.service.js';
import { ChatMessagesService } from './chat-messages.service.js';
import { PresenceService } from './presence.service.js';
import { toChatChannel, toChatMessage } from './chat.mapper.js';
import { ChatChannel, ChatChannelConnection, ChatMessage, ChatMessageConnection, ChatMessageSlice, ChatReactionToggle, ChatThread, Presence } from './chat.model.js';
import {
  ChatHistoryArgs,
  ChatThreadArgs,
  CreateChatTopicInput,
  EditChatMessageInput,
  MyChatChannelsArgs,
  OpenDirectConversationInput,
  SearchChatArgs,
  SendChatMessageInput,
  ToggleChatReactionInput,
} from './chat.input.js';

/**
 * Chat through GraphQL: channels, history, search, and the same writes as the `/chat` socket events
 * for clients without a socket. Live delivery is the socket's (docs/realtime.md).
 */
@Resolver(() => ChatChannel)
export class ChatResolver {
  constructor(
    private readonly channels: ChatChannelsService,
    private readonly messages: ChatMessagesService,
    private readonly presenceService: PresenceService,
  ) {}

  @Query(() => ChatChannelConnection, { description: 'Your channels, most recently active first, with unread and mention counts.' })
  async myChatChannels(@CurrentUser() caller: AuthUser, @Args() args: MyChatChannelsArgs): Promise<Page<ChatChannel>> {
    const rows = await this.channels.myChannels(caller.id, { networkId: args.networkId, first: args.first, after: decodeCursor(args.after, 'timestamp') });
    return toPage(rows.map((row) => toChatChannel(row)), args.first, (c) => ({ key: (c.lastMessageAt ?? c.createdAt).toISOString(), id: c.id }));
  }

  @Query(() => ChatChannel, { description: 'One channel you can read.' })
  async chatChannel(@CurrentUser() caller: AuthUser, @Args('channelId', { type: () => ID, description: 'The channel.' }, UuidPipe) channelId: string): Promise<ChatChannel> {
    return toChatChannel(await this.channels.requireReadable(caller.id, channelId));
  }

  @Query(() => [ChatChannel], { description: 'A network’s general and topic channels (members of the network).' })
  async networkChatChannels(@CurrentUser() caller: AuthUser, @Args('networkId', { type: () => ID, description: 'The network.' }, UuidPipe) networkId: string): Promise<ChatChannel[]> {
    return (await this.channels.networkChannels(caller.id, networkId)).map((row) => toChatChannel(row));
  }

  @Query(() => ChatChannel, { description: 'A challenge’s channel (its posting organisation, followers and those who answered).' })
  async challengeChatChannel(@CurrentUser() caller: AuthUser, @Args('challengeId', { type: () => ID, description: 'The challenge.' }, UuidPipe) challengeId: string): Promise<ChatChannel> {
    return toChatChannel(await this.channels.challengeChannel(caller.id, challengeId));
  }

  @Query(() => ChatMessageSlice, {
    description:
      'History of a channel by sequence number, in either direction: every message of the range, thread replies included (they have `threadRootId`; show them as a marker under their thread, or hide them), so consecutive slices never leave a gap. A whole thread is read with `chatThread`.',
  })
  async chatMessages(@CurrentUser() caller: AuthUser, @Args() args: ChatHistoryArgs): Promise<ChatMessageSlice> {
    const page = await this.messages.history(caller.id, args.channelId, { beforeSeq: args.beforeSeq, afterSeq: args.afterSeq, limit: args.limit });
    return { messages: page.messages.map(toChatMessage), hasMore: page.hasMore };
  }

  @Query(() => ChatThread, { description: 'A thread: its first message and the replies.' })
  async chatThread(@CurrentUser() caller: AuthUser, @Args() args: ChatThreadArgs): Promise<ChatThread> {
    const thread = await this.messages.thread(caller.id, args.threadRootId, { afterSeq: args.afterSeq, limit: args.limit });
    return { root: toChatMessage(thread.root), replies: thread.messages.map(toChatMessage), hasMore: thread.hasMore };
  }

  @Query(() => ChatMessageConnection, { description: 'Messages matching words, newest first, in the channels you can read (or one of them).' })
  async searchChatMessages(@CurrentUser() caller: AuthUser, @Args() args: SearchChatArgs): Promise<Page<ChatMessage>> {
    const rows = await this.messages.search(caller.id, args.query, { channelId: args.channelId, first: args.first, after: decodeCursor(args.after, 'timestamp') });
    return toPage(rows.map(toChatMessage), args.first, (m) => ({ key: m.createdAt.toISOString(), id: m.id }));
  }

  @Query(() => [Presence], { description: 'Presence of up to 200 people you share an organisation, a network or a conversation with.' })
  async presence(@CurrentUser() caller: AuthUser, @Args('userIds', { type: () => [ID], description: 'The people.' }) userIds: string[]): Promise<Presence[]> {
    const ids = await this.channels.presenceVisible(caller.id, userIds);
    const statuses = await this.presenceService.statuses(ids);
    return ids.map((userId) => ({ userId, status: statuses.get(userId)! }));
  }

  @Mutation(() => ChatChannel, { description: 'Create a topic channel in a network (its admins).' })
  async createChatTopic(@CurrentUser() caller: AuthUser, @Args('input', { description: 'The channel.' }) input: CreateChatTopicInput): Promise<ChatChannel> {
    return toChatChannel(await this.channels.createTopic(caller.id, input.networkId, input.title, input.description ?? null));
  }

  @Mutation(() => ChatChannel, { description: 'Open a direct conversation with 1 to 19 people of any organisations.' })
  async openDirectConversation(@CurrentUser() caller: AuthUser, @Args('input', { description: 'Whom with.' }) input: OpenDirectConversationInput): Promise<ChatChannel> {
    return toChatChannel(await this.channels.openDirect(caller.id, input.userIds, input.title ?? null));
  }

  @Mutation(() => ChatMessage, { description: 'Send a message; returns it once stored. A resend with the same clientId returns the original.' })
  async sendChatMessage(@CurrentUser() caller: AuthUser, @Args('input', { description: 'The message.' }) input: SendChatMessageInput): Promise<ChatMessage> {
    return toChatMessage((await this.messages.send(caller.id, input)).message);
  }

  @Mutation(() => ChatMessage, { description: 'Edit one of your messages.' })
  async editChatMessage(@CurrentUser() caller: AuthUser, @Args('input', { description: 'The new text.' }) input: EditChatMessageInput): Promise<ChatMessage> {
    return toChatMessage(await this.messages.edit(caller.id, input.messageId, input.body, input.mentions));
  }

  @Mutation(() => ChatMessage, { description: 'Delete one of your messages; a tombstone keeps its place.' })
  async deleteChatMessage(@CurrentUser() caller: AuthUser, @Args('messageId', { type: () => ID, description: 'The message.' }, UuidPipe) messageId: string): Promise<ChatMessage> {
    return toChatMessage(await this.messages.delete(caller.id, messageId));
  }

  @Mutation(() => ChatReactionToggle, { description: 'Add a reaction, or remove it if you already reacted with that emoji.' })
  async toggleChatReaction(@CurrentUser() caller: AuthUser, @Args('input', { description: 'The reaction.' }) input: ToggleChatReactionInput): Promise<ChatReactionToggle> {
    const { added, message } = await this.messages.react(caller.id, input.messageId, input.emoji);
    return { added, message: toChatMessage(message) };
  }

  @Mutation(() => Int, { description: 'Move your read marker forward to this sequence number; returns where it stands (it never moves back).' })
  markChatRead(
    @CurrentUser() caller: AuthUser,
    @Args('channelId', { type: () => ID, description: 'The channel.' }, UuidPipe) channelId: string,
    @Args('seq', { type: () => Int, description: 'The last sequence number read.' }) seq: number,
  ): Promise<number> {
    return this.channels.markRead(caller.id, channelId, Math.max(0, seq));
  }

  @ResolveField(() => [ID], { description: 'Members of a direct or meeting channel; empty for network and challenge channels, whose members follow from membership.' })
  async memberIds(@Parent() channel: ChatChannel): Promise<string[]> {
    if (channel.kind !== ChatChannelKind.DIRECT && channel.kind !== ChatChannelKind.MEETING && channel.kind !== ChatChannelKind.SYMBIOSIS) return [];
    return this.channels.memberIds(channel.id);
  }
}
