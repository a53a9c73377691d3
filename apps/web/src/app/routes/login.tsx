import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoginForm } from '@/features/auth/components/login-form';
import { useI18n } from '@/lib/i18n';

/** Only same-site paths: `next` comes from the address bar and must not send the user elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function Component() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <section className="stack narrow">
      <h1>{t('auth.login.title')}</h1>
      <LoginForm onDone={() => navigate(safeNext(params.get('next')))} />
      <p>
        {t('auth.login.noAccount')} <Link to="/signup">{t('nav.signup')}</Link>
      </p>
    </section>
  );
}
