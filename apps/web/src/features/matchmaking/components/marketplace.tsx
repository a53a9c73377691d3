import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '@/components/ui/error-message';
import { SelectField, TextField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { LEVERS, SUBSECTORS, type CciSubsector, type ResolveLever } from '@/features/challenges/api/enums';
import { apiError } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { MarketplaceQuery, RequestMeetingMutation, SessionQuery } from '../api/matchmaking';
import { DIRECTIONS, OPPORTUNITY_TYPES, type OpportunityDirection, type OpportunityType } from '../api/enums';
import { MeetingRequests, Recommendations } from './meeting-requests';

interface Filter {
  direction?: OpportunityDirection;
  type?: OpportunityType;
  subsector?: CciSubsector;
  lever?: ResolveLever;
  country?: string;
  search?: string;
}

function RequestButton({ fromParticipantId, toParticipantId }: { fromParticipantId: string; toParticipantId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [result, request] = useMutation(RequestMeetingMutation);
  if (result.data) return <p role="status">{t('matchmaking.request.sent')}</p>;
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('matchmaking.request.open')}
      </button>
    );
  return (
    <form className="stack" onSubmit={(e) => (e.preventDefault(), void request({ input: { fromParticipantId, toParticipantId, message } }))}>
      <TextField label={t('matchmaking.request.message')} value={message} onChange={(e) => setMessage(e.target.value)} />
      <ErrorMessage error={apiError(result.error)} />
      <button type="submit" className="primary" disabled={result.fetching}>
        {t('matchmaking.request.send')}
      </button>
    </form>
  );
}

export function Marketplace({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const [session] = useQuery({ query: SessionQuery, variables: { sessionId } });
  const [draft, setDraft] = useState<Filter>({});
  const [filter, setFilter] = useState<Filter>({});
  const [result] = useQuery({ query: MarketplaceQuery, variables: { sessionId, filter } });
  const mine = session.data?.matchmakingSession.myParticipations ?? [];
  const [asId, setAsId] = useState<string | null>(null);
  const me = mine.find((p) => p.id === asId) ?? mine[0];
  const set = <K extends keyof Filter>(key: K, value: string) => setDraft((d) => ({ ...d, [key]: value === '' ? undefined : value }));

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilter({ ...draft, country: draft.country?.trim().toUpperCase() || undefined, search: draft.search?.trim() || undefined });
  }

  return (
    <section className="stack">
      <p className="meta">
        <Link to={`/matchmaking/${sessionId}`}>
          <bdi>{session.data?.matchmakingSession.title}</bdi>
        </Link>
      </p>
      <h1>{t('matchmaking.marketplace.title')}</h1>
      {mine.length > 1 ? (
        <SelectField label={t('matchmaking.marketplace.as')} value={me?.id} onChange={(e) => setAsId(e.target.value)}>
          {mine.map((p) => (
            <option key={p.id} value={p.id}>
              {p.organisationName}
            </option>
          ))}
        </SelectField>
      ) : null}
      <form className="filters row" onSubmit={apply} role="search" aria-label={t('matchmaking.marketplace.filters')}>
        <TextField label={t('matchmaking.marketplace.search')} value={draft.search ?? ''} onChange={(e) => set('search', e.target.value)} />
        <SelectField label={t('matchmaking.register.direction')} value={draft.direction ?? ''} onChange={(e) => set('direction', e.target.value)}>
          <option value="">{t('matchmaking.marketplace.any')}</option>
          {DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {t(`matchmaking.direction.${d}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('matchmaking.register.type')} value={draft.type ?? ''} onChange={(e) => set('type', e.target.value)}>
          <option value="">{t('matchmaking.marketplace.any')}</option>
          {OPPORTUNITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`matchmaking.type.${type}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('matchmaking.marketplace.subsector')} value={draft.subsector ?? ''} onChange={(e) => set('subsector', e.target.value)}>
          <option value="">{t('matchmaking.marketplace.any')}</option>
          {SUBSECTORS.map((s) => (
            <option key={s} value={s}>
              {t(`challenges.subsector.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('matchmaking.marketplace.lever')} value={draft.lever ?? ''} onChange={(e) => set('lever', e.target.value)}>
          <option value="">{t('matchmaking.marketplace.any')}</option>
          {LEVERS.map((l) => (
            <option key={l} value={l}>
              {t(`challenges.lever.${l}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('matchmaking.marketplace.country')} value={draft.country ?? ''} onChange={(e) => set('country', e.target.value)} maxLength={2} />
        <button type="submit">{t('matchmaking.marketplace.apply')}</button>
      </form>
      {result.fetching && !result.data ? <Loading /> : null}
      <ErrorMessage error={apiError(result.error)} />
      {result.data?.matchmakingParticipants.length === 0 ? <p>{t('matchmaking.marketplace.empty')}</p> : null}
      <ul className="cards" aria-label={t('matchmaking.marketplace.participants')}>
        {result.data?.matchmakingParticipants.map((p) => (
          <li key={p.id} className="card stack" data-testid="participant">
            <h2>
              <bdi>{p.organisationName}</bdi> <span className="meta">{p.country}</span>
            </h2>
            {p.profile ? <p dir="auto">{p.profile}</p> : null}
            <ul>
              {p.opportunities.map((o) => (
                <li key={o.id}>
                  <span className="tag">{t(`matchmaking.direction.${o.direction}`)}</span> <span className="tag">{t(`matchmaking.type.${o.type}`)}</span> <bdi>{o.title}</bdi>
                </li>
              ))}
            </ul>
            {me && me.id !== p.id ? <RequestButton fromParticipantId={me.id} toParticipantId={p.id} /> : null}
          </li>
        ))}
      </ul>
      {me ? (
        <>
          <Recommendations participantId={me.id} />
          <MeetingRequests participantId={me.id} names={new Map((result.data?.matchmakingParticipants ?? []).map((p) => [p.id, p.organisationName]))} />
        </>
      ) : null}
    </section>
  );
}
