import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { firstViolation } from '@api/platform/errors/validation-messages.js';
import { fieldPaths } from '@api/platform/realtime/validate-payload.js';
import { unstorableStrings } from './text-rules.js';

class InvalidInput extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('invalid input');
  }
}

/**
 * class-validator for every resolver argument, answering BAD_USER_INPUT with the offending paths
 * (`input.country`), unknown properties refused. Before that, every string of every argument
 * (whatever its type, in any module) is checked for characters that cannot be stored or shown.
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: true,
      exceptionFactory: (errors) => new InvalidInput(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Nest hands GraphQL arguments to pipes as 'body'; the parent, context, info and current user
    // arrive as 'custom' and are not client input.
    if (metadata.type === 'body') refuseUnstorable(value, metadata.data ?? '');
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      // `@Args('input')` names the argument; `@Args()` (an ArgsType) spreads its fields at the top.
      const paths = fieldPaths(error.errors, metadata.data ?? '');
      throw DomainException.badInput(`${firstViolation(error.errors) ?? 'A value is not valid'}.`, paths);
    }
  }
}

/** BAD_USER_INPUT naming every field whose text holds a NUL, an unpaired surrogate or a control character. */
export function refuseUnstorable(value: unknown, prefix: string): void {
  const found = unstorableStrings(value, prefix);
  if (found.length === 0) return;
  throw DomainException.badInput(`Invalid input: ${found[0]!.path} ${found[0]!.reason}.`, found.map((f) => f.path));
}
