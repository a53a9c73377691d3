import { UseFilters } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayConnection, type OnGatewayDisconnect } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { CHAT_NAMESPACE, Rooms, type Ack, type ChatJoinResult, type ChatReadMarkerPayload, type ChatSendResult, type PresencePayload } from '@app/contracts';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { validatePayload } from '@api/platform/realtime/validate-payload.js';
import { WsErrorFilter } from '@api/platform/realtime/ws-exception.filter.js';
import { ChatChannelsService } from './chat-channels.service.js';
import { ChatDelivery } from './chat-delivery.js';
import { ChatMessagesService } from './chat-messages.service.js';
import { ChannelRefPayload, EditPayload, JoinPayload, MessageRefPayload, PresenceSetPayload, PresenceWatchPayload, ReactPayload, ReadPayload, SendPayload } from './chat.payloads.js';
import { PresenceService } from './presence.service.js';

/** A typing indicator is relayed at most this often per socket and channel, and shown this long. */
const TYPING_EVERY_MS = 2_000;
const TYPING_SHOWN_MS = 5_000;

interface ChatSocketData {
  user: AuthUser;
  channels: Set<string>;
  typingAt: Map<string, number>;
}

const data = (socket: Socket) => socket.data as ChatSocketData;
const ok = <T>(value: T): Ack<T> => ({ ok: true, data: value });

/** The `/chat` namespace: authenticated at the handshake (HubIoAdapter); every event is authorised in the services. */
@UseFilters(WsErrorFilter)
@WebSocketGateway({ namespace: CHAT_NAMESPACE })
export class ChatGateway implements OnGatewayConnection, OnGatewayDisconnect {
  constructor(
    private readonly channels: ChatChannelsService,
    private readonly messages: ChatMessagesService,
    private readonly delivery: ChatDelivery,
    private readonly presence: PresenceService,
  ) {}

  handleConnection(socket: Socket): void {
    data(socket).channels = new Set();
    data(socket).typingAt = new Map();
    void this.presence.connected(socket, data(socket).user.id);
  }

  handleDisconnect(socket: Socket): void {
    this.delivery.dropSocket(socket, data(socket).channels ?? []);
    void this.presence.disconnected(socket);
  }

  /**
   * Answers where the channel stands, then streams what the socket missed since the position it sent
   * and the live changes after, ending the catch-up with `chat:synced`.
   */
  @SubscribeMessage('chat:join')
  async join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<ChatJoinResult>> {
    const payload = validatePayload(JoinPayload, body);
    const { user, channels } = data(socket);
    const channel = await this.channels.requireReadable(user.id, payload.channelId);
    // A position past the channel's end is a client's confusion; clamping keeps new messages flowing.
    const afterSeq = Math.min(payload.afterSeq ?? 0, channel.lastSeq);
    const afterRevision = Math.min(payload.afterRevision ?? 0, channel.revision);
    channels.add(channel.id);
    await socket.join(Rooms.chatChannel(channel.id));
    // The catch-up starts once this ack is on its way, so the client has the channel's position first.
    setImmediate(() => void this.delivery.follow(socket, user.id, channel.id, afterSeq, afterRevision));
    return ok({ channelId: channel.id, lastSeq: channel.lastSeq, revision: channel.revision, lastReadSeq: channel.lastReadSeq });
  }

  @SubscribeMessage('chat:leave')
  async leave(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const { channelId } = validatePayload(ChannelRefPayload, body);
    this.delivery.unfollow(socket, channelId);
    data(socket).channels.delete(channelId);
    await socket.leave(Rooms.chatChannel(channelId));
    return ok({});
  }

  /** Acknowledged only once committed; a resend with the same client id answers the original. */
  @SubscribeMessage('chat:send')
  async send(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<ChatSendResult>> {
    const payload = validatePayload(SendPayload, body);
    const { message: _message, ...result } = await this.messages.send(data(socket).user.id, payload);
    return ok(result);
  }

  @SubscribeMessage('chat:edit')
  async edit(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<{ revision: number }>> {
    const payload = validatePayload(EditPayload, body);
    const message = await this.messages.edit(data(socket).user.id, payload.messageId, payload.body, payload.mentions);
    return ok({ revision: message.revision });
  }

  @SubscribeMessage('chat:delete')
  async delete(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<{ revision: number }>> {
    const { messageId } = validatePayload(MessageRefPayload, body);
    const message = await this.messages.delete(data(socket).user.id, messageId);
    return ok({ revision: message.revision });
  }

  @SubscribeMessage('chat:react')
  async react(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<{ added: boolean; revision: number }>> {
    const payload = validatePayload(ReactPayload, body);
    const { added, message } = await this.messages.react(data(socket).user.id, payload.messageId, payload.emoji);
    return ok({ added, revision: message.revision });
  }

  @SubscribeMessage('chat:read')
  async read(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<ChatReadMarkerPayload>> {
    const payload = validatePayload(ReadPayload, body);
    const lastReadSeq = await this.channels.markRead(data(socket).user.id, payload.channelId, payload.seq);
    return ok({ channelId: payload.channelId, lastReadSeq });
  }

  /** Ephemeral: relayed to the channel's other sockets, throttled, never stored. */
  @SubscribeMessage('chat:typing')
  typing(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Ack {
    const { channelId } = validatePayload(ChannelRefPayload, body);
    const { user, typingAt } = data(socket);
    if (!this.delivery.isFollowing(socket, channelId)) throw DomainException.badInput('Join the channel before typing in it.', ['channelId']);
    const now = Date.now();
    if (now - (typingAt.get(channelId) ?? 0) >= TYPING_EVERY_MS) {
      typingAt.set(channelId, now);
      socket.to(Rooms.chatChannel(channelId)).emit('chat:typing', { channelId, userId: user.id, until: new Date(now + TYPING_SHOWN_MS).toISOString() });
    }
    return ok({});
  }

  @SubscribeMessage('presence:set')
  async setPresence(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const { status } = validatePayload(PresenceSetPayload, body);
    await this.presence.set(socket, data(socket).user.id, status);
    return ok({});
  }

  @SubscribeMessage('presence:watch')
  async watchPresence(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<{ statuses: PresencePayload[] }>> {
    const { userIds } = validatePayload(PresenceWatchPayload, body);
    return ok({ statuses: await this.presence.watch(socket, data(socket).user.id, userIds) });
  }
}
