import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { apiError } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { ChallengeQuery, UpdateChallengeMutation } from '../api/challenges';
import { ChallengeForm, type ChallengeDraft } from './challenge-form';

export function ChallengeEdit({ challengeId }: { challengeId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [query] = useQuery({ query: ChallengeQuery, variables: { challengeId } });
  const [result, update] = useMutation(UpdateChallengeMutation);
  const c = query.data?.challenge;
  if (!c) return query.fetching ? <Loading /> : <ErrorMessage error={apiError(query.error)} />;

  async function submit({ title, description, language, levers, subsectors, materials }: ChallengeDraft) {
    const outcome = await update({ challengeId, input: { title, description, language, levers, subsectors, materials } });
    if (outcome.data) navigate(`/challenges/${challengeId}`);
  }
  return (
    <section className="stack">
      <h1>{t('challenges.edit')}</h1>
      <ChallengeForm
        initial={{ organisationId: c.organisation.id, networkId: c.network.id, language: c.language, title: c.title, description: c.description, levers: c.levers, subsectors: c.subsectors, materials: c.materials }}
        submitLabel={t('common.save')}
        busy={result.fetching}
        error={apiError(result.error)}
        onSubmit={(d) => void submit(d)}
      />
    </section>
  );
}
