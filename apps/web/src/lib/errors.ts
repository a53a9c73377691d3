import type { CombinedError } from 'urql';

/** An API error as the interface needs it: its stable code and, for BAD_USER_INPUT, the input paths. */
export interface ApiError {
  code: string;
  fields: string[];
  message: string;
}

export function apiError(error: CombinedError | undefined | null): ApiError | null {
  if (!error) return null;
  if (error.networkError) return { code: 'NETWORK', fields: [], message: error.networkError.message };
  const first = error.graphQLErrors[0];
  if (!first) return { code: 'INTERNAL_SERVER_ERROR', fields: [], message: error.message };
  const extensions = first.extensions as { code?: unknown; fields?: unknown };
  const fields = Array.isArray(extensions.fields) ? extensions.fields.filter((f): f is string => typeof f === 'string') : [];
  return { code: typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR', fields, message: first.message };
}

/** Whether the error belongs to the given input field (`input.title` matches `title` and `input.title`). */
export function isFieldError(error: ApiError | null, field: string): boolean {
  return !!error && error.code === 'BAD_USER_INPUT' && error.fields.some((f) => f === field || f.endsWith(`.${field}`));
}
