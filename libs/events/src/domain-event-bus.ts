import { Injectable, Logger } from '@nestjs/common';
import type { DomainEventMap, DomainEventName } from './domain-events.js';

type Handler<K extends DomainEventName> = (payload: DomainEventMap[K]) => void | Promise<void>;

/**
 * In-process, typed event bus. Emitting never throws into the caller: the change is already
 * committed, so a failing listener is logged rather than turning a success into an error.
 * Cross-instance fan-out is the listeners' job (Redis-backed PUB_SUB and socket.io adapter).
 */
@Injectable()
export class DomainEventBus {
  private readonly logger = new Logger(DomainEventBus.name);
  private readonly handlers = new Map<DomainEventName, Handler<DomainEventName>[]>();

  on<K extends DomainEventName>(name: K, handler: Handler<K>): void {
    const list = this.handlers.get(name) ?? [];
    list.push(handler as Handler<DomainEventName>);
    this.handlers.set(name, list);
  }

  emit<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void {
    for (const handler of this.handlers.get(name) ?? []) {
      Promise.resolve()
        .then(() => handler(payload))
        .catch((error: unknown) => this.logger.error({ err: error, event: name }, `listener for ${name} failed`));
    }
  }
}
