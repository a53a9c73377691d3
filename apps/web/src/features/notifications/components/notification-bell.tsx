import { useEffect } from 'react';
import { Link } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { useI18n } from '@/lib/i18n';
import { NotificationReceived, UnreadCountQuery } from '../api/notifications';

/** The unread count, kept live: every notification pushed to this user fetches the count again. */
export function NotificationBell() {
  const { t, formatNumber } = useI18n();
  const [count, refetch] = useQuery({ query: UnreadCountQuery });
  const [pushed] = useSubscription({ query: NotificationReceived });
  const latest = pushed.data?.notificationReceived.id;
  useEffect(() => {
    if (latest) refetch({ requestPolicy: 'network-only' });
  }, [latest, refetch]);
  const unread = count.data?.unreadNotificationCount ?? 0;
  return (
    <Link to="/notifications" className="bell" aria-label={t('notifications.bell', { count: unread })}>
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread > 0 ? (
        <span className="badge" data-testid="unread-count">
          {formatNumber(unread)}
        </span>
      ) : null}
    </Link>
  );
}
