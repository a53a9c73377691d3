import { useParams } from 'react-router';
import { RequireAuth } from '@/components/ui/require-auth';
import { Marketplace } from '@/features/matchmaking/components/marketplace';

export function Component() {
  const { sessionId } = useParams();
  return <RequireAuth>{sessionId ? <Marketplace key={sessionId} sessionId={sessionId} /> : null}</RequireAuth>;
}
