import { Link } from 'react-router';
import { useI18n } from '@/lib/i18n';

export function Component() {
  const { t } = useI18n();
  return (
    <section className="stack">
      <h1>{t('common.notFound')}</h1>
      <Link to="/">{t('nav.challenges')}</Link>
    </section>
  );
}
