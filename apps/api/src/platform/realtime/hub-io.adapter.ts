import { Logger, type INestApplication } from '@nestjs/common';
import type { MessageMappingProperties } from '@nestjs/websockets';
import type { Observable } from 'rxjs';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Namespace, Server, ServerOptions, Socket } from 'socket.io';
import { NAMESPACE_CLIENT_EVENTS, ErrorCode, HandshakeRefusal, Rooms } from '@app/contracts';
import type { AppConfig } from '@app/config';
import { AccessTokenService, TokenRejected } from '@api/platform/auth/access-token.service.js';
import { MetricsService } from '@api/platform/metrics/metrics.service.js';
import { isOriginAllowed } from '@api/platform/http/origins.js';
import { RedisService } from './redis.service.js';
import { SocketServer, type HubServer } from './socket-server.js';

/**
 * socket.io with what every namespace needs before any gateway sees a socket: the Origin check
 * (cross-site WebSocket hijacking), JWT authentication at the handshake with a reason on refusal, the
 * user's own rooms, a disconnect when the token expires, and the Redis adapter when configured.
 *
 * Connection-state recovery stays off: it would let a revoked user back in without the middleware,
 * and clients catch up from the database on every reconnect anyway.
 */
export class HubIoAdapter extends IoAdapter {
  private readonly tokens: AccessTokenService;
  private readonly redis: RedisService;
  private readonly metrics: MetricsService;
  private readonly socketServer: SocketServer;
  private readonly guarded = new WeakSet<Namespace>();
  private readonly handlerLogger = new Logger('Realtime');

  constructor(
    app: INestApplication,
    private readonly config: AppConfig,
  ) {
    super(app);
    this.tokens = app.get(AccessTokenService);
    this.redis = app.get(RedisService);
    this.metrics = app.get(MetricsService);
    this.socketServer = app.get(SocketServer);
  }

  /**
   * The same dispatch as IoAdapter's (a handler's result answers the ack, or is emitted when it names
   * an event; errors are logged, the event stays live), with one plain listener per event instead of
   * an rxjs pipeline per event per socket: that pipeline was most of an idle socket's memory.
   */
  override bindMessageHandlers(socket: Socket, handlers: MessageMappingProperties[], transform: (data: unknown) => Observable<unknown>): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(String(message), (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args.length === 1 ? args[0] : args) as { data: unknown; ack?: (response: unknown) => void };
        let result$: Observable<unknown>;
        try {
          result$ = transform(callback(data, ack));
        } catch (error) {
          this.handlerLogger.error(error);
          return;
        }
        result$.subscribe({
          next: (response) => {
            if (response === null || response === undefined) return;
            const named = response as { event?: string; data?: unknown };
            if (named.event) socket.emit(named.event, named.data);
            else if (!isAckHandledManually && typeof ack === 'function') ack(response);
          },
          error: (error: unknown) => this.handlerLogger.error(error),
        });
      });
    }
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, <ServerOptions>{
      ...options,
      maxHttpBufferSize: this.config.realtime.maxPayloadBytes,
      cors: { origin: this.config.http.allowedOrigins, credentials: true },
      pingInterval: 20_000,
      pingTimeout: 20_000,
    });
    if (this.redis.enabled) {
      server.adapter(createAdapter(this.redis.connect('io-pub'), this.redis.connect('io-sub')));
    }
    this.socketServer.attach(server as HubServer);
    return server;
  }

  override create(port: number, options?: ServerOptions & { namespace?: string; server?: Server }): Server {
    const created = super.create(port, options) as unknown as Server | Namespace;
    const namespace = 'sockets' in created && typeof (created as Server).of === 'function' ? (created as Server).of('/') : (created as Namespace);
    if (!this.guarded.has(namespace)) {
      this.guarded.add(namespace);
      namespace.use((socket, next) => this.authenticate(socket, next));
    }
    return created as Server;
  }

  private authenticate(socket: Socket, next: (error?: Error) => void): void {
    const refuse = (reason: HandshakeRefusal) => {
      this.metrics.socketsRefused.inc({ transport: 'socket.io', reason });
      const error = new Error(reason) as Error & { data?: unknown };
      error.data = { code: 'UNAUTHENTICATED', reason };
      next(error);
    };
    if (!isOriginAllowed(socket.handshake.headers.origin, this.config.http.allowedOrigins)) {
      return refuse(HandshakeRefusal.ORIGIN_NOT_ALLOWED);
    }
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    const token = typeof auth?.token === 'string' ? auth.token : AccessTokenService.fromHeader(socket.handshake.headers.authorization);
    try {
      const user = this.tokens.verify(token);
      socket.data.user = user;
      void socket.join([Rooms.user(user.id), Rooms.session(user.sessionId)]);
      this.metrics.socketsConnected.inc({ transport: 'socket.io' });
      // An expired token must end the socket: the client reconnects with a fresh one.
      const expiry = setTimeout(() => {
        socket.emit('session:ended', { reason: 'TOKEN_EXPIRED' });
        socket.disconnect(true);
      }, Math.max(0, user.expiresAt * 1000 - Date.now()));
      // An event nobody handles still answers its ack, so a client never waits forever.
      const handled = NAMESPACE_CLIENT_EVENTS[socket.nsp.name] ?? [];
      socket.onAny((event: string, ...args: unknown[]) => {
        const ack = args[args.length - 1];
        if (!handled.includes(event) && typeof ack === 'function') {
          ack({ ok: false, error: { code: ErrorCode.BAD_USER_INPUT, message: `Unknown event "${String(event).slice(0, 64)}".` } });
        }
      });
      socket.once('disconnect', () => {
        clearTimeout(expiry);
        this.metrics.socketsConnected.dec({ transport: 'socket.io' });
      });
      next();
    } catch (error) {
      if (error instanceof TokenRejected) return refuse(HandshakeRefusal[error.reason]);
      return refuse(HandshakeRefusal.INVALID_TOKEN);
    }
  }
}
