import type { Redis } from 'ioredis';
import { PresenceStatus } from '@app/contracts';

export type LiveStatus = PresenceStatus.ONLINE | PresenceStatus.AWAY;

/**
 * Where each socket's presence is kept, with an expiry the owning instance keeps renewing: a socket of
 * an instance that died without saying goodbye stops counting once its entry expires.
 */
export interface PresenceStore {
  put(userId: string, socketId: string, status: LiveStatus, ttlMs: number): Promise<void>;
  remove(userId: string, socketId: string): Promise<void>;
  statuses(userIds: string[]): Promise<Map<string, PresenceStatus>>;
}

/** A user is online if any live socket is, away if all live sockets are, offline without any. */
export function combine(entries: Iterable<{ status: LiveStatus; expiresAt: number }>, now: number): PresenceStatus {
  let result = PresenceStatus.OFFLINE;
  for (const entry of entries) {
    if (entry.expiresAt <= now) continue;
    if (entry.status === PresenceStatus.ONLINE) return PresenceStatus.ONLINE;
    result = PresenceStatus.AWAY;
  }
  return result;
}

/** One instance, no Redis: the instance's own memory is the whole truth. */
export class MemoryPresenceStore implements PresenceStore {
  private readonly users = new Map<string, Map<string, { status: LiveStatus; expiresAt: number }>>();

  async put(userId: string, socketId: string, status: LiveStatus, ttlMs: number): Promise<void> {
    let sockets = this.users.get(userId);
    if (!sockets) this.users.set(userId, (sockets = new Map()));
    sockets.set(socketId, { status, expiresAt: Date.now() + ttlMs });
  }

  async remove(userId: string, socketId: string): Promise<void> {
    const sockets = this.users.get(userId);
    sockets?.delete(socketId);
    if (sockets?.size === 0) this.users.delete(userId);
  }

  async statuses(userIds: string[]): Promise<Map<string, PresenceStatus>> {
    const now = Date.now();
    return new Map(userIds.map((id) => [id, combine(this.users.get(id)?.values() ?? [], now)]));
  }
}

/** Shared by all instances: one hash per user, a field per socket holding `STATUS|expiresAt`. */
export class RedisPresenceStore implements PresenceStore {
  constructor(private readonly redis: Redis) {}

  private key(userId: string): string {
    return `innomed:presence:${userId}`;
  }

  async put(userId: string, socketId: string, status: LiveStatus, ttlMs: number): Promise<void> {
    await this.redis
      .multi()
      .hset(this.key(userId), socketId, `${status}|${Date.now() + ttlMs}`)
      .pexpire(this.key(userId), ttlMs * 2)
      .exec();
  }

  async remove(userId: string, socketId: string): Promise<void> {
    await this.redis.hdel(this.key(userId), socketId);
  }

  async statuses(userIds: string[]): Promise<Map<string, PresenceStatus>> {
    const pipeline = this.redis.pipeline();
    for (const id of userIds) pipeline.hgetall(this.key(id));
    const replies = (await pipeline.exec()) ?? [];
    const now = Date.now();
    return new Map(
      userIds.map((id, i) => {
        const fields = (replies[i]?.[1] ?? {}) as Record<string, string>;
        const entries = Object.values(fields).map((value) => {
          const [status, expiresAt] = value.split('|');
          return { status: status as LiveStatus, expiresAt: Number(expiresAt) };
        });
        return [id, combine(entries, now)];
      }),
    );
  }
}
