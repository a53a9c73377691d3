import { useParams } from 'react-router';
import { RequireAuth } from '@/components/ui/require-auth';
import { OrganisationView } from '@/features/organisations/components/organisation-view';

export function Component() {
  const { organisationId } = useParams();
  return <RequireAuth>{organisationId ? <OrganisationView key={organisationId} organisationId={organisationId} /> : null}</RequireAuth>;
}
