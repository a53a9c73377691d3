/** A small GraphQL-over-HTTP client for the set-up and verification steps of the scenarios (not for load). */
export interface GraphQLReply<T> {
  status: number;
  data: T | null;
  errors: Array<{ message: string; extensions?: { code?: string } }>;
}

export async function graphql<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLReply<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let parsed: { data?: T | null; errors?: GraphQLReply<T>['errors'] } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    parsed = { errors: [{ message: `not JSON (HTTP ${response.status}): ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, data: parsed.data ?? null, errors: parsed.errors ?? [] };
}
