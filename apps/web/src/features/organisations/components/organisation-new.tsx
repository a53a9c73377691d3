import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { apiError } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { CreateOrganisationMutation } from '../api/organisations';
import { OrganisationForm, type OrganisationDraft } from './organisation-form';

export function OrganisationNew() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [result, create] = useMutation(CreateOrganisationMutation);
  async function submit(d: OrganisationDraft) {
    const outcome = await create({ input: { name: d.name, kind: d.kind, country: d.country, city: d.city, description: d.description || null, website: d.website || null } });
    if (outcome.data) navigate(`/organisations/${outcome.data.createOrganisation.id}`);
  }
  return (
    <section className="stack">
      <h1>{t('organisations.new.title')}</h1>
      <OrganisationForm initial={{ name: '', kind: 'SME', country: '', city: '', description: '', website: '' }} submitLabel={t('organisations.new.submit')} busy={result.fetching} error={apiError(result.error)} onSubmit={(d) => void submit(d)} />
    </section>
  );
}
