import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import type { Socket } from 'socket.io';
import { Rooms, type ChatMessagePayload } from '@app/contracts';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { InstanceInfo } from '@api/platform/realtime/instance-info.js';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import { Topics } from '@api/platform/realtime/topics.js';
import { ChatChannelsRepository } from './chat-channels.repository.js';
import { ChatMessagesRepository } from './chat-messages.repository.js';

/** A stored change as it travels between instances. */
export interface ChatChange {
  kind: 'created' | 'updated';
  message: ChatMessagePayload;
}

/** On the wire: the instance that stored the change, which has already delivered it to its sockets. */
interface PublishedChange extends ChatChange {
  instanceId?: string;
}

/** One socket's position in one channel. */
interface Follow {
  socket: Socket;
  userId: string;
  channelId: string;
  /** Highest seq delivered; every message up to it was delivered once, in order. */
  seq: number;
  /** Every change up to this revision was delivered (or superseded by a newer state that was). */
  revision: number;
  /** Live changes that arrived ahead of a missing one, by revision. */
  pending: Map<number, ChatChange>;
  filling: boolean;
  fillAgain: boolean;
  timer?: NodeJS.Timeout;
  closed: boolean;
}

/** Catch-up reads this many messages per part and statement. */
const PAGE = 500;
/** How often each instance compares its sockets' positions with the database. */
const SWEEP_MS = 5_000;
/** Every this many sweeps, access of every followed channel is checked again. */
const ACCESS_EVERY = 3;

/**
 * Exactly-once, in-order delivery of a channel's changes to each socket, on top of transports that
 * deliver at most once (socket.io, Redis pub/sub):
 * - every stored change is published to all instances; each instance hands it to its own sockets that
 *   follow the channel, in revision order, skipping what a socket already has;
 * - a socket that sees a revision ahead of the next one waits briefly for the missing one (pub/sub from
 *   two instances may interleave), then reads what it missed from the database;
 * - a periodic sweep compares each followed channel's revision in the database with the sockets'
 *   positions, so a change whose publish was lost (Redis restarting) still arrives within seconds.
 * The database is the source of truth; the live path is only the fast path to it.
 */
