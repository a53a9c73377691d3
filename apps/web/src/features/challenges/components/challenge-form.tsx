import { useState, type FormEvent, type ReactNode } from 'react';
import { ErrorMessage, useErrorText } from '@/components/ui/error-message';
import { SelectField, TextField } from '@/components/ui/field';
import { MarkdownEditor } from '@/components/ui/markdown-editor';
import { isFieldError, type ApiError } from '@/lib/errors';
import { LANGUAGE_NAMES, useI18n } from '@/lib/i18n';
import { CONTENT_LANGUAGES, LEVERS, SUBSECTORS, type CciSubsector, type ResolveLever } from '../api/enums';

export interface ChallengeDraft {
  organisationId: string;
  networkId: string;
  language: string;
  title: string;
  description: string;
  levers: ResolveLever[];
  subsectors: CciSubsector[];
  materials: string[];
}

interface Props {
  initial: ChallengeDraft;
  /** Organisations and networks to post from; absent when editing (they cannot change). */
  organisations?: { id: string; name: string }[];
  networks?: { id: string; name: string }[];
  submitLabel: string;
  busy: boolean;
  error: ApiError | null;
  onSubmit(draft: ChallengeDraft): void;
  /** Extra controls shown just above the submit button. */
  extra?: ReactNode;
}

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

const FIELDS = ['title', 'description', 'language', 'organisationId', 'networkId', 'materials'];

export function ChallengeForm({ initial, organisations, networks, submitLabel, busy, error, onSubmit, extra }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [draft, setDraft] = useState(initial);
  const [materials, setMaterials] = useState(initial.materials.join(', '));
  const on = (field: string) => (isFieldError(error, field) ? errorText(error) : null);
  const set = <K extends keyof ChallengeDraft>(key: K, value: ChallengeDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({ ...draft, materials: materials.split(',').map((m) => m.trim()).filter(Boolean) });
  }

  return (
    <form onSubmit={submit} className="stack" noValidate>
      {organisations ? (
        <SelectField label={t('challenges.form.organisation')} value={draft.organisationId} onChange={(e) => set('organisationId', e.target.value)} error={on('organisationId')}>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {networks ? (
        <SelectField label={t('challenges.form.network')} value={draft.networkId} onChange={(e) => set('networkId', e.target.value)} error={on('networkId')}>
          {networks.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SelectField label={t('challenges.form.language')} value={draft.language} onChange={(e) => set('language', e.target.value)} error={on('language')}>
        {CONTENT_LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </SelectField>
      <TextField label={t('challenges.form.title')} value={draft.title} onChange={(e) => set('title', e.target.value)} error={on('title')} lang={draft.language} required />
      <MarkdownEditor
        label={t('challenges.form.description')}
        value={draft.description}
        onChange={(v) => set('description', v)}
        error={on('description')}
        writeLabel={t('common.write')}
        previewLabel={t('common.preview')}
        hint={t('common.markdownHint')}
        rows={10}
      />
      <fieldset>
        <legend>{t('challenges.form.levers')}</legend>
        <div className="checks">
          {LEVERS.map((l) => (
            <label key={l}>
              <input type="checkbox" checked={draft.levers.includes(l)} onChange={() => set('levers', toggle(draft.levers, l))} /> {t(`challenges.lever.${l}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('challenges.form.subsectors')}</legend>
        <div className="checks">
          {SUBSECTORS.map((s) => (
            <label key={s}>
              <input type="checkbox" checked={draft.subsectors.includes(s)} onChange={() => set('subsectors', toggle(draft.subsectors, s))} /> {t(`challenges.subsector.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <TextField label={t('challenges.form.materials')} hint={t('challenges.form.materialsHint')} value={materials} onChange={(e) => setMaterials(e.target.value)} error={on('materials')} />
      {error && !FIELDS.some((f) => isFieldError(error, f)) ? <ErrorMessage error={error} /> : null}
      {extra}
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
