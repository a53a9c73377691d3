import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Loading } from '@/components/ui/loading';
import { apiError } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { MoveMutation, PostChallengeMutation, PostingContextQuery } from '../api/challenges';
import { ChallengeForm, type ChallengeDraft } from './challenge-form';

export function ChallengeNew() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [context] = useQuery({ query: PostingContextQuery });
  const [result, post] = useMutation(PostChallengeMutation);
  const [opening, open] = useMutation(MoveMutation);
  const [keepDraft, setKeepDraft] = useState(false);
  if (!context.data) return <Loading />;
  const organisations = context.data.myOrganisations.map((m) => m.organisation);
  const networks = context.data.networks.nodes.filter((n) => n.viewerRole !== null);
  if (organisations.length === 0 || networks.length === 0) return <p>{t('challenges.new.needMembership')}</p>;

  async function submit(draft: ChallengeDraft) {
    const outcome = await post({ input: draft });
    if (!outcome.data) return;
    const challengeId = outcome.data.postChallenge.id;
    // The hub stores a new challenge as a draft; publishing opens it to the network in a second step.
    if (!keepDraft) await open({ challengeId, to: 'OPEN' });
    navigate(`/challenges/${challengeId}`);
  }
  return (
    <section className="stack">
      <h1>{t('challenges.new.title')}</h1>
      <ChallengeForm
        initial={{ organisationId: organisations[0]!.id, networkId: networks[0]!.id, language: lang, title: '', description: '', levers: [], subsectors: [], materials: [] }}
        organisations={organisations}
        networks={networks}
        submitLabel={keepDraft ? t('challenges.new.saveDraft') : t('challenges.new.submit')}
        busy={result.fetching || opening.fetching}
        error={apiError(result.error ?? opening.error)}
        extra={
          <label>
            <input type="checkbox" checked={keepDraft} onChange={(e) => setKeepDraft(e.target.checked)} /> {t('challenges.new.keepDraft')}
          </label>
        }
        onSubmit={(d) => void submit(d)}
      />
    </section>
  );
}
