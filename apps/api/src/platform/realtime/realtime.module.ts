import { Global, Module } from '@nestjs/common';
import { GraphQLWsSessions } from './graphql-ws-sessions.js';
import { InstanceInfo } from './instance-info.js';
import { pubSubProvider, PUB_SUB } from './pub-sub.provider.js';
import { RedisService } from './redis.service.js';
import { SessionEndedListener } from './session-ended.listener.js';
import { SocketServer } from './socket-server.js';
import { SystemGateway } from './system.gateway.js';

@Global()
@Module({
  providers: [
    // infrastructure
    RedisService,
    pubSubProvider,
    SocketServer,
    InstanceInfo,
    GraphQLWsSessions,
    // gateways
    SystemGateway,
    // listeners
    SessionEndedListener,
  ],
  exports: [RedisService, PUB_SUB, SocketServer, InstanceInfo, GraphQLWsSessions],
})
export class RealtimeModule {}
