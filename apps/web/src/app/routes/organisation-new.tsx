import { RequireAuth } from '@/components/ui/require-auth';
import { OrganisationNew } from '@/features/organisations/components/organisation-new';

export function Component() {
  return (
    <RequireAuth>
      <OrganisationNew />
    </RequireAuth>
  );
}
