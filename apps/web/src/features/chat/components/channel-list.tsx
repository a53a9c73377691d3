import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { apiError } from '@/lib/errors';
import { readFragment } from '@/lib/graphql';
import { useI18n } from '@/lib/i18n';
import { ChatChannelItem, ChatNetworkNameQuery, MyChatChannelsQuery } from '../api/chat';

/** What a channel is called: its own title, else what it belongs to (with the network's name). */
export function ChannelName({ channel }: { channel: { title: string | null; kind: string; networkId: string | null } }) {
  const { t } = useI18n();
  const [network] = useQuery({ query: ChatNetworkNameQuery, variables: { networkId: channel.networkId ?? '' }, pause: !channel.networkId || !!channel.title });
  if (channel.title) return <bdi>{channel.title}</bdi>;
  const name = network.data?.network.name;
  return (
    <>
      {t(`chat.kind.${channel.kind}`)}
      {name ? (
        <>
          {' · '}
          <bdi>{name}</bdi>
        </>
      ) : null}
    </>
  );
}

export function ChannelList() {
  const { t, formatDateTime } = useI18n();
  const [result] = useQuery({ query: MyChatChannelsQuery, requestPolicy: 'network-only' });
  if (result.fetching && !result.data) return <Loading />;
  const channels = (result.data?.myChatChannels.nodes ?? []).map((node) => readFragment(ChatChannelItem, node));
  return (
    <section className="stack">
      <h1>{t('chat.list.title')}</h1>
      <ErrorMessage error={apiError(result.error)} />
      {channels.length === 0 && !result.error ? <p>{t('chat.list.empty')}</p> : null}
      <ul className="cards">
        {channels.map((channel) => (
          <li key={channel.id} className={channel.unreadCount ? 'card unread' : 'card'} data-testid="chat-channel">
            <Link to={`/chat/${channel.id}`}>
              <ChannelName channel={channel} />
            </Link>
            <p className="meta">
              {channel.unreadCount ? (
                <span className="badge" data-testid="chat-unread">
                  {t('chat.list.unread', { count: channel.unreadCount })}
                </span>
              ) : null}
              {channel.lastMessageAt ? <time dateTime={channel.lastMessageAt}>{formatDateTime(channel.lastMessageAt)}</time> : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
