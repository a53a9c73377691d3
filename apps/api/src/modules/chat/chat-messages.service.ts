import { Inject, Injectable } from '@nestjs/common';
import type { ChatMessagePayload, ChatSendResult } from '@app/contracts';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { DomainEventBus } from '@app/events';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { ChatChannelsService } from './chat-channels.service.js';
import { ChatDelivery } from './chat-delivery.js';
import { ChatChannelsRepository } from './chat-channels.repository.js';
import { ChatMessagesRepository, DuplicateClientId } from './chat-messages.repository.js';
import { detectLanguage } from './language-detection.js';
import { SendRateLimiter } from '@api/platform/realtime/send-rate-limiter.js';

/** Distinct emoji a message may carry; past it, a new one is refused (existing ones still toggle). */
export const MAX_DISTINCT_REACTIONS = 20;

export interface SendCommand {
  channelId: string;
  clientId: string;
  body: string;
  threadRootId?: string;
  mentions?: string[];
}

/**
 * Writing messages: authorise, store (the statement decides sequence and revision), publish the stored
 * change for delivery, raise mention events. Nothing is acknowledged before it is committed.
 */
@Injectable()
export class ChatMessagesService {
  private readonly limiter: SendRateLimiter;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly messages: ChatMessagesRepository,
    private readonly channelsRepository: ChatChannelsRepository,
    private readonly channels: ChatChannelsService,
    private readonly delivery: ChatDelivery,
    private readonly events: DomainEventBus,
  ) {
    this.limiter = new SendRateLimiter(config.chat.sendRatePerSecond, config.chat.sendBurst);
  }

  async send(authorId: string, command: SendCommand): Promise<ChatSendResult & { message: ChatMessagePayload }> {
    this.throttle(authorId);
    const body = requireBody(command.body);
    if (command.threadRootId) await this.requireThreadRoot(command.channelId, command.threadRootId);
    const mentions = await this.checkedMentions(command.channelId, command.mentions);
    let stored: ChatMessagePayload | null;
    try {
      stored = await this.messages.insert({
        channelId: command.channelId,
        authorId,
        clientId: command.clientId,
        body,
        language: detectLanguage(body),
        threadRootId: command.threadRootId ?? null,
        mentions,
      });
    } catch (error) {
      // A resend (after a lost ack, or raced from two tabs or instances): the constraint kept one.
      if (!(error instanceof DuplicateClientId)) throw error;
      const original = await this.messages.findByClientId(authorId, command.clientId);
      if (!original) throw error;
      return this.duplicateOf(original, command.channelId);
    }
    if (!stored) {
      // The statement wrote nothing: say why.
      await this.channels.requireWritable(authorId, command.channelId);
      throw DomainException.notFound('The channel');
    }
    this.delivery.publish({ kind: 'created', message: stored });
    if (stored.threadRootId) {
      const root = await this.messages.findById(stored.threadRootId);
      if (root) this.delivery.publish({ kind: 'updated', message: root });
    }
    const mentioned = mentions.filter((id) => id !== authorId);
    if (mentioned.length > 0) {
      this.events.emit('chat.mentioned', { channelId: stored.channelId, messageId: stored.id, seq: stored.seq, mentionedIds: mentioned, actorId: authorId });
    }
    return { messageId: stored.id, seq: stored.seq, revision: stored.revision, createdAt: stored.createdAt, duplicate: false, message: stored };
  }

  async edit(userId: string, messageId: string, rawBody: string, rawMentions?: string[]): Promise<ChatMessagePayload> {
    this.throttle(userId);
    const message = await this.requireOwn(userId, messageId);
    const body = requireBody(rawBody);
    const mentions = await this.checkedMentions(message.channelId, rawMentions);
    const changed = await this.messages.changeMessage(messageId, (manager) => this.messages.writeEdit(manager, messageId, body, detectLanguage(body), mentions));
    return this.published(changed);
  }

  async delete(userId: string, messageId: string): Promise<ChatMessagePayload> {
    const message = await this.requireVisibleMessage(userId, messageId);
    if (message.authorId !== userId) throw DomainException.forbidden('Only its author may delete a message.');
    if (message.deletedAt) return message;
    const changed = await this.messages.changeMessage(messageId, (manager) => this.messages.writeTombstone(manager, messageId));
    return this.published(changed);
  }

  async react(userId: string, messageId: string, emoji: string): Promise<{ added: boolean; message: ChatMessagePayload }> {
    this.throttle(userId);
    const message = await this.requireVisibleMessage(userId, messageId);
    if (message.deletedAt) throw DomainException.conflict('The message was deleted.');
    if (!message.reactions.some((r) => r.emoji === emoji) && (await this.messages.distinctEmojiCount(messageId)) >= MAX_DISTINCT_REACTIONS) {
      throw DomainException.badInput(`A message carries at most ${MAX_DISTINCT_REACTIONS} different reactions.`, ['emoji']);
    }
    let added = false;
    const changed = await this.messages.changeMessage(messageId, async (manager) => {
      added = await this.messages.writeReactionToggle(manager, messageId, userId, emoji);
    });
    return { added, message: await this.published(changed) };
  }

  async history(userId: string, channelId: string, options: { beforeSeq?: number; afterSeq?: number; limit: number; threadRootId?: string }) {
    await this.channels.requireReadable(userId, channelId);
    const rows = await this.messages.history(channelId, { ...options, limit: options.limit + 1 });
    const hasMore = rows.length > options.limit;
    if (!hasMore) return { messages: rows, hasMore };
    // One extra row was read in the reading direction: drop it from that end.
    return { messages: options.afterSeq !== undefined ? rows.slice(0, options.limit) : rows.slice(1), hasMore };
  }

  async thread(userId: string, rootId: string, options: { afterSeq?: number; limit: number }) {
    const root = await this.requireVisibleMessage(userId, rootId);
    if (root.threadRootId) throw DomainException.badInput('That message is itself a reply; ask for its thread root.', ['threadRootId']);
    const page = await this.history(userId, root.channelId, { afterSeq: options.afterSeq ?? 0, limit: options.limit, threadRootId: rootId });
    return { root, ...page };
  }

  async search(userId: string, term: string, options: { channelId?: string; first: number; after?: { key: string; id: string } }) {
    if (options.channelId) await this.channels.requireReadable(userId, options.channelId);
    return this.messages.search(userId, term, options);
  }

  private throttle(userId: string): void {
    if (!this.limiter.take(userId)) throw DomainException.rateLimited('You are sending too fast; wait a moment and send again.');
  }

  private duplicateOf(original: ChatMessagePayload, channelId: string): ChatSendResult & { message: ChatMessagePayload } {
    if (original.channelId !== channelId) throw DomainException.conflict('This client id was already used for a message in another channel.');
    return { messageId: original.id, seq: original.seq, revision: original.revision, createdAt: original.createdAt, duplicate: true, message: original };
  }

  private async requireThreadRoot(channelId: string, rootId: string): Promise<void> {
    const root = await this.messages.findById(rootId);
    if (!root || root.channelId !== channelId) throw DomainException.badInput('The thread root is not a message of this channel.', ['threadRootId']);
    if (root.threadRootId) throw DomainException.badInput('Replies go to the thread’s first message, not to a reply.', ['threadRootId']);
    if (root.deletedAt) throw DomainException.conflict('The message was deleted; its thread takes no new replies.');
  }

  /** Mentions name people who can read the channel; anyone else is refused, so nobody is notified of what they cannot open. */
  private async checkedMentions(channelId: string, raw: string[] | undefined): Promise<string[]> {
    const mentions = [...new Set(raw ?? [])];
    if (mentions.length === 0) return [];
    const readers = new Set(await this.channelsRepository.readersAmong(channelId, mentions));
    if (mentions.some((id) => !readers.has(id))) throw DomainException.badInput('Only people who can read this channel can be mentioned.', ['mentions']);
    return mentions;
  }

  private async requireVisibleMessage(userId: string, messageId: string): Promise<ChatMessagePayload> {
    const message = await this.messages.findById(messageId);
    if (!message) throw DomainException.notFound('The message');
    await this.channels.requireReadable(userId, message.channelId);
    return message;
  }

  private async requireOwn(userId: string, messageId: string): Promise<ChatMessagePayload> {
    const message = await this.requireVisibleMessage(userId, messageId);
    if (message.authorId !== userId) throw DomainException.forbidden('Only its author may change a message.');
    if (message.deletedAt) throw DomainException.conflict('The message was deleted.');
    return message;
  }

  private async published(changed: ChatMessagePayload | null): Promise<ChatMessagePayload> {
    if (!changed) throw DomainException.notFound('The message');
    this.delivery.publish({ kind: 'updated', message: changed });
    return changed;
  }
}

/** Bodies are trimmed; an empty or over-long one is refused (limits in characters, as people count them). */
export const MAX_BODY_LENGTH = 4000;

function requireBody(raw: string): string {
  const body = raw.trim();
  if (body.length === 0) throw DomainException.badInput('The message is empty.', ['body']);
  if ([...body].length > MAX_BODY_LENGTH) throw DomainException.badInput(`A message holds at most ${MAX_BODY_LENGTH} characters.`, ['body']);
  return body;
}
