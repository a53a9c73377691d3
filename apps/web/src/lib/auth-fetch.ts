import { getSessionState, markExpired, signIn, type Session } from './session';

const REFRESH = `mutation Refresh($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { accessToken accessTokenExpiresAt refreshToken user { id } } }`;
/** Refresh this long before the access token expires, so a request never leaves with a stale one. */
const MARGIN_MS = 30_000;

let refreshing: Promise<boolean> | null = null;

interface RefreshResult {
  data?: { refreshSession: { accessToken: string; accessTokenExpiresAt: string; refreshToken: string; user: { id: string } } } | null;
}

/** One refresh at a time: a refresh token is single-use, so two concurrent refreshes would end the session. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const state = getSessionState();
    if (state.kind !== 'signedIn') return false;
    try {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: REFRESH, variables: { refreshToken: state.session.refreshToken } }),
      });
      const body = (await response.json()) as RefreshResult;
      const fresh = body.data?.refreshSession;
      if (!fresh) {
        markExpired();
        return false;
      }
      signIn({ accessToken: fresh.accessToken, accessTokenExpiresAt: fresh.accessTokenExpiresAt, refreshToken: fresh.refreshToken, userId: fresh.user.id });
      return true;
    } catch {
      // Offline: keep the session; the connection banner tells the user, the next request tries again.
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

export function currentToken(): string | null {
  const state = getSessionState();
  return state.kind === 'signedIn' ? state.session.accessToken : null;
}

function expiresSoon(session: Session): boolean {
  return Date.parse(session.accessTokenExpiresAt) - Date.now() < MARGIN_MS;
}

export async function freshToken(): Promise<string | null> {
  const state = getSessionState();
  if (state.kind === 'signedIn' && expiresSoon(state.session)) await refreshSession();
  return currentToken();
}

function withToken(init: RequestInit | undefined, token: string | null): RequestInit {
  const headers = new Headers(init?.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  else headers.delete('authorization');
  return { ...init, headers };
}

/**
 * fetch for the GraphQL client: refreshes an expiring token first, and once more when the hub still
 * answers UNAUTHENTICATED (clock skew, a token revoked elsewhere), then repeats the request. The page is
 * never left, so forms keep what the user typed.
 */
export const authFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, withToken(init, await freshToken()));
  if (getSessionState().kind !== 'signedIn') return response;
  const body = (await response.clone().json().catch(() => null)) as { errors?: { extensions?: { code?: string } }[] } | null;
  if (!body?.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return response;
  if (!(await refreshSession())) return response;
  return fetch(input, withToken(init, currentToken()));
};
