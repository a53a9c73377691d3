import type { ChatMessagePayload } from '@app/contracts';
import type { ChannelView } from './chat-channels.repository.js';
import type { ChatChannel, ChatMessage } from './chat.model.js';

export function toChatChannel(view: ChannelView & { unreadCount?: number; mentionCount?: number }, memberIds: string[] = []): ChatChannel {
  return {
    id: view.id,
    kind: view.kind,
    title: view.title,
    description: view.description,
    networkId: view.networkId,
    challengeId: view.challengeId,
    lastSeq: view.lastSeq,
    revision: view.revision,
    lastMessageAt: view.lastMessageAt,
    lastReadSeq: view.lastReadSeq,
    unreadCount: view.unreadCount ?? null,
    mentionCount: view.mentionCount ?? null,
    memberIds,
    archivedAt: view.archivedAt,
    createdAt: view.createdAt,
  };
}

export function toChatMessage(payload: ChatMessagePayload): ChatMessage {
  return {
    ...payload,
    createdAt: new Date(payload.createdAt),
    editedAt: payload.editedAt ? new Date(payload.editedAt) : null,
    deletedAt: payload.deletedAt ? new Date(payload.deletedAt) : null,
  };
}
