import { useParams } from 'react-router';
import { RequireAuth } from '@/components/ui/require-auth';
import { ChallengeEdit } from '@/features/challenges/components/challenge-edit';

export function Component() {
  const { challengeId } = useParams();
  return <RequireAuth>{challengeId ? <ChallengeEdit key={challengeId} challengeId={challengeId} /> : null}</RequireAuth>;
}
