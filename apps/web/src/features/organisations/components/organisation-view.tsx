import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage, useErrorText } from '@/components/ui/error-message';
import { SelectField, TextField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { apiError, isFieldError } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { ROLES, type OrganisationRole } from '../api/enums';
import { InviteMemberMutation, LeaveOrganisationMutation, OrganisationInvitationsQuery, OrganisationQuery, UpdateOrganisationMutation } from '../api/organisations';
import { OrganisationForm, type OrganisationDraft } from './organisation-form';

function Invitations({ organisationId, viewerRole }: { organisationId: string; viewerRole: OrganisationRole }) {
  const { t, formatDate } = useI18n();
  const errorText = useErrorText();
  const [list, refetch] = useQuery({ query: OrganisationInvitationsQuery, variables: { organisationId } });
  const [result, invite] = useMutation(InviteMemberMutation);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<OrganisationRole>('MEMBER');
  const error = apiError(result.error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await invite({ input: { organisationId, email: email.trim(), role } });
    if (outcome.data) {
      setEmail('');
      refetch({ requestPolicy: 'network-only' });
    }
  }
  // Only owners may invite owners (docs/api.md, Organisations).
  const roles = viewerRole === 'OWNER' ? ROLES : ROLES.filter((r) => r !== 'OWNER');
  return (
    <section aria-labelledby="invite-title" className="stack">
      <h2 id="invite-title">{t('organisations.invite.title')}</h2>
      <form onSubmit={submit} className="row" noValidate>
        <TextField label={t('auth.email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={isFieldError(error, 'email') ? errorText(error) : null} dir="ltr" required />
        <SelectField label={t('organisations.invite.role')} value={role} onChange={(e) => setRole(e.target.value as OrganisationRole)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`organisations.role.${r}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="primary" disabled={result.fetching || !email.trim()}>
          {t('organisations.invite.submit')}
        </button>
      </form>
      {error && !isFieldError(error, 'email') ? <ErrorMessage error={error} /> : null}
      <ul className="cards">
        {list.data?.organisationInvitations.map((i) => (
          <li key={i.id} className="card">
            <bdi>{i.email}</bdi> · {t(`organisations.role.${i.role}`)} · {t(`organisations.invitationStatus.${i.status}`)} · {t('organisations.invite.expires', { date: formatDate(i.expiresAt) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function OrganisationView({ organisationId }: { organisationId: string }) {
  const { t, formatDate } = useI18n();
  const navigate = useNavigate();
  const [result] = useQuery({ query: OrganisationQuery, variables: { organisationId } });
  const [update, setUpdate] = useMutation(UpdateOrganisationMutation);
  const [leave, setLeave] = useMutation(LeaveOrganisationMutation);
  const [editing, setEditing] = useState(false);
  const o = result.data?.organisation;
  if (!o) return result.fetching ? <Loading /> : <ErrorMessage error={apiError(result.error)} />;
  const manages = o.viewerRole === 'OWNER' || o.viewerRole === 'ADMIN';

  async function save(d: OrganisationDraft) {
    const outcome = await setUpdate({ organisationId, input: { name: d.name, kind: d.kind, country: d.country, city: d.city, description: d.description, website: d.website || null } });
    if (outcome.data) setEditing(false);
  }
  async function leaving() {
    const outcome = await setLeave({ organisationId });
    if (outcome.data) navigate('/organisations');
  }

  return (
    <article className="stack">
      <h1>
        <bdi>{o.name}</bdi>
      </h1>
      <p className="meta">
        {t(`organisations.kind.${o.kind}`)} · <bdi>{o.city}</bdi> · {o.country}
      </p>
      {editing ? (
        <OrganisationForm
          initial={{ name: o.name, kind: o.kind, country: o.country, city: o.city, description: o.description, website: o.website ?? '' }}
          submitLabel={t('common.save')}
          busy={update.fetching}
          error={apiError(update.error)}
          onSubmit={(d) => void save(d)}
        />
      ) : (
        <p dir="auto">{o.description}</p>
      )}
      <div className="row">
        {manages && !editing ? (
          <button type="button" onClick={() => setEditing(true)}>
            {t('organisations.edit')}
          </button>
        ) : null}
        {o.viewerRole ? (
          <button type="button" className="danger" disabled={leave.fetching} onClick={() => void leaving()}>
            {t('organisations.leave')}
          </button>
        ) : null}
      </div>
      <ErrorMessage error={apiError(leave.error)} />
      <section aria-labelledby="members-title" className="stack">
        <h2 id="members-title">{t('organisations.members')}</h2>
        <ul className="cards">
          {o.members.nodes.map((m) => (
            <li key={m.user.id} className="card">
              <bdi>{m.user.displayName}</bdi> · {t(`organisations.role.${m.role}`)} · <time dateTime={m.joinedAt}>{formatDate(m.joinedAt)}</time>
            </li>
          ))}
        </ul>
      </section>
      {manages && o.viewerRole ? <Invitations organisationId={organisationId} viewerRole={o.viewerRole} /> : null}
    </article>
  );
}
