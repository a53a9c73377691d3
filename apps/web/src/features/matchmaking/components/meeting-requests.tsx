import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '@/components/ui/error-message';
import { apiError } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { MeetingRequestsQuery, RecommendationsQuery, RespondMutation } from '../api/matchmaking';

/** Whom the hub suggests meeting; its reasons are server text in English, shown as such. */
export function Recommendations({ participantId }: { participantId: string }) {
  const { t } = useI18n();
  const [result] = useQuery({ query: RecommendationsQuery, variables: { participantId } });
  const list = result.data?.matchmakingRecommendations ?? [];
  return (
    <section aria-labelledby="recommendations" className="stack">
      <h2 id="recommendations">{t('matchmaking.recommendations.title')}</h2>
      <ErrorMessage error={apiError(result.error)} />
      {result.data && list.length === 0 ? <p>{t('matchmaking.recommendations.empty')}</p> : null}
      <ul className="cards">
        {list.map((r) => (
          <li key={r.participant.id} className="card stack" data-testid="recommendation">
            <p>
              <bdi>{r.participant.organisationName}</bdi> <span className="meta">{r.participant.country}</span> · {t('matchmaking.recommendations.score', { score: r.score })}
            </p>
            <ul lang="en" dir="ltr">
              {r.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function MeetingRequests({ participantId, names }: { participantId: string; names: Map<string, string> }) {
  const { t, formatDateTime } = useI18n();
  const [result, refetch] = useQuery({ query: MeetingRequestsQuery, variables: { participantId } });
  const [answer, respond] = useMutation(RespondMutation);
  const requests = result.data?.meetingRequests ?? [];
  const received = requests.filter((r) => r.toParticipantId === participantId);
  const sent = requests.filter((r) => r.fromParticipantId === participantId);
  async function decide(requestId: string, accept: boolean) {
    const outcome = await respond({ requestId, accept });
    if (outcome.data) refetch({ requestPolicy: 'network-only' });
  }
  const name = (id: string) => names.get(id) ?? t('matchmaking.requests.unknown');
  return (
    <section aria-labelledby="requests" className="stack">
      <h2 id="requests">{t('matchmaking.requests.title')}</h2>
      <ErrorMessage error={apiError(result.error ?? answer.error)} />
      <h3>{t('matchmaking.requests.received')}</h3>
      {received.length === 0 ? <p>{t('matchmaking.requests.none')}</p> : null}
      <ul className="cards">
        {received.map((r) => (
          <li key={r.id} className="card stack" data-testid="request-received">
            <p>
              <bdi>{name(r.fromParticipantId)}</bdi> · {formatDateTime(r.createdAt)} · {t(`matchmaking.requestStatus.${r.status}`)}
            </p>
            {r.message ? <p dir="auto">{r.message}</p> : null}
            {r.status === 'PENDING' ? (
              <div className="row">
                <button type="button" className="primary" disabled={answer.fetching} onClick={() => void decide(r.id, true)}>
                  {t('matchmaking.requests.accept')}
                </button>
                <button type="button" disabled={answer.fetching} onClick={() => void decide(r.id, false)}>
                  {t('matchmaking.requests.decline')}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <h3>{t('matchmaking.requests.sent')}</h3>
      {sent.length === 0 ? <p>{t('matchmaking.requests.none')}</p> : null}
      <ul className="cards">
        {sent.map((r) => (
          <li key={r.id} className="card" data-testid="request-sent">
            <bdi>{name(r.toParticipantId)}</bdi> · {t(`matchmaking.requestStatus.${r.status}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
