import { Inject, Injectable } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import type { NotificationKind, ServerTextData } from '@app/contracts';
import { renderServerText, viewerLanguage } from '@api/platform/i18n/server-text.js';
import { UsersRepository } from '@api/modules/identity/users/users.repository.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { decodeCursor, toPage, type Page } from '@api/platform/graphql/pagination.js';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import { Topics } from '@api/platform/realtime/topics.js';
import { toNotification } from './notification.mapper.js';
import type { NotificationSubject } from './notification.entity.js';
import type { Notification } from './notification.model.js';
import { NotificationsRepository } from './notifications.repository.js';

/** A user's notifications: stored, listed, counted, marked read, and pushed as they arrive. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly users: UsersRepository,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  /**
   * Stores one notification per recipient (never the actor) with its text as a code and parameters,
   * then pushes each to its owner worded in the owner's language.
   */
  async notify(recipients: string[], actorId: string, kind: NotificationKind, text: ServerTextData, subject: NotificationSubject): Promise<void> {
    const english = renderServerText(text, 'en').text;
    const stored = await this.notifications.createFor(recipients.filter((id) => id !== actorId), kind, english, text, subject);
    const languages = await this.notifications.languagesOf(stored.map((n) => n.userId));
    await Promise.all(stored.map((n) => this.pubSub.publish(Topics.notificationReceived(n.userId), { notificationReceived: toNotification(n, viewerLanguage(languages.get(n.userId))) })));
  }

  /** A page of the caller's notifications, worded in their preferred language. */
  async page(caller: AuthUser, unreadOnly: boolean, first: number, after?: string): Promise<Page<Notification>> {
    const [rows, user] = await Promise.all([this.notifications.page(caller.id, unreadOnly, first, decodeCursor(after, 'timestamp')), this.users.findById(caller.id)]);
    const page = toPage(rows, first, (n) => ({ key: n.createdAt.toISOString(), id: n.id }));
    const language = viewerLanguage(user?.preferredLanguages);
    return { nodes: page.nodes.map((n) => toNotification(n, language)), pageInfo: page.pageInfo };
  }

  countUnread(caller: AuthUser): Promise<number> {
    return this.notifications.countUnread(caller.id);
  }

  markRead(caller: AuthUser, ids: string[] | undefined): Promise<number> {
    return this.notifications.markRead(caller.id, ids);
  }
}
