import { RequireAuth } from '@/components/ui/require-auth';
import { SessionList } from '@/features/matchmaking/components/session-list';

export function Component() {
  return (
    <RequireAuth>
      <SessionList />
    </RequireAuth>
  );
}
