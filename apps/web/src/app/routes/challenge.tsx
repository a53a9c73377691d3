import { useParams } from 'react-router';
import { RequireAuth } from '@/components/ui/require-auth';
import { ChallengeView } from '@/features/challenges/components/challenge-view';

export function Component() {
  const { challengeId } = useParams();
  return <RequireAuth>{challengeId ? <ChallengeView key={challengeId} challengeId={challengeId} /> : null}</RequireAuth>;
}
