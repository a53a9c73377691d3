import { Client, fetchExchange, subscriptionExchange, mapExchange } from 'urql';
import { cacheExchange } from '@urql/exchange-graphcache';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { authFetch, freshToken } from './auth-fetch';
import { setOnline } from './connection';

const PROBE_MS = 3000;
let probing: ReturnType<typeof setInterval> | null = null;

/** While the hub is unreachable, ask /health/live every few seconds; the banner goes once it answers. */
function startProbe(): void {
  setOnline(false);
  probing ??= setInterval(() => {
    void fetch('/health/live', { cache: 'no-store' })
      .then((response) => {
        if (!response.ok || !probing) return;
        clearInterval(probing);
        probing = null;
        setOnline(true);
      })
      .catch(() => undefined);
  }, PROBE_MS);
}

function wsUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

export function createWs(): WsClient {
  return createWsClient({
    url: wsUrl(),
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    connectionParams: async () => {
      const token = await freshToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      connected: () => setOnline(true),
      closed: (event) => {
        // 1000: closed on purpose (no subscriptions left, logout); anything else is a lost connection.
        if ((event as CloseEvent).code !== 1000) setOnline(false);
      },
    },
  });
}

export function createGraphqlClient(ws: WsClient): Client {
  const client: Client = new Client({
    url: '/graphql',
    fetch: authFetch,
    // POST only: the hub's CSRF protection refuses GET queries that carry no content type.
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange({
        keys: {
          PageInfo: () => null,
          ChallengeConnection: () => null,
          AnswerConnection: () => null,
          NotificationConnection: () => null,
          NetworkConnection: () => null,
          NetworkMemberConnection: () => null,
          OrganisationConnection: () => null,
          OrganisationMemberConnection: () => null,
          OrganisationMember: () => null,
          NetworkMember: () => null,
          ExpertSuggestion: () => null,
          ChallengeTransition: () => null,
          Attachment: () => null,
          AuthPayload: () => null,
          ChallengeActivity: () => null,
          ServerText: () => null,
          ServerTextParam: () => null,
          ChatChannelConnection: () => null,
          ChatMessageSlice: () => null,
          ChatReaction: () => null,
        },
        updates: {
          Mutation: {
            // The hub words notifications and expert reasons in the first preferred language: when
            // they change (the language switcher), the cached wordings are stale, and the pages
            // showing them fetch them again.
            updateProfile(_result, args, cache) {
              const input = (args as { input?: { preferredLanguages?: unknown } }).input;
              if (!input?.preferredLanguages) return;
              for (const field of cache.inspectFields('Query')) {
                if (['notifications', 'suggestedExperts'].includes(field.fieldName)) cache.invalidate('Query', field.fieldKey);
              }
            },
          },
        },
      }),
      mapExchange({
        onResult(result) {
          if (result.error?.networkError) startProbe();
          else setOnline(true);
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return client;
}
