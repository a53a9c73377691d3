import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import { Rooms } from '@app/contracts';
import { DomainEventBus } from '@app/events';
import { PUB_SUB } from './pub-sub.provider.js';
import { SocketServer } from './socket-server.js';
import { Topics, type SessionEndedMessage } from './topics.js';

/** A logout or a revoked session ends that session's live connections on every instance. */
@Injectable()
export class SessionEndedListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEventBus,
    private readonly sockets: SocketServer,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  onModuleInit(): void {
    this.events.on('session.ended', async ({ sessionId, reason }) => {
      this.sockets.endRoom(Rooms.session(sessionId), reason);
      await this.pubSub.publish(Topics.sessionEnded, { sessionId, reason } satisfies SessionEndedMessage);
    });
  }
}
