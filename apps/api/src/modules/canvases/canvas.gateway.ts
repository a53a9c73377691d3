import { UseFilters } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayConnection, type OnGatewayDisconnect } from '@nestjs/websockets';
import { IsUUID } from 'class-validator';
import type { Socket } from 'socket.io';
import { CANVAS_DOCUMENT_LAYOUT_VERSION, CANVAS_NAMESPACE, type Ack, type CanvasOpenResult } from '@app/contracts';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { validatePayload } from '@api/platform/realtime/validate-payload.js';
import { WsErrorFilter } from '@api/platform/realtime/ws-exception.filter.js';
import { CanvasesService } from './canvases.service.js';
import { LiveCanvases } from './live-canvases.js';

class CanvasRefPayload {
  @IsUUID()
  canvasId: string;
}

interface CanvasSocketData {
  user: AuthUser;
  canvases: Set<string>;
}

const data = (socket: Socket) => socket.data as CanvasSocketData;

/** Bytes arrive as a Buffer (Node clients) or an ArrayBuffer; anything else is refused. */
function bytesOf(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw DomainException.badInput('`data` must be binary (a y-protocols message).', ['data']);
}

/**
 * The `/canvas` namespace: y-protocols sync and awareness messages per canvas, authenticated at the
 * handshake (HubIoAdapter), authorised when a canvas is opened and re-checked while it stays open.
 */
@UseFilters(WsErrorFilter)
@WebSocketGateway({ namespace: CANVAS_NAMESPACE })
export class CanvasGateway implements OnGatewayConnection, OnGatewayDisconnect {
  constructor(
    private readonly canvases: CanvasesService,
    private readonly live: LiveCanvases,
  ) {}

  handleConnection(socket: Socket): void {
    data(socket).canvases = new Set();
  }

  handleDisconnect(socket: Socket): void {
    for (const canvasId of data(socket).canvases ?? []) this.live.close(socket, canvasId);
  }

  @SubscribeMessage('canvas:open')
  async open(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<CanvasOpenResult>> {
    const { canvasId } = validatePayload(CanvasRefPayload, body);
    const { role } = await this.canvases.requireRole(data(socket).user.id, canvasId);
    if (!socket.connected) throw DomainException.conflict('The connection closed.');
    data(socket).canvases.add(canvasId);
    const seq = await this.live.open(socket, data(socket).user.id, canvasId, role);
    return { ok: true, data: { canvasId, role, seq, layoutVersion: CANVAS_DOCUMENT_LAYOUT_VERSION } };
  }

  @SubscribeMessage('canvas:close')
  close(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Ack {
    const { canvasId } = validatePayload(CanvasRefPayload, body);
    this.live.close(socket, canvasId);
    data(socket).canvases.delete(canvasId);
    return { ok: true, data: {} };
  }

  /** Acknowledged once whatever update it carried is stored; the ack says under which seq. */
  @SubscribeMessage('canvas:message')
  async message(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<{ seq: number | null }>> {
    if (body === null || typeof body !== 'object') throw DomainException.badInput('The payload must be an object.');
    const { canvasId } = validatePayload(CanvasRefPayload, { canvasId: (body as { canvasId?: unknown }).canvasId });
    const seq = await this.live.handle(socket, canvasId, bytesOf((body as { data?: unknown }).data));
    return { ok: true, data: { seq } };
  }
}
