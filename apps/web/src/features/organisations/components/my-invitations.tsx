import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { apiError } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { AcceptInvitationMutation, DeclineInvitationMutation, MyInvitationsQuery } from '../api/organisations';

export function MyInvitations() {
  const { t, formatDate } = useI18n();
  const [result, refetch] = useQuery({ query: MyInvitationsQuery });
  const [accept, setAccept] = useMutation(AcceptInvitationMutation);
  const [decline, setDecline] = useMutation(DeclineInvitationMutation);
  const done = () => refetch({ requestPolicy: 'network-only' });
  if (!result.data) return <Loading />;
  const pending = result.data.myInvitations.filter((i) => i.status === 'PENDING');
  return (
    <section className="stack">
      <h1>{t('organisations.invitations.title')}</h1>
      {pending.length === 0 ? <p>{t('organisations.invitations.empty')}</p> : null}
      <ul className="cards">
        {pending.map((i) => (
          <li key={i.id} className="card" data-testid="invitation">
            <p>
              {t('organisations.invitations.invitedAs', { role: t(`organisations.role.${i.role}`) })} <bdi>{i.organisation.name}</bdi> · <bdi>{i.organisation.city}</bdi>
            </p>
            <p className="meta">{t('organisations.invite.expires', { date: formatDate(i.expiresAt) })}</p>
            <div className="row">
              <button type="button" className="primary" disabled={accept.fetching} onClick={() => void setAccept({ invitationId: i.id }).then(done)}>
                {t('organisations.invitations.accept')}
              </button>
              <button type="button" disabled={decline.fetching} onClick={() => void setDecline({ invitationId: i.id }).then(done)}>
                {t('organisations.invitations.decline')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <ErrorMessage error={apiError(accept.error ?? decline.error)} />
    </section>
  );
}
