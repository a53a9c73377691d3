import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { apiError } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { SessionsQuery } from '../api/matchmaking';
import { useZonedTime } from './zoned-time';

export function SessionList() {
  const { t } = useI18n();
  const zoned = useZonedTime();
  const [result] = useQuery({ query: SessionsQuery, variables: {} });
  if (result.fetching && !result.data) return <Loading />;
  const sessions = result.data?.matchmakingSessions.nodes;
  return (
    <section className="stack">
      <h1>{t('matchmaking.list.title')}</h1>
      <ErrorMessage error={apiError(result.error)} />
      {sessions && sessions.length === 0 ? <p>{t('matchmaking.list.empty')}</p> : null}
      <ul className="cards">
        {sessions?.map((s) => (
          <li key={s.id} className="card stack" data-testid="session-card">
            <h2>
              <Link to={`/matchmaking/${s.id}`}>
                <bdi>{s.title}</bdi>
              </Link>
            </h2>
            <p className="meta">
              <span className={`status status-${s.phase.toLowerCase()}`}>{t(`matchmaking.phase.${s.phase}`)}</span>
              {s.days[0] ? <> · {zoned.localDate(s.days[0].date)}</> : null}
              {s.myParticipations.length > 0 ? <> · {t('matchmaking.list.registered')}</> : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
