import { Injectable, PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainException } from '@api/platform/errors/domain.exception.js';

/**
 * For a single `@Args('somethingId')` beside an input object (an ArgsType there would receive the
 * whole argument map and refuse the input as unknown).
 */
@Injectable()
export class UuidPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || !isUUID(value)) throw DomainException.badInput(`${metadata.data ?? 'id'} must be an id given out by this server (a UUID).`, [metadata.data ?? 'id']);
    return value;
  }
}
