import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '@/components/ui/error-message';
import { SelectField, TextField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { apiError } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { DecideJoinRequestMutation, JoinRequestsQuery, NetworkQuery, RequestToJoinMutation } from '../api/networks';

function JoinRequests({ networkId }: { networkId: string }) {
  const { t, formatDate } = useI18n();
  const [result, refetch] = useQuery({ query: JoinRequestsQuery, variables: { networkId } });
  const [decision, decide] = useMutation(DecideJoinRequestMutation);
  const requests = (result.data?.networkJoinRequests ?? []).filter((r) => r.direction === 'REQUEST');
  return (
    <section aria-labelledby="requests-title" className="stack">
      <h2 id="requests-title">{t('networks.requests.title')}</h2>
      {requests.length === 0 ? <p>{t('networks.requests.empty')}</p> : null}
      <ul className="cards">
        {requests.map((r) => (
          <li key={r.id} className="card">
            <p>
              <bdi>{r.organisation.name}</bdi> · <bdi>{r.organisation.city}</bdi> · <time dateTime={r.createdAt}>{formatDate(r.createdAt)}</time>
            </p>
            {r.message ? <p dir="auto">{r.message}</p> : null}
            <div className="row">
              <button type="button" className="primary" disabled={decision.fetching} onClick={() => void decide({ requestId: r.id, approve: true }).then(() => refetch({ requestPolicy: 'network-only' }))}>
                {t('networks.requests.approve')}
              </button>
              <button type="button" disabled={decision.fetching} onClick={() => void decide({ requestId: r.id, approve: false }).then(() => refetch({ requestPolicy: 'network-only' }))}>
                {t('networks.requests.reject')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <ErrorMessage error={apiError(decision.error)} />
    </section>
  );
}

function RequestToJoin({ networkId, organisations }: { networkId: string; organisations: { id: string; name: string }[] }) {
  const { t } = useI18n();
  const [organisationId, setOrganisationId] = useState(organisations[0]?.id ?? '');
  const [message, setMessage] = useState('');
  const [result, request] = useMutation(RequestToJoinMutation);
  async function submit(event: FormEvent) {
    event.preventDefault();
    await request({ input: { networkId, organisationId, message: message || null } });
  }
  if (result.data) return <p role="status">{t('networks.join.sent')}</p>;
  return (
    <form onSubmit={submit} className="stack card" aria-labelledby="join-title">
      <h2 id="join-title">{t('networks.join.title')}</h2>
      <SelectField label={t('networks.join.organisation')} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <TextField label={t('networks.join.message')} value={message} onChange={(e) => setMessage(e.target.value)} />
      <ErrorMessage error={apiError(result.error)} />
      <button type="submit" className="primary" disabled={result.fetching}>
        {t('networks.join.submit')}
      </button>
    </form>
  );
}

export function NetworkView({ networkId }: { networkId: string }) {
  const { t } = useI18n();
  const [result] = useQuery({ query: NetworkQuery, variables: { networkId } });
  const n = result.data?.network;
  if (!n) return result.fetching ? <Loading /> : <ErrorMessage error={apiError(result.error)} />;
  const memberIds = new Set(n.members.nodes.map((m) => m.organisation.id));
  const candidates = (result.data?.myOrganisations ?? []).filter((m) => (m.role === 'OWNER' || m.role === 'ADMIN') && !memberIds.has(m.organisation.id)).map((m) => m.organisation);
  return (
    <article className="stack">
      <h1>
        <bdi>{n.name}</bdi>
      </h1>
      <p className="meta">
        {t(`networks.kind.${n.kind}`)} · {t('networks.memberCount', { count: n.memberCount })} · {n.countries.join(', ')}
      </p>
      <p dir="auto">{n.description}</p>
      {n.viewerRole === 'ADMIN' ? <JoinRequests networkId={networkId} /> : null}
      {candidates.length > 0 ? <RequestToJoin networkId={networkId} organisations={candidates} /> : null}
      <section aria-labelledby="members-title" className="stack">
        <h2 id="members-title">{t('networks.members')}</h2>
        <ul className="cards">
          {n.members.nodes.map((m) => (
            <li key={m.organisation.id} className="card">
              <bdi>{m.organisation.name}</bdi> · <bdi>{m.organisation.city}</bdi> · {m.organisation.country} · {t(`networks.role.${m.role}`)}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
