import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@app/contracts';

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

  /** Disconnects every socket in a room, on every instance. */
  disconnectRoom(room: string): void {
    this.server?.in(room).disconnectSockets(true);
  }

  get attached(): HubServer | undefined {
    return this.server;
  }
}
