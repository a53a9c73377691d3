import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { TextField } from '@/components/ui/field';
import { ErrorMessage, useErrorText } from '@/components/ui/error-message';
import { apiError, isFieldError } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { RegisterMutation } from '../api/auth';
import { useStartSession } from '../api/use-sign-in';

export function SignupForm({ onDone }: { onDone: () => void }) {
  const { t, lang, timeZone } = useI18n();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [result, register] = useMutation(RegisterMutation);
  const start = useStartSession();
  const errorText = useErrorText();
  const error = apiError(result.error);
  const on = (field: string) => (isFieldError(error, field) ? errorText(error) : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The interface language becomes the first preferred language, so it is remembered for this user.
    const outcome = await register({ input: { displayName, email: email.trim(), password, preferredLanguages: [lang], timeZone } });
    if (outcome.data) {
      start(outcome.data.register);
      onDone();
    }
  }

  const fieldErrors = error?.code === 'BAD_USER_INPUT' && ['displayName', 'email', 'password'].some((f) => isFieldError(error, f));
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <TextField label={t('auth.displayName')} autoComplete="name" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={on('displayName')} />
      <TextField label={t('auth.email')} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={on('email')} />
      <TextField label={t('auth.password')} type="password" autoComplete="new-password" required minLength={10} value={password} onChange={(e) => setPassword(e.target.value)} error={on('password')} hint={t('auth.passwordHint')} />
      {fieldErrors ? null : <ErrorMessage error={error} />}
      <button type="submit" className="primary" disabled={result.fetching}>
        {t('auth.signup.submit')}
      </button>
    </form>
  );
}
