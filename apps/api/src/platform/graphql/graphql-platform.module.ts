import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { GraphQLError, specifiedRules, validate, type ExecutionResult } from 'graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Request, Response } from 'express';
import type { Context as WsContext } from 'graphql-ws';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { AccessTokenService, TokenRejected } from '@api/platform/auth/access-token.service.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { isOriginAllowed } from '@api/platform/http/origins.js';
import { clientAddress } from '@api/platform/http/client-address.js';
import { MetricsService } from '@api/platform/metrics/metrics.service.js';
import { graphqlMetricsPlugin } from '@api/platform/metrics/graphql-metrics.plugin.js';
import { GraphQLWsSessions } from '@api/platform/realtime/graphql-ws-sessions.js';
import type { GraphQLRequestContext } from './graphql-context.js';
import { formatGraphQLError, formatRequestError } from './graphql-errors.js';
import { GraphQLWsPayloadCap } from './graphql-ws-payload-cap.js';

interface WsExtra {
  request: { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string } };
  socket: { close(code?: number, reason?: string): void };
  user?: AuthUser;
  untrack?: () => void;
}

function authenticate(tokens: AccessTokenService, token: string | undefined): Pick<GraphQLRequestContext, 'user' | 'authFailure'> {
  if (!token) return { user: null, authFailure: null };
  try {
    return { user: tokens.verify(token), authFailure: null };
  } catch (error) {
    return { user: null, authFailure: error instanceof DomainException ? error : new TokenRejected('INVALID_TOKEN') };
  }
}

/**
 * Apollo at /graphql with graphql-ws subscriptions on the same path. Limits (depth, aliases,
 * directives, tokens, cost) are validation rules, so an operation past one is refused before any
 * resolver runs; batched HTTP requests are refused; CSRF prevention is on.
 */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG, AccessTokenService, MetricsService, GraphQLWsSessions],
      useFactory: (config: AppConfig, tokens: AccessTokenService, metrics: MetricsService, wsSessions: GraphQLWsSessions) => {
        const armor = new ApolloArmor({
          maxDepth: { n: config.graphql.maxDepth, flattenFragments: true },
          maxAliases: { n: config.graphql.maxAliases },
          maxDirectives: { n: config.graphql.maxDirectives },
          maxTokens: { n: config.graphql.maxTokens },
          costLimit: { maxCost: config.graphql.maxCost },
          blockFieldSuggestion: { enabled: true },
        });
        const protection = armor.protect();
        return {
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: config.graphql.introspection,
          csrfPrevention: true,
          allowBatchedHttpRequests: false,
          includeStacktraceInErrorResponses: false,
          fieldResolverEnhancers: ['guards'],
          validationRules: protection.validationRules,
          plugins: [...protection.plugins, graphqlMetricsPlugin(metrics)],
          formatError: formatGraphQLError,
          context: (arg: { req?: Request; res?: Response; extra?: WsExtra } | WsContext<Record<string, unknown>, WsExtra>): GraphQLRequestContext => {
            if ('req' in arg && arg.req) {
              const req = arg.req;
              return {
                req,
                res: arg.res,
                clientAddress: clientAddress(req, config.http.trustProxy),
                ...authenticate(tokens, AccessTokenService.fromHeader(req.headers.authorization)),
              };
            }
            const extra = (arg as WsContext<Record<string, unknown>, WsExtra>).extra;
            return { user: extra.user ?? null, authFailure: null, clientAddress: extra.request.socket.remoteAddress ?? 'unknown' };
          },
          subscriptions: {
            'graphql-ws': {
              path: '/graphql',
              // graphql-ws validates on its own: give it the same limits as HTTP operations.
              validate: (schema: Parameters<typeof validate>[0], document: Parameters<typeof validate>[1]) =>
                validate(schema, document, [...specifiedRules, ...protection.validationRules]),
              onError: (_ctx: unknown, _id: string, _payload: unknown, errors: readonly GraphQLError[]) => errors.map(formatRequestError),
              onNext: (_ctx: unknown, _id: string, _payload: unknown, _args: unknown, result: ExecutionResult) =>
                result.errors ? { ...result, errors: result.errors.map((error) => formatGraphQLError(error.toJSON(), error)) } : result,
              connectionInitWaitTimeout: 10_000,
              onConnect: (ctx: WsContext<Record<string, unknown>, WsExtra>) => {
                const origin = ctx.extra.request.headers.origin;
                if (!isOriginAllowed(typeof origin === 'string' ? origin : undefined, config.http.allowedOrigins)) {
                  metrics.socketsRefused.inc({ transport: 'graphql-ws', reason: 'ORIGIN_NOT_ALLOWED' });
                  ctx.extra.socket.close(4403, 'ORIGIN_NOT_ALLOWED');
                  return false;
                }
                const raw = ctx.connectionParams?.authorization ?? ctx.connectionParams?.token;
                const token = typeof raw === 'string' ? (AccessTokenService.fromHeader(raw) ?? raw) : undefined;
                const { user, authFailure } = authenticate(tokens, token);
                if (!user) {
                  const reason = authFailure instanceof TokenRejected ? authFailure.reason : 'MISSING_TOKEN';
                  metrics.socketsRefused.inc({ transport: 'graphql-ws', reason });
                  ctx.extra.socket.close(4401, reason);
                  return false;
                }
                ctx.extra.user = user;
                ctx.extra.untrack = wsSessions.track(user.sessionId, ctx.extra.socket, user.expiresAt);
                metrics.socketsConnected.inc({ transport: 'graphql-ws' });
                return true;
              },
              onClose: (ctx: WsContext<Record<string, unknown>, WsExtra>) => {
                if (ctx.extra.untrack) {
                  ctx.extra.untrack();
                  metrics.socketsConnected.dec({ transport: 'graphql-ws' });
                }
              },
            },
          },
        } as ApolloDriverConfig;
      },
    }),
  ],
  providers: [GraphQLWsPayloadCap],
})
export class GraphQLPlatformModule {}
