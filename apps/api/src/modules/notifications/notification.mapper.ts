import type { ServerTextLanguage } from '@app/contracts';
import { renderServerText } from '@api/platform/i18n/server-text.js';
import type { NotificationEntity } from './notification.entity.js';
import type { Notification } from './notification.model.js';

/** A stored notification as its owner sees it: the summary worded in their language. */
export function toNotification(entity: NotificationEntity, language: ServerTextLanguage): Notification {
  const s = entity.subject ?? {};
  const message = renderServerText({ code: entity.textCode, params: entity.textParams ?? [] }, language);
  return {
    id: entity.id,
    kind: entity.kind,
    title: message.text,
    message,
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
