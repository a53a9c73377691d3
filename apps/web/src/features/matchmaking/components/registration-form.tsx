import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage, useErrorText } from '@/components/ui/error-message';
import { SelectField, TextArea, TextField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { LEVERS, SUBSECTORS, type CciSubsector, type ResolveLever } from '@/features/challenges/api/enums';
import { apiError, isFieldError } from '@/lib/errors';
import { type ResultOf } from '@/lib/graphql';
import { useI18n } from '@/lib/i18n';
import { MyOrganisationsQuery, RegisterMutation, SessionQuery } from '../api/matchmaking';
import { DIRECTIONS, OPPORTUNITY_TYPES, type OpportunityDirection, type OpportunityType } from '../api/enums';
import { useZonedTime } from './zoned-time';

interface OpportunityDraft {
  direction: OpportunityDirection;
  type: OpportunityType;
  title: string;
  subsectors: CciSubsector[];
  levers: ResolveLever[];
  // Not edited here yet, but carried over so that saving keeps what was registered before.
  description: string;
  languages: string[];
}

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

const blank = (): OpportunityDraft => ({ direction: 'OFFER', type: 'PARTNERSHIP', title: '', subsectors: [], levers: [], description: '', languages: [] });

export function RegistrationForm({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const [session] = useQuery({ query: SessionQuery, variables: { sessionId } });
  const [orgs] = useQuery({ query: MyOrganisationsQuery });
  if (!session.data || !orgs.data) return session.error ? <ErrorMessage error={apiError(session.error)} /> : <Loading />;
  const organisations = orgs.data.myOrganisations.map((m) => m.organisation);
  if (organisations.length === 0) return <p>{t('matchmaking.register.needOrganisation')}</p>;
  return <Form session={session.data.matchmakingSession} organisations={organisations} />;
}

type Session = ResultOf<typeof SessionQuery>['matchmakingSession'];

function Form({ session, organisations }: { session: Session; organisations: { id: string; name: string }[] }) {
  const { t, lang } = useI18n();
  const zoned = useZonedTime();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [result, register] = useMutation(RegisterMutation);
  const existing = (organisationId: string) => session.myParticipations.find((p) => p.organisationId === organisationId);
  const [organisationId, setOrganisationId] = useState(session.myParticipations[0]?.organisationId ?? organisations[0]!.id);
  const load = (id: string) => {
    const p = existing(id);
    return {
      profile: p?.profile ?? '',
      // The languages registered before, else the one the person uses the hub in.
      languages: p?.languages ?? [lang],
      unavailable: new Set((p?.unavailableTimes ?? []).map((iso) => new Date(iso).getTime())),
      opportunities: p?.opportunities.map((o) => ({ direction: o.direction, type: o.type, title: o.title, subsectors: [...o.subsectors], levers: [...o.levers], description: o.description, languages: [...o.languages] })) ?? [blank()],
    };
  };
  const [draft, setDraft] = useState(() => load(organisationId));
  const error = apiError(result.error);
  const on = (field: string) => (isFieldError(error, field) ? errorText(error) : null);
  const setOpportunity = (i: number, change: Partial<OpportunityDraft>) =>
    setDraft((d) => ({ ...d, opportunities: d.opportunities.map((o, j) => (j === i ? { ...o, ...change } : o)) }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const unavailableTimes = session.slots.filter((s) => draft.unavailable.has(new Date(s.startsAt).getTime())).map((s) => s.startsAt);
    const outcome = await register({
      input: { sessionId: session.id, organisationId, profile: draft.profile, languages: draft.languages, unavailableTimes, opportunities: draft.opportunities },
    });
    if (outcome.data) navigate(`/matchmaking/${session.id}`);
  }

  const fieldErrorShown = error !== null && error.code === 'BAD_USER_INPUT' && error.fields.some((f) => /opportunities|profile|organisationId|unavailableTimes/.test(f));
  return (
    <form onSubmit={(e) => void submit(e)} className="stack" noValidate>
      <h1>{existing(organisationId) ? t('matchmaking.register.edit') : t('matchmaking.register.title')}</h1>
      <p dir="auto">{session.title}</p>
      <SelectField
        label={t('matchmaking.register.organisation')}
        value={organisationId}
        error={on('organisationId')}
        onChange={(e) => {
          setOrganisationId(e.target.value);
          setDraft(load(e.target.value));
        }}
      >
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <TextArea label={t('matchmaking.register.profile')} value={draft.profile} onChange={(e) => setDraft({ ...draft, profile: e.target.value })} error={on('profile')} rows={4} />

      {draft.opportunities.map((o, i) => (
        <fieldset key={i} className="stack" data-testid="opportunity">
          <legend>{t('matchmaking.register.opportunity', { n: i + 1 })}</legend>
          <SelectField label={t('matchmaking.register.direction')} value={o.direction} onChange={(e) => setOpportunity(i, { direction: e.target.value as OpportunityDirection })}>
            {DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {t(`matchmaking.direction.${d}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('matchmaking.register.type')} value={o.type} onChange={(e) => setOpportunity(i, { type: e.target.value as OpportunityType })} error={on(`opportunities.${i}.type`)}>
            {OPPORTUNITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`matchmaking.type.${type}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('matchmaking.register.opportunityTitle')} value={o.title} onChange={(e) => setOpportunity(i, { title: e.target.value })} error={on(`opportunities.${i}.title`)} />
          <fieldset>
            <legend>{t('matchmaking.register.subsectors')}</legend>
            <div className="checks">
              {SUBSECTORS.map((s) => (
                <label key={s}>
                  <input type="checkbox" checked={o.subsectors.includes(s)} onChange={() => setOpportunity(i, { subsectors: toggle(o.subsectors, s) })} /> {t(`challenges.subsector.${s}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('matchmaking.register.levers')}</legend>
            <div className="checks">
              {LEVERS.map((l) => (
                <label key={l}>
                  <input type="checkbox" checked={o.levers.includes(l)} onChange={() => setOpportunity(i, { levers: toggle(o.levers, l) })} /> {t(`challenges.lever.${l}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <button type="button" className="link" onClick={() => setDraft({ ...draft, opportunities: draft.opportunities.filter((_, j) => j !== i) })}>
            {t('matchmaking.register.removeOpportunity')}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => setDraft({ ...draft, opportunities: [...draft.opportunities, blank()] })}>
        {t('matchmaking.register.addOpportunity')}
      </button>
      {on('opportunities') ? <p className="field-error" role="alert">{on('opportunities')}</p> : null}

      <fieldset>
        <legend>{t('matchmaking.register.unavailable')}</legend>
        <div className="checks">
          {session.slots
            .filter((s) => !s.isBreak)
            .map((s) => {
              const at = new Date(s.startsAt).getTime();
              return (
                <label key={s.index}>
                  <input
                    type="checkbox"
                    checked={draft.unavailable.has(at)}
                    onChange={() => {
                      const next = new Set(draft.unavailable);
                      if (!next.delete(at)) next.add(at);
                      setDraft({ ...draft, unavailable: next });
                    }}
                  />{' '}
                  {zoned.dateTime(s.startsAt, session.timeZone)}
                  {session.timeZone === zoned.viewerZone ? null : <> ({t('matchmaking.register.yourTime', { time: zoned.time(s.startsAt) })})</>}
                </label>
              );
            })}
        </div>
        {on('unavailableTimes') ? <p className="field-error" role="alert">{on('unavailableTimes')}</p> : null}
      </fieldset>
      {error && !fieldErrorShown ? <ErrorMessage error={error} /> : null}
      <button type="submit" className="primary" disabled={result.fetching}>
        {t('matchmaking.register.submit')}
      </button>
    </form>
  );
}
