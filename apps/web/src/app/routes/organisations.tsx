import { RequireAuth } from '@/components/ui/require-auth';
import { OrganisationList } from '@/features/organisations/components/organisation-list';

export function Component() {
  return (
    <RequireAuth>
      <OrganisationList />
    </RequireAuth>
  );
}
