import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { GraphQLError, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
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
import { formatGraphQLError, reportGraphQLErrors, tagRequestError } from './graphql-errors.js';
import { errorReportingPlugin } from './error-reporting.plugin.js';
import { GraphQLWsPayloadCap } from './graphql-ws-payload-cap.js';
import { maxDirectivesRule } from './max-directives.rule.js';
import { explainPageSize } from './pagination.js';
import { makeDateTimeStrict } from './date-time.scalar.js';

// Before any schema is built: DateTime arguments are parsed strictly (see the function).
makeDateTimeStrict();

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
        // Depth, aliases and cost from graphql-armor; directives by our own rule (see its comment);
        // tokens by graphql-js's parser, which stops early and reports a syntax error (a 400, where
        // armor's token plugin throws from a hook and becomes a 500); "Did you mean" hints are
        // stripped by the error formatter for every kind of error.
        const armor = new ApolloArmor({
          maxDepth: { n: config.graphql.maxDepth, flattenFragments: true },
          // armor leaves `__typename` aliases out of the count by default, so 200 of them passed a limit
          // of 15; every alias costs a resolver call and a key in the answer, so every alias counts.
          maxAliases: { n: config.graphql.maxAliases, allowList: [] },
          maxDirectives: { enabled: false },
          maxTokens: { enabled: false },
          costLimit: { maxCost: config.graphql.maxCost, onReject: [explainPageSize] },
          blockFieldSuggestion: { enabled: false },
        });
        const protection = armor.protect();
        const validationRules = [...protection.validationRules, maxDirectivesRule(config.graphql.maxDirectives)];
        const parseOptions = { maxTokens: config.graphql.maxTokens };
        // graphql-ws parses and validates outside Apollo; it gets the schema Apollo starts with.
        let schema: GraphQLSchema | undefined;
        const wsRules = [...specifiedRules, ...validationRules, ...(config.graphql.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
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
          validationRules,
          parseOptions,
          plugins: [
            // No HTTP caching of GraphQL answers here; without this default plugin Apollo also skips
            // wrapping every field resolver to compute cache hints.
            ApolloServerPluginCacheControlDisabled(),
            ...protection.plugins,
            graphqlMetricsPlugin(metrics),
            errorReportingPlugin(),
            {
              async serverWillStart(service: { schema: GraphQLSchema }) {
                schema = service.schema;
              },
            },
          ],
          formatError: formatGraphQLError,
          context: (arg: { req?: Request; res?: Response; extra?: WsExtra } | WsContext<Record<string, unknown>, WsExtra>): GraphQLRequestContext => {
            if ('req' in arg && arg.req) {
              const req = arg.req;
              return {
                req,
                res: arg.res,
                clientAddress: clientAddress(req, config.http.trustProxy),
                requestId: arg.res?.locals.requestId as string | undefined,
                ...authenticate(tokens, AccessTokenService.fromHeader(req.headers.authorization)),
              };
            }
            const extra = (arg as WsContext<Record<string, unknown>, WsExtra>).extra;
            return { user: extra.user ?? null, authFailure: null, clientAddress: extra.request.socket.remoteAddress ?? 'unknown' };
          },
          subscriptions: {
            'graphql-ws': {
              path: '/graphql',
              // The same parse limits, validation rules and error codes as HTTP operations; a bad
              // document answers that one operation with errors instead of closing the connection.
              onSubscribe: (_ctx: unknown, _id: string, payload: SubscribePayload) => {
                if (!schema) return [new GraphQLError('The server is starting; try again.')];
                let document: DocumentNode;
                try {
                  document = parse(payload.query, parseOptions);
                } catch (error) {
                  return [tagRequestError(error instanceof GraphQLError ? error : new GraphQLError(String(error)), 'parse')];
                }
                const errors = validate(schema, document, wsRules);
                if (errors.length > 0) return errors.map((error) => tagRequestError(error, 'validate'));
                return { schema, document, variableValues: payload.variables, operationName: payload.operationName ?? undefined };
              },
              onError: (_ctx: unknown, _id: string, _payload: unknown, errors: readonly GraphQLError[]) => {
                reportGraphQLErrors(errors);
                return errors.map((error) => formatGraphQLError(error.toJSON(), error));
              },
              onNext: (_ctx: unknown, _id: string, _payload: unknown, _args: unknown, result: ExecutionResult) => {
                if (result.errors) reportGraphQLErrors(result.errors);
                return result.errors
                  ? {
                      ...result,
                      // Errors without a path that name a variable come from coercing the variables.
                      errors: result.errors.map((error) => {
                        const tagged = !error.path && /^Variable "\$/.test(error.message) ? tagRequestError(error, 'variables') : error;
                        return formatGraphQLError(tagged.toJSON(), tagged);
                      }),
                    }
                  : result;
              },
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
