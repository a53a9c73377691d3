import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { createGraphqlClient, createWs } from '@/lib/client';
import { I18nProvider } from '@/lib/i18n';
import { useSessionState } from '@/lib/use-session';

/**
 * One GraphQL client per signed-in user: signing in or out starts a fresh cache and a fresh
 * subscription socket, so nothing of the previous user is shown to the next.
 */
function GraphqlProvider({ children }: { children: ReactNode }) {
  const state = useSessionState();
  const userKey = state.kind === 'signedOut' ? 'anonymous' : state.session.userId;
  const ws = useRef<ReturnType<typeof createWs> | null>(null);
  const client = useMemo(() => {
    void ws.current?.dispose();
    ws.current = createWs();
    return createGraphqlClient(ws.current);
  }, [userKey]);
  useEffect(() => () => void ws.current?.dispose(), []);
  return <UrqlProvider value={client}>{children}</UrqlProvider>;
}

export function AppProvider({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <GraphqlProvider>{children}</GraphqlProvider>
    </I18nProvider>
  );
}
