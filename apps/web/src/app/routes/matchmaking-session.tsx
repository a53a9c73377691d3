import { useParams } from 'react-router';
import { RequireAuth } from '@/components/ui/require-auth';
import { SessionView } from '@/features/matchmaking/components/session-view';

export function Component() {
  const { sessionId } = useParams();
  return <RequireAuth>{sessionId ? <SessionView key={sessionId} sessionId={sessionId} /> : null}</RequireAuth>;
}
