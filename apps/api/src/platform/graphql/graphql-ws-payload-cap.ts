import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '@app/config';

interface WithSubscriptionServer {
  _subscriptionService?: { wss?: { options: { maxPayload?: number } } };
}

/**
 * The graphql-ws WebSocket server is created by the Apollo driver with the `ws` default payload cap
 * (100 MiB) and no option to change it. Frames are read with the server's options at each connection,
 * so setting the cap once at start covers every connection.
 */
@Injectable()
export class GraphQLWsPayloadCap implements OnApplicationBootstrap {
  private readonly logger = new Logger(GraphQLWsPayloadCap.name);

  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const graphql = this.moduleRef.get(GraphQLModule, { strict: false });
    const wss = (graphql.graphQlAdapter as unknown as WithSubscriptionServer)._subscriptionService?.wss;
    if (!wss) {
      this.logger.warn('graphql-ws server not found: its frames keep the library default cap');
      return;
    }
    wss.options.maxPayload = this.config.realtime.maxPayloadBytes;
  }
}
