import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { apiError } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { NetworksQuery } from '../api/networks';

export function NetworkDirectory() {
  const { t } = useI18n();
  const [result] = useQuery({ query: NetworksQuery });
  if (result.error) return <ErrorMessage error={apiError(result.error)} />;
  if (!result.data) return <Loading />;
  return (
    <section className="stack">
      <h1>{t('networks.title')}</h1>
      <ul className="cards">
        {result.data.networks.nodes.map((n) => (
          <li key={n.id} className="card">
            <h2 className="card-title">
              <Link to={`/networks/${n.id}`}>
                <bdi>{n.name}</bdi>
              </Link>
            </h2>
            <p className="meta">
              {t(`networks.kind.${n.kind}`)} · {t('networks.memberCount', { count: n.memberCount })} · {n.countries.join(', ')}
              {n.viewerRole ? <> · {t(`networks.role.${n.viewerRole}`)}</> : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
