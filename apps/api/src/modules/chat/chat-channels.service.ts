import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { CHAT_NAMESPACE, ChatChannelKind, Rooms, type ChatClientToServerEvents, type ChatServerToClientEvents } from '@app/contracts';
import { SocketServer } from '@api/platform/realtime/socket-server.js';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { NetworkAccessService } from '@api/modules/networks/network-access.service.js';
import { ChallengeAccessService } from '@api/modules/challenges/challenge-access.service.js';
import { ChatChannelsRepository, type ChannelView } from './chat-channels.repository.js';

/** The most people a direct conversation holds, the caller included. */
export const MAX_DIRECT_MEMBERS = 20;

/**
 * Opening, finding and listing channels, and the access check every chat operation starts with.
 * A channel of a private network the caller is not in answers NOT_FOUND (like everything else of that
 * network); any other channel closed to the caller answers FORBIDDEN. Its content never leaves.
 */
@Injectable()
export class ChatChannelsService {
  constructor(
    private readonly channels: ChatChannelsRepository,
    private readonly networks: NetworkAccessService,
    private readonly challenges: ChallengeAccessService,
    private readonly sockets: SocketServer,
  ) {}

  async requireReadable(userId: string, channelId: string): Promise<ChannelView> {
    const channel = await this.channels.findForUser(channelId, userId);
    if (!channel || channel.hidden) throw DomainException.notFound('The channel');
    if (!channel.canAccess) throw DomainException.forbidden('You may not read this channel.');
    return channel;
  }

  async requireWritable(userId: string, channelId: string): Promise<ChannelView> {
    const channel = await this.requireReadable(userId, channelId);
    if (channel.archivedAt) throw DomainException.conflict('This channel is archived; it can be read but no longer written to.');
    return channel;
  }

  /** A network's general and topic channels; the general one is created on first use. */
  async networkChannels(userId: string, networkId: string) {
    await this.networks.requireMember(userId, networkId);
    await this.channels.ensureNetworkGeneral(networkId);
    return this.channels.listForUser(userId, { networkId, first: 100 });
  }

  async createTopic(userId: string, networkId: string, title: string, description: string | null): Promise<ChannelView> {
    await this.networks.requireAdmin(userId, networkId);
    if (await this.channels.topicTitleTaken(networkId, title)) throw DomainException.conflict('This network already has a channel with that title.');
    const id = await this.channels.createTopic(networkId, title, description, userId);
    return this.requireReadable(userId, id);
  }

  /** A challenge's channel, for whoever can see the challenge and belongs to its conversation. */
  async challengeChannel(userId: string, challengeId: string): Promise<ChannelView> {
    await this.challenges.requireVisible(userId, challengeId);
    const id = await this.channels.ensureChallengeChannel(challengeId);
    const channel = await this.channels.findForUser(id, userId);
    if (!channel?.canAccess) throw DomainException.forbidden('The challenge’s channel is for its posting organisation, its followers and those who answered: follow it to join.');
    return channel;
  }

  /**
   * A direct conversation with `otherIds`. Two people share one conversation: opening it again returns
   * it. Groups (3 to 20 people) are new conversations each time.
   */
  async openDirect(userId: string, otherIds: string[], title: string | null): Promise<ChannelView> {
    const others = [...new Set(otherIds)].filter((id) => id !== userId);
    if (others.length === 0) throw DomainException.badInput('Name at least one other person.', ['input.userIds']);
    if (others.length + 1 > MAX_DIRECT_MEMBERS) throw DomainException.badInput(`A conversation holds at most ${MAX_DIRECT_MEMBERS} people.`, ['input.userIds']);
    const existing = await this.channels.existingUsers(others);
    if (existing.length !== others.length) throw DomainException.badInput('Some of these people do not exist.', ['input.userIds']);
    const members = [userId, ...others];
    const directKey = others.length === 1 ? [...members].sort().join(':') : null;
    const { id } = await this.channels.createWithMembers(
      { kind: ChatChannelKind.DIRECT, title: others.length === 1 ? null : title, directKey, meetingRef: null, createdById: userId },
      members,
    );
    return this.requireReadable(userId, id);
  }

  /** For features with meetings: the meeting's channel (created once per `meetingRef`) with these members. */
  async openMeetingChannel(meetingRef: string, title: string, memberIds: string[]): Promise<string> {
    const { id, created } = await this.channels.createWithMembers({ kind: ChatChannelKind.MEETING, title, directKey: null, meetingRef, createdById: null }, memberIds);
    if (!created) await this.channels.addMembers(id, memberIds);
    return id;
  }

  /**
   * For the symbiosis exchange: the conversation between two organisations about a listing (created
   * once per `ref`), with these members; opening it again adds whoever joined either side since.
   */
  async openSymbiosisChannel(ref: string, title: string, memberIds: string[]): Promise<string> {
    const { id, created } = await this.channels.createWithMembers({ kind: ChatChannelKind.SYMBIOSIS, title, directKey: null, meetingRef: ref, createdById: null }, memberIds);
    if (!created) await this.channels.addMembers(id, memberIds);
    return id;
  }

  /** The caller's channels, most recently active first; their networks' general channels are created first. */
  async myChannels(userId: string, options: { networkId?: string; first: number; after?: { key: string; id: string } }) {
    if (!options.after) await this.channels.ensureGeneralChannelsOf(userId);
    return this.channels.listForUser(userId, options);
  }

  /** Moves the read marker and tells the user's other tabs and devices. */
  async markRead(userId: string, channelId: string, seq: number): Promise<number> {
    await this.requireReadable(userId, channelId);
    const lastReadSeq = await this.channels.markRead(channelId, userId, seq);
    this.sockets.namespace<ChatClientToServerEvents, ChatServerToClientEvents>(CHAT_NAMESPACE).to(Rooms.user(userId)).emit('chat:read-marker', { channelId, lastReadSeq });
    return lastReadSeq;
  }

  /** Of these people, those whose presence the caller may see (sharing an organisation, network or conversation). */
  presenceVisible(userId: string, userIds: string[]): Promise<string[]> {
    if (userIds.length > 200) throw DomainException.badInput('Ask for at most 200 people at a time.', ['userIds']);
    if (!userIds.every((id) => isUUID(id))) throw DomainException.badInput('Every user id must be a UUID.', ['userIds']);
    return this.channels.visiblePresence(userId, [...new Set(userIds)]);
  }

  memberIds(channelId: string): Promise<string[]> {
    return this.channels.memberIds(channelId);
  }
}
