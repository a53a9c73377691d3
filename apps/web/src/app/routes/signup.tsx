import { Link, useNavigate } from 'react-router';
import { SignupForm } from '@/features/auth/components/signup-form';
import { useI18n } from '@/lib/i18n';

export function Component() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <section className="stack narrow">
      <h1>{t('auth.signup.title')}</h1>
      <SignupForm onDone={() => navigate('/profile')} />
      <p>
        {t('auth.signup.haveAccount')} <Link to="/login">{t('nav.login')}</Link>
      </p>
    </section>
  );
}
