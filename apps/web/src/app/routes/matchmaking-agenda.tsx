import { useParams } from 'react-router';
import { RequireAuth } from '@/components/ui/require-auth';
import { Agenda } from '@/features/matchmaking/components/agenda';

export function Component() {
  const { participantId } = useParams();
  return <RequireAuth>{participantId ? <Agenda key={participantId} participantId={participantId} /> : null}</RequireAuth>;
}
