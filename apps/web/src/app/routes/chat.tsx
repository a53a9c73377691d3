import { RequireAuth } from '@/components/ui/require-auth';
import { ChannelList } from '@/features/chat/components/channel-list';

export function Component() {
  return (
    <RequireAuth>
      <ChannelList />
    </RequireAuth>
  );
}
