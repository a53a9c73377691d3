import { RequireAuth } from '@/components/ui/require-auth';
import { MyInvitations } from '@/features/organisations/components/my-invitations';

export function Component() {
  return (
    <RequireAuth>
      <MyInvitations />
    </RequireAuth>
  );
}
