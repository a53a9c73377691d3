import '../chat.css';
import { useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { ChatMessageEvent } from '@/lib/chat-socket';
import { useI18n } from '@/lib/i18n';
import type { OutboxEntry } from '../outbox';
import { ChannelName } from './channel-list';
import { MessageBody } from './message-body';
import { useChannel } from './use-channel';

function useLanguageName() {
  const { lang } = useI18n();
  const names = useMemo(() => new Intl.DisplayNames([lang], { type: 'language' }), [lang]);
  return (code: string) => names.of(code) ?? code;
}

function MessageItem({ message, mine }: { message: ChatMessageEvent; mine: boolean }) {
  const { t, formatDateTime } = useI18n();
  const languageName = useLanguageName();
  return (
    <li className={mine ? 'chat-message mine' : 'chat-message'} data-testid="chat-message" data-status="sent" data-seq={message.seq} data-client-id={message.clientId}>
      {message.deletedAt ? <p className="meta">{t('chat.message.deleted')}</p> : <MessageBody source={message.body} lang={message.language} />}
      <p className="meta">
        {mine ? <span>{t('chat.message.you')}</span> : null}
        <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
        {message.language && !message.deletedAt ? (
          <span className="chat-lang" data-testid="chat-language">
            {t('chat.message.language', { language: languageName(message.language) })}
          </span>
        ) : null}
        {message.editedAt && !message.deletedAt ? <span>{t('chat.message.edited')}</span> : null}
        {message.threadRootId ? <span>{t('chat.message.inThread')}</span> : null}
        {message.replyCount > 0 ? <span>{t('chat.message.replies', { count: message.replyCount })}</span> : null}
      </p>
      {message.reactions.length > 0 ? (
        <ul className="chat-reactions" aria-label={t('chat.message.reactions')}>
          {message.reactions.map((r) => (
            <li key={r.emoji} data-testid="chat-reaction">
              <span>{r.emoji}</span> <span>{r.count}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function PendingItem({ entry, onDiscard }: { entry: OutboxEntry; onDiscard(): void }) {
  const { t } = useI18n();
  return (
    <li className="chat-message mine pending" data-testid="chat-message" data-status={entry.error ? 'failed' : 'pending'} data-client-id={entry.clientId}>
      <MessageBody source={entry.body} lang={null} />
      <p className="meta">
        {entry.error ? (
          <>
            <span role="alert">{t('chat.message.failed', { code: entry.error })}</span>
            <button type="button" className="link" onClick={onDiscard}>
              {t('chat.message.discard')}
            </button>
          </>
        ) : (
          <span>{t('chat.message.pending')}</span>
        )}
      </p>
    </li>
  );
}

export function ChannelView({ channelId, userId }: { channelId: string; userId: string }) {
  const { t } = useI18n();
  const { someoneTyping, typing, channel, messages, pending, hasOlder, loadingOlder, loadOlder, send, discard, error, connected } = useChannel(channelId, userId);
  const [draft, setDraft] = useState('');

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const body = draft.trim();
    if (!body) return;
    setDraft('');
    void send(body);
  }
  function onKey(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  }

  if (!channel) return error ? <ErrorMessage error={error} /> : <Loading />;
  return (
    <section className="stack chat">
      <p>
        <Link to="/chat">{t('chat.list.title')}</Link>
      </p>
      <h1>
        <ChannelName channel={channel} />
      </h1>
      {channel.description ? <p dir="auto">{channel.description}</p> : null}
      <p className="meta" role="status" data-testid="chat-connection">
        {connected ? t('chat.connection.live') : t('chat.connection.offline')}
      </p>
      <ErrorMessage error={error} />
      {hasOlder ? (
        <button type="button" onClick={() => void loadOlder()} disabled={loadingOlder}>
          {t('chat.history.older')}
        </button>
      ) : null}
      {/* The log role on a wrapper, so the list keeps its list semantics. */}
      <div role="log" aria-label={t('chat.history.label')}>
        <ol className="chat-log">
          {messages.map((m) => (
            <MessageItem key={m.id} message={m} mine={m.authorId === userId} />
          ))}
          {pending.map((entry) => (
            <PendingItem key={entry.clientId} entry={entry} onDiscard={() => void discard(entry.clientId)} />
          ))}
        </ol>
      </div>
      <p className="meta" aria-live="polite" data-testid="chat-typing">
        {someoneTyping ? t('chat.typing') : null}
      </p>
      {channel.archivedAt ? (
        <p>{t('chat.archived')}</p>
      ) : (
        <form className="chat-composer" onSubmit={submit}>
          <label htmlFor="chat-draft">{t('chat.composer.label')}</label>
          <textarea id="chat-draft" dir="auto" rows={2} maxLength={4000} value={draft} onChange={(e) => {
              setDraft(e.target.value);
              typing();
            }} onKeyDown={onKey} />
          <button type="submit">{t('chat.composer.send')}</button>
        </form>
      )}
    </section>
  );
}
