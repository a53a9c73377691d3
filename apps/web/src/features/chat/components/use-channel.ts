import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { readFragment, type ResultOf } from '@/lib/graphql';
import { chatConnection, type ChatMessageEvent } from '@/lib/chat-socket';
import { apiError, type ApiError } from '@/lib/errors';
import { ChatChannelItem, ChatChannelQuery, ChatMessageFields, MarkChatReadMutation, OlderChatMessagesQuery } from '../api/chat';
import { discard, enqueue, flush, newClientId, onOutboxChange, outboxEntries, type OutboxEntry } from '../outbox';

export type ChannelInfo = ResultOf<typeof ChatChannelItem> & { description: string | null; archivedAt: string | null };

/** Adds or replaces messages by id (the newer revision wins) and keeps them in seq order. */
function merge(current: ChatMessageEvent[], incoming: ChatMessageEvent[]): ChatMessageEvent[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const message of incoming) {
    const held = byId.get(message.id);
    if (!held || held.revision <= message.revision) byId.set(message.id, message);
  }
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

function toEvents(messages: readonly unknown[]): ChatMessageEvent[] {
  return messages.map((m) => readFragment(ChatMessageFields, m as never) as ChatMessageEvent);
}

/**
 * One channel as the page shows it: the latest page of history, older pages on demand, the live stream
 * (joined from the last seq and revision of that page, so nothing between them is lost or doubled), and
 * this user's unacknowledged messages from the outbox.
 */
export function useChannel(channelId: string, userId: string) {
  const client = useClient();
  const [channel, setChannel] = useState<ChannelInfo | null>(null);
  const [messages, setMessages] = useState<ChatMessageEvent[]>([]);
  const [hasOlder, setHasOlder] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [outbox, setOutbox] = useState<OutboxEntry[]>([]);
  const [connected, setConnected] = useState(chatConnection.connected);
  const [, markRead] = useMutation(MarkChatReadMutation);
  const readSent = useRef(0);
  const [typingUntil, setTypingUntil] = useState(0);
  const typingSent = useRef(0);

  // The indicator goes when its time is up, unless another chat:typing renewed it.
  useEffect(() => {
    if (typingUntil === 0) return;
    const timer = setTimeout(() => setTypingUntil(0), Math.max(0, typingUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [typingUntil]);

  const typing = useCallback(() => {
    // The hub relays at most one every 2 s per user; sending more often would only cost frames.
    if (Date.now() - typingSent.current < 2_000) return;
    typingSent.current = Date.now();
    chatConnection.typing(channelId);
  }, [channelId]);

  useEffect(() => {
    let live = true;
    let unfollow: (() => void) | null = null;
    void client
      .query(ChatChannelQuery, { channelId }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (!live) return;
        if (!result.data) {
          setError(apiError(result.error));
          return;
        }
        const info = readFragment(ChatChannelItem, result.data.chatChannel);
        setChannel({ ...info, description: result.data.chatChannel.description ?? null, archivedAt: result.data.chatChannel.archivedAt ?? null });
        readSent.current = info.lastReadSeq;
        const page = toEvents(result.data.chatMessages.messages);
        setMessages(page);
        setHasOlder(result.data.chatMessages.hasMore);
        const from = { seq: page.reduce((max, m) => Math.max(max, m.seq), 0), revision: page.reduce((max, m) => Math.max(max, m.revision), 0) };
        unfollow = chatConnection.follow(channelId, from, {
          message: (m) => setMessages((current) => merge(current, [m])),
          typing: ({ until }) => setTypingUntil(Date.parse(until)),
          updated: (m) => setMessages((current) => (current.some((held) => held.id === m.id) ? merge(current, [m]) : current)),
        });
      });
    return () => {
      live = false;
      unfollow?.();
    };
  }, [client, channelId]);

  useEffect(() => {
    let live = true;
    const load = () => void outboxEntries(userId, channelId).then((entries) => live && setOutbox(entries));
    load();
    const off = onOutboxChange(load);
    return () => {
      live = false;
      off();
    };
  }, [userId, channelId]);

  useEffect(
    () =>
      chatConnection.onConnection((now) => {
        setConnected(now);
        if (now) void flush(userId);
      }),
    [userId],
  );
  useEffect(() => {
    if (chatConnection.connected) void flush(userId);
  }, [userId]);

  const lastSeq = messages.length > 0 ? messages[messages.length - 1]!.seq : 0;
  useEffect(() => {
    if (lastSeq <= readSent.current || document.visibilityState !== 'visible') return;
    readSent.current = lastSeq;
    void markRead({ channelId, seq: lastSeq });
  }, [channelId, lastSeq, markRead]);

  const loadOlder = useCallback(async () => {
    const first = messages[0];
    if (!first) return;
    setLoadingOlder(true);
    const result = await client.query(OlderChatMessagesQuery, { channelId, beforeSeq: first.seq }, { requestPolicy: 'network-only' }).toPromise();
    setLoadingOlder(false);
    if (!result.data) {
      setError(apiError(result.error));
      return;
    }
    setMessages((current) => merge(current, toEvents(result.data!.chatMessages.messages)));
    setHasOlder(result.data.chatMessages.hasMore);
  }, [client, channelId, messages]);

  const send = useCallback((body: string) => enqueue({ clientId: newClientId(), channelId, userId, body }), [channelId, userId]);

  // A queued message the stream already brought (its ack was lost, or arrived after the stream) is shown once.
  const pending = useMemo(() => {
    const stored = new Set(messages.filter((m) => m.authorId === userId).map((m) => m.clientId));
    return outbox.filter((entry) => !stored.has(entry.clientId));
  }, [messages, outbox, userId]);

  return { someoneTyping: typingUntil > 0, typing, channel, messages, pending, hasOlder, loadingOlder, loadOlder, send, discard, error, connected };
}
