import type { ApolloServerPlugin } from '@apollo/server';
import type { MetricsService } from './metrics.service.js';

/** Times every GraphQL operation; operations that fail before resolving are labelled by outcome. */
export function graphqlMetricsPlugin(metrics: MetricsService): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const stop = metrics.graphqlOperations.startTimer();
      let type = 'unknown';
      let name = 'anonymous';
      return {
        async didResolveOperation(ctx) {
          type = ctx.operation?.operation ?? 'unknown';
          name = ctx.operationName ?? 'anonymous';
        },
        async willSendResponse(ctx) {
          const body = ctx.response.body;
          const failed = body.kind === 'single' && (body.singleResult.errors?.length ?? 0) > 0;
          stop({ type, name: name.slice(0, 64), outcome: failed ? 'error' : 'ok' });
        },
      };
    },
  };
}
