import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@app/contracts';
import type { GraphQLRequestContext } from './graphql-context.js';
import { reportGraphQLErrors } from './graphql-errors.js';

/**
 * Logs an operation's faults with its request id, and hands that id to the client inside every
 * masked internal error (`extensions.requestId`), so a report can be matched to the log.
 */
export function errorReportingPlugin(): ApolloServerPlugin<GraphQLRequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          reportGraphQLErrors(errors, contextValue.requestId);
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !contextValue.requestId) return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) {
              (error as { extensions: Record<string, unknown> }).extensions = { ...error.extensions, requestId: contextValue.requestId };
            }
          }
        },
      };
    },
  };
}
