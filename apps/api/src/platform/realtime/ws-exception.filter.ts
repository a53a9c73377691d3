import { ArgumentsHost, Catch, Logger, WsExceptionFilter } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { ErrorCode } from '@app/contracts';
import { toErrorBody } from '@api/platform/errors/error-mapping.js';

/**
 * Every failing socket event answers its acknowledgement with `{ ok: false, error }`, so a client never
 * waits on an ack that will not come. Events sent without an ack get an `exception` event instead.
 */
@Catch()
export class WsErrorFilter implements WsExceptionFilter {
  private readonly logger = new Logger('Realtime');

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = toErrorBody(exception);
    if (body.code === ErrorCode.INTERNAL_SERVER_ERROR) this.logger.error({ err: exception }, 'unhandled error in socket event');
    const ack = host.getArgs().find((arg: unknown) => typeof arg === 'function') as ((result: unknown) => void) | undefined;
    if (ack) {
      ack({ ok: false, error: body });
      return;
    }
    host.switchToWs().getClient<Socket>().emit('exception', body);
  }
}
