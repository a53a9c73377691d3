import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { TextField } from '@/components/ui/field';
import { ErrorMessage } from '@/components/ui/error-message';
import { apiError } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { LoginMutation } from '../api/auth';
import { useStartSession } from '../api/use-sign-in';

export function LoginForm({ onDone, email: fixedEmail }: { onDone?: () => void; email?: string }) {
  const { t } = useI18n();
  const [email, setEmail] = useState(fixedEmail ?? '');
  const [password, setPassword] = useState('');
  const [result, login] = useMutation(LoginMutation);
  const start = useStartSession();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await login({ input: { email: email.trim(), password } });
    if (outcome.data) {
      start(outcome.data.login);
      onDone?.();
    }
  }

  return (
    <form onSubmit={submit} className="stack" noValidate>
      <TextField label={t('auth.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <TextField label={t('auth.password')} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      <ErrorMessage error={apiError(result.error)} />
      <button type="submit" className="primary" disabled={result.fetching}>
        {t('auth.login.submit')}
      </button>
    </form>
  );
}
