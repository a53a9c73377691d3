import { UseFilters } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { IsUUID } from 'class-validator';
import type { Socket } from 'socket.io';
import { Rooms, type Ack } from '@app/contracts';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { validatePayload } from '@api/platform/realtime/validate-payload.js';
import { WsErrorFilter } from '@api/platform/realtime/ws-exception.filter.js';
import { ANY_MEMBER, OrganisationAccessService } from './organisation-access.service.js';

class FollowPayload {
  @IsUUID()
  organisationId: string;
}

/** Sockets follow organisations they belong to; the join is authorised here, on the server. */
@UseFilters(WsErrorFilter)
@WebSocketGateway()
export class OrganisationsGateway {
  constructor(private readonly access: OrganisationAccessService) {}

  @SubscribeMessage('organisation:follow')
  async follow(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const { organisationId } = validatePayload(FollowPayload, body);
    const user = socket.data.user as AuthUser;
    await this.access.require(user.id, organisationId, ANY_MEMBER);
    await socket.join(Rooms.organisation(organisationId));
    return { ok: true, data: {} };
  }

  @SubscribeMessage('organisation:unfollow')
  async unfollow(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const { organisationId } = validatePayload(FollowPayload, body);
    await socket.leave(Rooms.organisation(organisationId));
    return { ok: true, data: {} };
  }
}
