import { UseFilters } from '@nestjs/common';
import { SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Ack } from '@app/contracts';
import { InstanceInfo } from './instance-info.js';
import { WsErrorFilter } from './ws-exception.filter.js';

/** Events that belong to no feature. */
@UseFilters(WsErrorFilter)
@WebSocketGateway()
export class SystemGateway {
  constructor(private readonly instance: InstanceInfo) {}

  @SubscribeMessage('system:ping')
  ping(): Ack<{ instanceId: string; at: string }> {
    return { ok: true, data: { instanceId: this.instance.id, at: new Date().toISOString() } };
  }
}
