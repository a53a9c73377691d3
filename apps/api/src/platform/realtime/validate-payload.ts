import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { Type } from '@nestjs/common';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { unstorableStrings } from '@api/platform/graphql/text-rules.js';
import { firstViolation } from '@api/platform/errors/validation-messages.js';

export function fieldPaths(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    return error.children?.length ? fieldPaths(error.children, path) : [path];
  });
}

/**
 * Global pipes do not run for gateways, so gateways validate their payloads with this: the same
 * class-validator rules, the same text rules (no NUL, unpaired surrogate or control character) and
 * the same BAD_USER_INPUT answer as GraphQL inputs: the offending fields, and a message naming the first
 * field and the rule it breaks in user words ("seq must be a whole number").
 */
export function validatePayload<T extends object>(type: Type<T>, payload: unknown): T {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw DomainException.badInput('The payload must be an object.');
  }
  const unstorable = unstorableStrings(payload, '');
  if (unstorable.length > 0) throw DomainException.badInput(`The payload is not valid: ${unstorable[0]!.path} ${unstorable[0]!.reason}.`, unstorable.map((f) => f.path));
  const instance = plainToInstance(type, payload);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
  if (errors.length > 0) throw DomainException.badInput(`The payload is not valid: ${firstViolation(errors) ?? `${fieldPaths(errors)[0]} is not valid`}.`, fieldPaths(errors));
  return instance;
}
