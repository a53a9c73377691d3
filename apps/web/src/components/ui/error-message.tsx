import type { ApiError } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';

/** The user-language text for an API error code (the hub's English message is not shown). */
export function useErrorText(): (error: ApiError | null) => string | null {
  const { t } = useI18n();
  return (error) => (error ? t(`common.errors.${error.code}`) : null);
}

/** A form-level error (anything not tied to one field). */
export function ErrorMessage({ error }: { error: ApiError | null }) {
  const text = useErrorText()(error);
  if (!text) return null;
  return (
    <p className="form-error" role="alert">
      {text}
    </p>
  );
}
