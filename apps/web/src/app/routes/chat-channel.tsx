import { useParams } from 'react-router';
import { RequireAuth } from '@/components/ui/require-auth';
import { ChannelView } from '@/features/chat/components/channel-view';
import { useSessionState } from '@/lib/use-session';

export function Component() {
  const { channelId } = useParams();
  const state = useSessionState();
  const userId = state.kind === 'signedOut' ? null : state.session.userId;
  return <RequireAuth>{channelId && userId ? <ChannelView key={channelId} channelId={channelId} userId={userId} /> : null}</RequireAuth>;
}
