import { useState, type FormEvent } from 'react';
import { ErrorMessage, useErrorText } from '@/components/ui/error-message';
import { SelectField, TextArea, TextField } from '@/components/ui/field';
import { isFieldError, type ApiError } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { KINDS, type OrganisationKind } from '../api/enums';

export interface OrganisationDraft {
  name: string;
  kind: OrganisationKind;
  country: string;
  city: string;
  description: string;
  website: string;
}

const FIELDS = ['name', 'kind', 'country', 'city', 'description', 'website'];

export function OrganisationForm({ initial, submitLabel, busy, error, onSubmit }: { initial: OrganisationDraft; submitLabel: string; busy: boolean; error: ApiError | null; onSubmit(d: OrganisationDraft): void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [draft, setDraft] = useState(initial);
  const on = (field: string) => (isFieldError(error, field) ? errorText(error) : null);
  const set = (key: keyof OrganisationDraft, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({ ...draft, country: draft.country.trim().toUpperCase() });
  }
  return (
    <form onSubmit={submit} className="stack narrow" noValidate>
      <TextField label={t('organisations.form.name')} value={draft.name} onChange={(e) => set('name', e.target.value)} error={on('name')} required />
      <SelectField label={t('organisations.form.kind')} value={draft.kind} onChange={(e) => set('kind', e.target.value)} error={on('kind')}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`organisations.kind.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('organisations.form.country')} hint={t('profile.countryHint')} value={draft.country} onChange={(e) => set('country', e.target.value)} error={on('country')} maxLength={2} dir="ltr" required />
      <TextField label={t('organisations.form.city')} value={draft.city} onChange={(e) => set('city', e.target.value)} error={on('city')} required />
      <TextArea label={t('organisations.form.description')} value={draft.description} onChange={(e) => set('description', e.target.value)} error={on('description')} rows={4} />
      <TextField label={t('organisations.form.website')} type="url" value={draft.website} onChange={(e) => set('website', e.target.value)} error={on('website')} dir="ltr" />
      {error && !FIELDS.some((f) => isFieldError(error, f)) ? <ErrorMessage error={error} /> : null}
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
