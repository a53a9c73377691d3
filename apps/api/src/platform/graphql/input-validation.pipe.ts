import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { firstViolation } from '@api/platform/errors/validation-messages.js';
import { fieldPaths } from '@api/platform/realtime/validate-payload.js';

class InvalidInput extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('invalid input');
  }
}

/**
 * class-validator for every resolver argument, answering BAD_USER_INPUT with the offending paths
 * (`input.country`), unknown properties refused.
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
