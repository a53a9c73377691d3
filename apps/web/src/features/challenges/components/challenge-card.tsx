import { Link } from 'react-router';
import { readFragment, type FragmentOf } from '@/lib/graphql';
import { useI18n } from '@/lib/i18n';
import { ChallengeCard as Fragment } from '../api/challenges';

export function ChallengeCard({ data }: { data: FragmentOf<typeof Fragment> }) {
  const { t, formatDate } = useI18n();
  const c = readFragment(Fragment, data);
  return (
    <li className="card">
      <h2 className="card-title">
        <Link to={`/challenges/${c.id}`} lang={c.language} dir="auto">
          {c.title}
        </Link>
      </h2>
      <p className="meta">
        <span className={`status status-${c.status.toLowerCase()}`}>{t(`challenges.status.${c.status}`)}</span>
        <bdi>{c.organisation.name}</bdi> · <bdi>{c.organisation.city}</bdi>
      </p>
      <p className="meta">
        {t('challenges.answerCount', { count: c.answerCount })} · {t('challenges.score', { score: c.voteScore })} ·{' '}
        <time dateTime={c.lastActivityAt}>{formatDate(c.lastActivityAt)}</time>
      </p>
    </li>
  );
}
