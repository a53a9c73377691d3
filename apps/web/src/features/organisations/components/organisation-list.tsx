import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Loading } from '@/components/ui/loading';
import { useI18n } from '@/lib/i18n';
import { MyOrganisationsQuery } from '../api/organisations';

export function OrganisationList() {
  const { t } = useI18n();
  const [result] = useQuery({ query: MyOrganisationsQuery });
  if (!result.data) return <Loading />;
  return (
    <section className="stack">
      <div className="row">
        <h1>{t('organisations.title')}</h1>
        <Link className="button primary" to="/organisations/new">
          {t('organisations.new.title')}
        </Link>
        <Link className="button" to="/invitations">
          {t('organisations.invitations.title')}
        </Link>
      </div>
      {result.data.myOrganisations.length === 0 ? <p>{t('organisations.empty')}</p> : null}
      <ul className="cards">
        {result.data.myOrganisations.map((m) => (
          <li key={m.organisation.id} className="card">
            <h2 className="card-title">
              <Link to={`/organisations/${m.organisation.id}`}>
                <bdi>{m.organisation.name}</bdi>
              </Link>
            </h2>
            <p className="meta">
              {t(`organisations.kind.${m.organisation.kind}`)} · <bdi>{m.organisation.city}</bdi> · {t(`organisations.role.${m.role}`)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
