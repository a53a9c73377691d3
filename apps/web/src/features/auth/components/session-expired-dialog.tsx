import { useEffect, useRef } from 'react';
import { useI18n } from '@/lib/i18n';
import { LoginForm } from './login-form';

/**
 * Shown over the page when the session cannot be refreshed: the page underneath stays mounted, so a
 * half-written answer is still there after signing in again.
 */
export function SessionExpiredDialog() {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} aria-labelledby="expired-title" className="dialog">
      <h2 id="expired-title">{t('auth.expired.title')}</h2>
      <p>{t('auth.expired.body')}</p>
      <LoginForm />
    </dialog>
  );
}
