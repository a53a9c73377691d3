import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { SelectField } from '@/components/ui/field';
import { ErrorMessage, useErrorText } from '@/components/ui/error-message';
import { MarkdownEditor } from '@/components/ui/markdown-editor';
import { apiError, isFieldError } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { AnswerMutation, PostingContextQuery } from '../api/challenges';

export function AnswerForm({ challengeId, onAnswered }: { challengeId: string; onAnswered(): void }) {
  const { t } = useI18n();
  const [context] = useQuery({ query: PostingContextQuery });
  const organisations = context.data?.myOrganisations ?? [];
  const [organisationId, setOrganisationId] = useState('');
  const [body, setBody] = useState('');
  const [result, answer] = useMutation(AnswerMutation);
  const errorText = useErrorText();
  const error = apiError(result.error);
  const chosen = organisationId || organisations[0]?.organisation.id || '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await answer({ input: { challengeId, organisationId: chosen, body } });
    if (outcome.data) {
      setBody('');
      onAnswered();
    }
  }

  if (organisations.length === 0) return null;
  return (
    <form onSubmit={submit} className="stack card" aria-labelledby="answer-title">
      <h2 id="answer-title">{t('challenges.answer.title')}</h2>
      <SelectField label={t('challenges.answer.as')} value={chosen} onChange={(e) => setOrganisationId(e.target.value)} error={isFieldError(error, 'organisationId') ? errorText(error) : null}>
        {organisations.map((m) => (
          <option key={m.organisation.id} value={m.organisation.id}>
            {m.organisation.name}
          </option>
        ))}
      </SelectField>
      <MarkdownEditor
        label={t('challenges.answer.body')}
        value={body}
        onChange={setBody}
        error={isFieldError(error, 'body') ? errorText(error) : null}
        writeLabel={t('common.write')}
        previewLabel={t('common.preview')}
        hint={t('common.markdownHint')}
      />
      {error && !isFieldError(error, 'body') && !isFieldError(error, 'organisationId') ? <ErrorMessage error={error} /> : null}
      <button type="submit" className="primary" disabled={result.fetching || !body.trim()}>
        {t('challenges.answer.submit')}
      </button>
    </form>
  );
}
