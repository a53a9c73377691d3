import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable } from '@nestjs/common';

/** Names this process in logs, pings and metrics, so multi-instance behaviour can be traced. */
@Injectable()
export class InstanceInfo {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}
