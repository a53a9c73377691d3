import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { CHAT_NAMESPACE, PresenceStatus, Rooms, type ChatClientToServerEvents, type ChatServerToClientEvents, type PresencePayload } from '@app/contracts';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { RedisService } from '@api/platform/realtime/redis.service.js';
import { SocketServer } from '@api/platform/realtime/socket-server.js';
import { ChatChannelsRepository } from './chat-channels.repository.js';
import { MemoryPresenceStore, RedisPresenceStore, type LiveStatus, type PresenceStore } from './presence.store.js';

/** An entry lives this long unless renewed; instances renew theirs every third of it. */
const TTL_MS = 90_000;
/** Presence must never hold up a socket: a store that does not answer in time is skipped. */
const STORE_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(DomainException.serviceUnavailable('Presence is briefly unavailable; try again.')), STORE_TIMEOUT_MS).unref()),
  ]);
}

/**
 * Online, away or offline per user, combined over all their sockets on all instances (tabs, devices).
 * A change of a user's combined status is sent to the sockets watching them.
 */
@Injectable()
export class PresenceService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Presence');
  private readonly local = new Map<string, { userId: string; status: LiveStatus }>();
  private store!: PresenceStore;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    private readonly redis: RedisService,
    private readonly sockets: SocketServer,
    private readonly channels: ChatChannelsRepository,
  ) {}

  onModuleInit(): void {
    this.store = this.redis.enabled ? new RedisPresenceStore(this.redis.connect('presence')) : new MemoryPresenceStore();
    this.heartbeat = setInterval(() => void this.renew(), TTL_MS / 3);
    this.heartbeat.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.heartbeat);
  }

  connected(socket: Socket, userId: string): Promise<void> {
    this.local.set(socket.id, { userId, status: PresenceStatus.ONLINE });
    return this.change(userId, () => this.store.put(userId, socket.id, PresenceStatus.ONLINE, TTL_MS));
  }

  disconnected(socket: Socket): Promise<void> {
    const entry = this.local.get(socket.id);
    if (!entry) return Promise.resolve();
    this.local.delete(socket.id);
    return this.change(entry.userId, () => this.store.remove(entry.userId, socket.id));
  }

  set(socket: Socket, userId: string, status: LiveStatus): Promise<void> {
    this.local.set(socket.id, { userId, status });
    return this.change(userId, () => this.store.put(userId, socket.id, status, TTL_MS));
  }

  /** Starts sending the socket changes of these users' presence, and answers their current one. */
  async watch(socket: Socket, watcherId: string, userIds: string[]): Promise<PresencePayload[]> {
    const visible = await this.channels.visiblePresence(watcherId, [...new Set(userIds)]);
    if (visible.length < new Set(userIds).size) throw DomainException.forbidden('You may follow the presence only of people you share an organisation, a network or a conversation with.');
    await socket.join(visible.map(Rooms.presence));
    const statuses = await withTimeout(this.store.statuses(visible));
    return visible.map((userId) => ({ userId, status: statuses.get(userId) ?? PresenceStatus.OFFLINE }));
  }

  async statuses(userIds: string[]): Promise<Map<string, PresenceStatus>> {
    return withTimeout(this.store.statuses(userIds));
  }

  /** Applies a write and, when the user's combined status changed, tells their watchers. */
  private async change(userId: string, write: () => Promise<void>): Promise<void> {
    try {
      const before = (await withTimeout(this.store.statuses([userId]))).get(userId);
      await withTimeout(write());
      const after = (await withTimeout(this.store.statuses([userId]))).get(userId)!;
      if (before !== after) this.sockets.namespace<ChatClientToServerEvents, ChatServerToClientEvents>(CHAT_NAMESPACE).to(Rooms.presence(userId)).emit('presence:changed', { userId, status: after });
    } catch (error) {
      this.logger.warn({ err: error, userId }, 'presence not updated');
    }
  }

  private async renew(): Promise<void> {
    for (const [socketId, { userId, status }] of this.local) {
      await withTimeout(this.store.put(userId, socketId, status, TTL_MS)).catch(() => undefined);
    }
  }
}
