import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage, useErrorText } from '@/components/ui/error-message';
import { TextField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { apiError, isFieldError } from '@/lib/errors';
import { pickLanguage, useI18n } from '@/lib/i18n';
import { MeQuery, UpdateProfileMutation } from '../api/me';

interface Draft {
  displayName: string;
  languages: string;
  country: string;
  timeZone: string;
}

function Form({ initial }: { initial: Draft }) {
  const { t, setLanguage, setTimeZone } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [result, update] = useMutation(UpdateProfileMutation);
  const [saved, setSaved] = useState(false);
  const errorText = useErrorText();
  const error = apiError(result.error);
  const on = (field: string) => (isFieldError(error, field) ? errorText(error) : null);
  const set = (key: keyof Draft, value: string) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const preferredLanguages = draft.languages.split(',').map((l) => l.trim()).filter(Boolean);
    const outcome = await update({ input: { displayName: draft.displayName, preferredLanguages, country: draft.country.trim().toUpperCase() || null, timeZone: draft.timeZone.trim() } });
    if (outcome.data) {
      setSaved(true);
      setLanguage(pickLanguage(outcome.data.updateProfile.preferredLanguages));
      setTimeZone(outcome.data.updateProfile.timeZone);
    }
  }

  const known = ['displayName', 'preferredLanguages', 'country', 'timeZone'];
  return (
    <form onSubmit={submit} className="stack narrow" noValidate>
      <TextField label={t('profile.displayName')} value={draft.displayName} onChange={(e) => set('displayName', e.target.value)} error={on('displayName')} autoComplete="name" />
      <TextField label={t('profile.languages')} hint={t('profile.languagesHint')} value={draft.languages} onChange={(e) => set('languages', e.target.value)} error={on('preferredLanguages')} dir="ltr" />
      <TextField label={t('profile.country')} hint={t('profile.countryHint')} value={draft.country} onChange={(e) => set('country', e.target.value)} error={on('country')} maxLength={2} dir="ltr" autoComplete="country" />
      <TextField label={t('profile.timeZone')} hint={t('profile.timeZoneHint')} value={draft.timeZone} onChange={(e) => set('timeZone', e.target.value)} error={on('timeZone')} dir="ltr" />
      {error && !known.some((f) => isFieldError(error, f)) ? <ErrorMessage error={error} /> : null}
      {saved ? <p role="status">{t('profile.saved')}</p> : null}
      <button type="submit" className="primary" disabled={result.fetching}>
        {t('common.save')}
      </button>
    </form>
  );
}

export function ProfileForm() {
  const { t } = useI18n();
  const [me] = useQuery({ query: MeQuery });
  const user = me.data?.me;
  return (
    <section className="stack">
      <h1>{t('profile.title')}</h1>
      {user ? (
        <Form key={user.id} initial={{ displayName: user.displayName, languages: user.preferredLanguages.join(', '), country: user.country ?? '', timeZone: user.timeZone }} />
      ) : me.error ? (
        <ErrorMessage error={apiError(me.error)} />
      ) : (
        <Loading />
      )}
    </section>
  );
}
