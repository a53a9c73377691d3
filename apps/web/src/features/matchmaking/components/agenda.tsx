import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useClient, useQuery, useSubscription } from 'urql';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { apiError, type ApiError } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { AgendaCalendarQuery, AgendaChangedSubscription, AgendaQuery } from '../api/matchmaking';
import { useZonedTime } from './zoned-time';

export function Agenda({ participantId }: { participantId: string }) {
  const { t } = useI18n();
  const zoned = useZonedTime();
  const client = useClient();
  const [result, refetch] = useQuery({ query: AgendaQuery, variables: { participantId, timeZone: zoned.viewerZone } });
  // The organiser's reschedules, new and cancelled meetings arrive here; the page reads the agenda
  // again and says what changed.
  const [changed] = useSubscription({ query: AgendaChangedSubscription, variables: { participantId } });
  const event = changed.data?.matchmakingAgendaChanged;
  const [calendarError, setCalendarError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (event) refetch({ requestPolicy: 'network-only' });
  }, [event, refetch]);

  async function download() {
    const answer = await client.query(AgendaCalendarQuery, { participantId }, { requestPolicy: 'network-only' }).toPromise();
    setCalendarError(apiError(answer.error));
    const ics = answer.data?.matchmakingAgendaCalendar;
    if (!ics) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
    link.download = 'agenda.ics';
    link.click();
    URL.revokeObjectURL(link.href);
  }

  if (result.fetching && !result.data) return <Loading />;
  const agenda = result.data?.matchmakingAgenda;
  if (!agenda) return <ErrorMessage error={apiError(result.error)} />;
  return (
    <section className="stack">
      <h1>{t('matchmaking.agenda.title')}</h1>
      <p className="meta">{t('matchmaking.agenda.zone', { zone: zoned.city(zoned.viewerZone) })}</p>
      {event ? (
        <p className="banner" role="status" data-testid="agenda-changed">
          {t(`matchmaking.agenda.changed.${event.change}`)}
        </p>
      ) : null}
      <div className="row">
        <button type="button" onClick={() => void download()}>
          {t('matchmaking.agenda.download')}
        </button>
      </div>
      <ErrorMessage error={calendarError} />
      {agenda.items.length === 0 ? <p>{t('matchmaking.agenda.empty')}</p> : null}
      <table data-testid="agenda">
        <thead>
          <tr>
            <th scope="col">{t('matchmaking.agenda.yourTime')}</th>
            <th scope="col">{t('matchmaking.agenda.with')}</th>
            <th scope="col">{t('matchmaking.agenda.theirTime')}</th>
            <th scope="col">{t('matchmaking.agenda.where')}</th>
          </tr>
        </thead>
        <tbody>
          {agenda.items.map(({ meeting: m, counterpart: c }) => (
            <tr key={m.id} data-testid="agenda-item">
              <td data-testid="agenda-time">{m.startsAt && m.endsAt ? `${zoned.dateTime(m.startsAt)}–${zoned.time(m.endsAt)}` : t('matchmaking.agenda.unplaced')}</td>
              <td>
                <bdi>{c.organisationName}</bdi> <span className="meta">{c.country}</span>
              </td>
              <td data-testid="agenda-their-time">
                {m.startsAt ? t('matchmaking.agenda.theirLocal', { time: zoned.time(m.startsAt, c.timeZone), zone: zoned.city(c.timeZone) }) : null}
              </td>
              <td className="stack">
                {m.table ? <span>{t('matchmaking.agenda.table', { table: m.table })}</span> : null}
                {m.unplacedMessage ? (
                  <span lang="en" dir="ltr">
                    {m.unplacedMessage}
                  </span>
                ) : null}
                <a href={m.roomUrl} target="_blank" rel="noreferrer">
                  {t('matchmaking.agenda.room')}
                </a>
                {m.chatChannelId ? <Link to={`/chat/${m.chatChannelId}`}>{t('matchmaking.agenda.chat')}</Link> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
