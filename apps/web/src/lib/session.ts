/**
 * The signed-in session: tokens in localStorage (so a reload keeps the user signed in) and a tiny
 * subscribe/notify store React reads with useSyncExternalStore.
 */
export interface Session {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  userId: string;
}

export type SessionState = { kind: 'signedOut' } | { kind: 'signedIn'; session: Session } | { kind: 'expired'; session: Session };

const KEY = 'innomed.session';
let state: SessionState = load();
const listeners = new Set<() => void>();

function load(): SessionState {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return { kind: 'signedOut' };
    return { kind: 'signedIn', session: JSON.parse(raw) as Session };
  } catch {
    return { kind: 'signedOut' };
  }
}

export function getSessionState(): SessionState {
  return state;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function set(next: SessionState): void {
  state = next;
  if (next.kind === 'signedIn') localStorage.setItem(KEY, JSON.stringify(next.session));
  if (next.kind === 'signedOut') localStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

export function signIn(session: Session): void {
  set({ kind: 'signedIn', session });
}

export function signOut(): void {
  set({ kind: 'signedOut' });
}

/** The refresh token was refused: the page stays (and what the user typed), a sign-in dialog opens. */
export function markExpired(): void {
  if (state.kind === 'signedIn') set({ kind: 'expired', session: state.session });
}
