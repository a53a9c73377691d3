import { useQuery } from 'urql';
import { useI18n } from '@/lib/i18n';
import { SuggestedExpertsQuery } from '../api/challenges';

export function SuggestedExperts({ challengeId }: { challengeId: string }) {
  const { t } = useI18n();
  const [result] = useQuery({ query: SuggestedExpertsQuery, variables: { challengeId } });
  const experts = result.data?.suggestedExperts ?? [];
  if (experts.length === 0) return null;
  return (
    <section aria-labelledby="experts-title" className="stack">
      <h2 id="experts-title">{t('challenges.experts.title')}</h2>
      <ul className="cards">
        {experts.map((e) => (
          <li key={e.organisation.id} className="card">
            <p>
              <bdi>{e.organisation.name}</bdi> · <bdi>{e.organisation.city}</bdi>
            </p>
            {e.people.length > 0 ? (
              <p className="meta">
                {e.people.map((p, i) => (
                  <span key={p.id}>
                    {i > 0 ? ', ' : ''}
                    <bdi>{p.displayName}</bdi>
                  </span>
                ))}
              </p>
            ) : null}
            <ul className="reasons">
              {e.reasonMessages.map((r) => (
                <li key={r.text} dir="auto" lang={r.language}>
                  {r.text}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
