/** A minimal GraphQL-over-HTTP client for tests: real HTTP, real JSON. */
export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; fields?: string[]; requestId?: string } }[];
}

export async function gql<T = Record<string, unknown>>(baseUrl: string, query: string, variables?: Record<string, unknown>, token?: string, headers: Record<string, string> = {}): Promise<GraphQLResult<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResult<T>, 'status'>;
  return { status: response.status, ...body };
}

/** The `extensions.code` of the first error, for terse assertions. */
export function errorCode(result: GraphQLResult<unknown>): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
