import { Link } from 'react-router';
import { ChallengeFeed } from '@/features/challenges/components/challenge-feed';
import { useI18n } from '@/lib/i18n';
import { useSessionState } from '@/lib/use-session';

function Welcome() {
  const { t } = useI18n();
  return (
    <section className="stack welcome">
      <h1>{t('home.title')}</h1>
      <p>{t('home.lead')}</p>
      <ul className="points">
        <li>{t('home.point.challenges')}</li>
        <li>{t('home.point.networks')}</li>
        <li>{t('home.point.languages')}</li>
      </ul>
      <div className="row">
        <Link className="button primary" to="/login">
          {t('nav.login')}
        </Link>
        <Link className="button" to="/signup">
          {t('nav.signup')}
        </Link>
      </div>
    </section>
  );
}

export function Component() {
  return useSessionState().kind === 'signedOut' ? <Welcome /> : <ChallengeFeed />;
}