@Injectable()
export class ChatDelivery implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ChatDelivery');
  private readonly byChannel = new Map<string, Map<string, Follow>>();
  private subscription?: number;
  private sweepTimer?: NodeJS.Timeout;
  private sweeps = 0;
  private sweeping = false;

  constructor(
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly instance: InstanceInfo,
    private readonly messages: ChatMessagesRepository,
    private readonly channels: ChatChannelsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    this.subscription = await this.pubSub.subscribe(
      Topics.chatChanges,
      (change: PublishedChange) => {
        // This instance handed its own changes to its sockets when it stored them.
        if (change.instanceId !== this.instance.id) this.receive(change);
      },
      {},
    );
    this.sweepTimer = setInterval(() => void this.sweep(), SWEEP_MS);
    this.sweepTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweepTimer);
    if (this.subscription !== undefined) this.pubSub.unsubscribe(this.subscription);
    for (const follows of this.byChannel.values()) for (const follow of follows.values()) this.close(follow);
    this.byChannel.clear();
  }

  /**
   * Hands a stored change to this instance's sockets at once and publishes it to the other instances
   * without waiting for the publish: the caller acknowledges once the change is committed, so a Redis
   * outage (ioredis holds the publish until it reconnects) delays the other instances' copies, never
   * the sender's ack. A publish that never arrives is made good by the other instances' sweep, which
   * reads PostgreSQL and runs whether or not Redis is up.
   */
  publish(change: ChatChange): void {
    this.receive(change);
    void this.pubSub.publish(Topics.chatChanges, { ...change, instanceId: this.instance.id } satisfies PublishedChange).catch((error: unknown) => {
      this.logger.warn({ err: error, channelId: change.message.channelId }, 'chat change not published; the sweep will deliver it');
    });
  }

  /**
   * Starts (or restarts) delivering a channel to a socket from the position it reports, then sends
   * everything it missed and `chat:synced`. Resolves once the catch-up was sent.
   */
  async follow(socket: Socket, userId: string, channelId: string, afterSeq: number, afterRevision: number): Promise<void> {
    this.unfollow(socket, channelId);
    if (!socket.connected) return;
    const follow: Follow = { socket, userId, channelId, seq: afterSeq, revision: afterRevision, pending: new Map(), filling: false, fillAgain: false, closed: false };
    let follows = this.byChannel.get(channelId);
    if (!follows) this.byChannel.set(channelId, (follows = new Map()));
    follows.set(socket.id, follow);
    await this.fill(follow);
  }

  unfollow(socket: Socket, channelId: string): void {
    const follows = this.byChannel.get(channelId);
    const follow = follows?.get(socket.id);
    if (!follow) return;
    this.close(follow);
    follows!.delete(socket.id);
    if (follows!.size === 0) this.byChannel.delete(channelId);
  }

  /** Forgets a disconnected socket everywhere. */
  dropSocket(socket: Socket, channelIds: Iterable<string>): void {
    for (const channelId of channelIds) this.unfollow(socket, channelId);
  }

  isFollowing(socket: Socket, channelId: string): boolean {
    return this.byChannel.get(channelId)?.has(socket.id) ?? false;
  }

  /**
   * Hands a change to every follow of its channel. The common case — the change is exactly the next
   * one a follow expects and nothing is waiting — is sent to all such sockets in one local broadcast,
   * so the payload is encoded once instead of once per member; the rest go through the ordering path.
   */
  private receive(change: ChatChange): void {
    const follows = this.byChannel.get(change.message.channelId);
    if (!follows) return;
    const message = change.message;
    const asNew: string[] = [];
    const asUpdate: string[] = [];
    let namespace: Socket['nsp'] | undefined;
    for (const follow of follows.values()) {
      if (message.revision !== follow.revision + 1 || follow.pending.size > 0 || follow.filling) {
        this.offer(follow, change);
        continue;
      }
      // The same decisions as `send`, collected instead of emitted one by one.
      follow.revision = message.revision;
      namespace = follow.socket.nsp;
      if (message.seq > follow.seq) {
        follow.seq = message.seq;
        asNew.push(follow.socket.id);
      } else if (change.kind === 'updated') {
        asUpdate.push(follow.socket.id);
      }
    }
    if (namespace && asNew.length > 0) namespace.local.to(asNew).emit('chat:message', message);
    if (namespace && asUpdate.length > 0) namespace.local.to(asUpdate).emit('chat:message:updated', message);
  }

  private offer(follow: Follow, change: ChatChange): void {
    if (change.message.revision <= follow.revision) return;
    follow.pending.set(change.message.revision, change);
    if (!follow.filling) this.pump(follow);
  }

  /** Sends the pending changes that continue the socket's sequence; waits for a missing one briefly. */
  private pump(follow: Follow): void {
    for (let next = follow.pending.get(follow.revision + 1); next; next = follow.pending.get(follow.revision + 1)) {
      follow.pending.delete(follow.revision + 1);
      follow.revision += 1;
      this.send(follow, next);
    }
    if (follow.pending.size === 0) {
      clearTimeout(follow.timer);
      follow.timer = undefined;
    } else if (!follow.timer) {
      follow.timer = setTimeout(() => void this.fill(follow), this.config.chat.gapFillDelayMs);
    }
  }

  private send(follow: Follow, change: ChatChange): void {
    const message = change.message;
    if (message.seq > follow.seq) {
      follow.seq = message.seq;
      follow.socket.emit('chat:message', message);
    } else if (change.kind === 'updated') {
      follow.socket.emit('chat:message:updated', message);
    }
  }

  /**
   * Reads from the database what the socket is missing, sends it, then resumes the live changes that
   * came after. The position it ends at is the channel's revision when the first page was read: a
   * change after that either comes in a later page (then its live copy is skipped by seq) or live.
   */
  private async fill(follow: Follow): Promise<void> {
    if (follow.closed) return;
    if (follow.filling) {
      follow.fillAgain = true;
      return;
    }
    follow.filling = true;
    clearTimeout(follow.timer);
    follow.timer = undefined;
    try {
      const knownSeq = follow.seq;
      let updatedAfter = follow.revision;
      let createdAfter = follow.seq;
      let reachedRevision: number | undefined;
      for (;;) {
        const page = await this.messages.changesSince(follow.channelId, knownSeq, updatedAfter, createdAfter, PAGE);
        if (follow.closed) return;
        reachedRevision ??= page.revision;
        for (const message of page.updated) {
          updatedAfter = message.revision;
          follow.socket.emit('chat:message:updated', message);
        }
        for (const message of page.created) {
          createdAfter = message.seq;
          if (message.seq > follow.seq) {
            follow.seq = message.seq;
            follow.socket.emit('chat:message', message);
          }
        }
        if (page.updated.length < PAGE && page.created.length < PAGE) break;
      }
      follow.revision = Math.max(follow.revision, reachedRevision);
      for (const revision of follow.pending.keys()) if (revision <= follow.revision) follow.pending.delete(revision);
      follow.socket.emit('chat:synced', { channelId: follow.channelId, seq: follow.seq, revision: follow.revision });
    } catch (error) {
      // The database is away: try again shortly; the socket keeps its position meanwhile.
      this.logger.warn({ err: error, channelId: follow.channelId }, 'chat catch-up failed; retrying');
      follow.fillAgain = false;
      follow.filling = false;
      if (!follow.timer && !follow.closed) follow.timer = setTimeout(() => void this.fill(follow), 1_000);
      return;
    }
    follow.filling = false;
    if (follow.fillAgain) {
      follow.fillAgain = false;
      return this.fill(follow);
    }
    this.pump(follow);
  }

  /**
   * Compares the followed channels' revisions with the sockets' positions and fills whoever is behind
   * with nothing on the way; every few sweeps, also closes follows whose user lost access.
   */
  private async sweep(): Promise<void> {
    if (this.sweeping || this.byChannel.size === 0) return;
    this.sweeping = true;
    try {
      // Only the channels asked about are judged: one first followed while the query ran is not missing.
      const asked = [...this.byChannel.keys()];
      const revisions = await this.channels.revisions(asked);
      for (const channelId of asked) {
        const follows = this.byChannel.get(channelId);
        if (!follows) continue;
        const revision = revisions.get(channelId);
        for (const follow of [...follows.values()]) {
          if (revision === undefined) this.closeWith(follow, 'ARCHIVED');
          else if (follow.revision < revision && !follow.filling && !follow.timer) void this.fill(follow);
        }
      }
      if (++this.sweeps % ACCESS_EVERY === 0) await this.recheckAccess();
    } catch (error) {
      this.logger.warn({ err: error }, 'chat delivery sweep failed');
    } finally {
      this.sweeping = false;
    }
  }

  private async recheckAccess(): Promise<void> {
    const pairs = new Map<string, { channelId: string; userId: string }>();
    for (const [channelId, follows] of this.byChannel) for (const follow of follows.values()) pairs.set(`${channelId}:${follow.userId}`, { channelId, userId: follow.userId });
    for (const revoked of await this.channels.revokedPairs([...pairs.values()])) {
      for (const follow of this.byChannel.get(revoked.channelId)?.values() ?? []) {
        if (follow.userId === revoked.userId) this.closeWith(follow, 'ACCESS_REVOKED');
      }
    }
  }

  private closeWith(follow: Follow, reason: 'ACCESS_REVOKED' | 'ARCHIVED'): void {
    follow.socket.emit('chat:channel-closed', { channelId: follow.channelId, reason });
    void follow.socket.leave(Rooms.chatChannel(follow.channelId));
    this.unfollow(follow.socket, follow.channelId);
  }

  private close(follow: Follow): void {
    follow.closed = true;
    clearTimeout(follow.timer);
    follow.pending.clear();
  }
}
