import { Injectable } from '@nestjs/common';
import type { Namespace, Server } from 'socket.io';
import { NAMESPACE_CLIENT_EVENTS, type ClientToServerEvents, type ServerToClientEvents, type SessionEndedPayload } from '@app/contracts';

export type HubServer = Server<ClientToServerEvents, ServerToClientEvents>;

/**
 * Hands the socket.io server (created by the adapter at listen time) to listeners that emit to rooms,
 * without them depending on a gateway.
 */
@Injectable()
export class SocketServer {
  private server?: HubServer;

  attach(server: HubServer): void {
    this.server = server;
  }

  /** Emits to a room on every instance (through the Redis adapter when configured). */
  to(room: string) {
    if (!this.server) throw new Error('socket.io server not attached yet');
    return this.server.to(room);
  }

  /** A namespace of the server (created on first use), for features with their own namespace. */
  namespace<Listen extends object, Emit extends object>(name: string): Namespace<Listen, Emit> {
    if (!this.server) throw new Error('socket.io server not attached yet');
    return this.server.of(name) as unknown as Namespace<Listen & Record<string, never>, Emit & Record<string, never>>;
  }

  /** Tells every socket in a room, in every namespace and on every instance, why, then disconnects it. */
  endRoom(room: string, reason: SessionEndedPayload['reason']): void {
    if (!this.server) return;
    for (const name of Object.keys(NAMESPACE_CLIENT_EVENTS)) {
      const namespace = this.server.of(name);
      namespace.to(room).emit('session:ended', { reason });
      namespace.in(room).disconnectSockets(true);
    }
  }

  get attached(): HubServer | undefined {
    return this.server;
  }
}
