import { Inject, Injectable } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import type { NotificationKind } from '@app/contracts';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { decodeCursor, toPage, type Page } from '@api/platform/graphql/pagination.js';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import { Topics } from '@api/platform/realtime/topics.js';
import { toNotification } from './notification.mapper.js';
import type { NotificationEntity, NotificationSubject } from './notification.entity.js';
import { NotificationsRepository } from './notifications.repository.js';

/** A user's notifications: stored, listed, counted, marked read, and pushed as they arrive. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  /** Stores one notification per recipient (never the actor), then pushes each to its owner. */
  async notify(recipients: string[], actorId: string, kind: NotificationKind, title: string, subject: NotificationSubject): Promise<void> {
    const stored = await this.notifications.createFor(recipients.filter((id) => id !== actorId), kind, title, subject);
    await Promise.all(stored.map((n) => this.pubSub.publish(Topics.notificationReceived(n.userId), { notificationReceived: toNotification(n) })));
  }

  async page(caller: AuthUser, unreadOnly: boolean, first: number, after?: string): Promise<Page<NotificationEntity>> {
    const rows = await this.notifications.page(caller.id, unreadOnly, first, decodeCursor(after, 'timestamp'));
    return toPage(rows, first, (n) => ({ key: n.createdAt.toISOString(), id: n.id }));
  }

  countUnread(caller: AuthUser): Promise<number> {
    return this.notifications.countUnread(caller.id);
  }

  markRead(caller: AuthUser, ids: string[] | undefined): Promise<number> {
    return this.notifications.markRead(caller.id, ids);
  }
}
