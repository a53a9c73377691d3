import { useParams } from 'react-router';
import { RequireAuth } from '@/components/ui/require-auth';
import { RegistrationForm } from '@/features/matchmaking/components/registration-form';

export function Component() {
  const { sessionId } = useParams();
  return <RequireAuth>{sessionId ? <RegistrationForm key={sessionId} sessionId={sessionId} /> : null}</RequireAuth>;
}
