import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Markdown } from '@/components/ui/markdown';
import { apiError } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { SessionQuery } from '../api/matchmaking';
import { useZonedTime } from './zoned-time';

export function SessionView({ sessionId }: { sessionId: string }) {
  const { t, formatDateTime } = useI18n();
  const zoned = useZonedTime();
  const [result] = useQuery({ query: SessionQuery, variables: { sessionId } });
  if (result.fetching && !result.data) return <Loading />;
  const s = result.data?.matchmakingSession;
  if (!s) return <ErrorMessage error={apiError(result.error)} />;
  // Registration is open until its deadline, in the REGISTRATION phase only.
  const canRegister = s.phase === 'REGISTRATION' && new Date(s.registrationDeadline) > new Date();
  const sameZone = s.timeZone === zoned.viewerZone;
  return (
    <article className="stack">
      <header className="stack">
        <h1 dir="auto">{s.title}</h1>
        <p className="meta">
          <span className={`status status-${s.phase.toLowerCase()}`} data-testid="session-phase">
            {t(`matchmaking.phase.${s.phase}`)}
          </span>{' '}
          · {t('matchmaking.session.registrationDeadline', { date: formatDateTime(s.registrationDeadline) })} ·{' '}
          {t('matchmaking.session.requestDeadline', { date: formatDateTime(s.requestDeadline) })}
        </p>
        <div className="row">
          <Link className="button" to={`/matchmaking/${s.id}/marketplace`}>
            {t('matchmaking.marketplace.title')}
          </Link>
          {canRegister ? (
            <Link className="button primary" to={`/matchmaking/${s.id}/register`}>
              {s.myParticipations.length > 0 ? t('matchmaking.register.edit') : t('matchmaking.register.title')}
            </Link>
          ) : null}
        </div>
      </header>
      <Markdown source={s.description} />
      <p>{t('matchmaking.session.format', { minutes: s.slotMinutes, tables: s.tables, max: s.maxMeetingsPerParticipant })}</p>

      <section aria-labelledby="my-participations" className="stack">
        <h2 id="my-participations">{t('matchmaking.session.mine')}</h2>
        {s.myParticipations.length === 0 ? <p>{t('matchmaking.session.notRegistered')}</p> : null}
        <ul className="cards">
          {s.myParticipations.map((p) => (
            <li key={p.id} className="card row" data-testid="my-participation">
              <bdi>{p.organisationName}</bdi>
              <Link to={`/matchmaking/agenda/${p.id}`}>{t('matchmaking.agenda.title')}</Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="session-days" className="stack">
        <h2 id="session-days">{t('matchmaking.session.days')}</h2>
        {s.days.map((day, d) => (
          <div key={day.date} className="stack">
            <h3>{zoned.localDate(day.date)}</h3>
            <table data-testid="slots">
              <thead>
                <tr>
                  <th scope="col">{t('matchmaking.session.sessionTime', { zone: zoned.city(s.timeZone) })}</th>
                  {sameZone ? null : <th scope="col">{t('matchmaking.session.yourTime', { zone: zoned.city(zoned.viewerZone) })}</th>}
                  <th scope="col">{t('matchmaking.session.slot')}</th>
                </tr>
              </thead>
              <tbody>
                {s.slots
                  .filter((slot) => slot.day === d)
                  .map((slot) => (
                    <tr key={slot.index}>
                      <td>
                        {zoned.time(slot.startsAt, s.timeZone)}–{zoned.time(slot.endsAt, s.timeZone)}
                      </td>
                      {sameZone ? null : (
                        <td>
                          {zoned.time(slot.startsAt)}–{zoned.time(slot.endsAt)}
                        </td>
                      )}
                      <td>{slot.isBreak ? t('matchmaking.session.break') : t('matchmaking.session.meetings')}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>
    </article>
  );
}
