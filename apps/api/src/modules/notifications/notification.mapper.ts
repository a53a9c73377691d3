import type { NotificationEntity } from './notification.entity.js';
import type { Notification } from './notification.model.js';

export function toNotification(entity: NotificationEntity): Notification {
  const s = entity.subject ?? {};
  return {
    id: entity.id,
    kind: entity.kind,
    title: entity.title,
    challengeId: s.challengeId ?? null,
    answerId: s.answerId ?? null,
    networkId: s.networkId ?? null,
    organisationId: s.organisationId ?? null,
    chatChannelId: s.chatChannelId ?? null,
    chatMessageId: s.chatMessageId ?? null,
    listingId: s.listingId ?? null,
    counterListingId: s.counterListingId ?? null,
    readAt: entity.readAt ?? null,
    createdAt: entity.createdAt,
  };
}
