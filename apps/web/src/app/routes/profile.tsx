import { RequireAuth } from '@/components/ui/require-auth';
import { ProfileForm } from '@/features/users/components/profile-form';

export function Component() {
  return (
    <RequireAuth>
      <ProfileForm />
    </RequireAuth>
  );
}
