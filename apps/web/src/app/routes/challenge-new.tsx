import { RequireAuth } from '@/components/ui/require-auth';
import { ChallengeNew } from '@/features/challenges/components/challenge-new';

export function Component() {
  return (
    <RequireAuth>
      <ChallengeNew />
    </RequireAuth>
  );
}
