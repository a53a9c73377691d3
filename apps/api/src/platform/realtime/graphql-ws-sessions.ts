import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import { PUB_SUB } from './pub-sub.provider.js';
import { Topics, type SessionEndedMessage } from './topics.js';

interface Closable {
  close(code?: number, reason?: string): void;
}

/**
 * The graphql-ws sockets open on this instance, by login session, so a logout on any instance (heard
 * through PUB_SUB) closes them here, and an expired token closes its socket.
 */
@Injectable()
export class GraphQLWsSessions implements OnModuleInit {
  private readonly logger = new Logger(GraphQLWsSessions.name);
  private readonly bySession = new Map<string, Set<Closable>>();

  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}

  async onModuleInit(): Promise<void> {
    await this.pubSub.subscribe(Topics.sessionEnded, (message: SessionEndedMessage) => this.end(message.sessionId), {});
  }

  track(sessionId: string, socket: Closable, expiresAt: number): () => void {
    const set = this.bySession.get(sessionId) ?? new Set<Closable>();
    set.add(socket);
    this.bySession.set(sessionId, set);
    const timer = setTimeout(() => socket.close(4401, 'TOKEN_EXPIRED'), Math.max(0, expiresAt * 1000 - Date.now()));
    return () => {
      clearTimeout(timer);
      set.delete(socket);
      if (set.size === 0) this.bySession.delete(sessionId);
    };
  }

  private end(sessionId: string): void {
    const sockets = this.bySession.get(sessionId);
    if (!sockets) return;
    this.logger.log(`closing ${sockets.size} graphql-ws connection(s) of an ended session`);
    for (const socket of sockets) socket.close(4401, 'SESSION_ENDED');
  }
}
