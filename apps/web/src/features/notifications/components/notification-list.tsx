import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { apiError } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { MarkReadMutation, NotificationsQuery, UnreadCountQuery } from '../api/notifications';

export function NotificationList() {
  const { t, formatDateTime } = useI18n();
  const [list, refetch] = useQuery({ query: NotificationsQuery, variables: {} });
  const [, count] = useQuery({ query: UnreadCountQuery });
  const [marking, markRead] = useMutation(MarkReadMutation);

  async function mark(ids?: string[]) {
    await markRead({ notificationIds: ids });
    refetch({ requestPolicy: 'network-only' });
    count({ requestPolicy: 'network-only' });
  }

  if (list.fetching && !list.data) return <Loading />;
  const nodes = list.data?.notifications.nodes ?? [];
  return (
    <section className="stack">
      <div className="row">
        <h1>{t('notifications.title')}</h1>
        <button type="button" onClick={() => void mark()} disabled={marking.fetching || nodes.every((n) => n.readAt)}>
          {t('notifications.markAllRead')}
        </button>
      </div>
      <ErrorMessage error={apiError(list.error ?? marking.error)} />
      {nodes.length === 0 ? <p>{t('notifications.empty')}</p> : null}
      <ul className="cards">
        {nodes.map((n) => (
          <li key={n.id} className={n.readAt ? 'card' : 'card unread'}>
            <p dir="auto" lang={n.message.language} data-testid="notification-text">
              {n.challengeId ? <Link to={`/challenges/${n.challengeId}`}>{n.message.text}</Link> : n.message.text}
            </p>
            <p className="meta">
              <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
              {n.readAt ? null : (
                <button type="button" className="link" onClick={() => void mark([n.id])}>
                  {t('notifications.markRead')}
                </button>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
