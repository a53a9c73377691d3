import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { LOCAL_DATE_HINT, isLocalDate } from '@app/contracts';

/**
 * A calendar date written YYYY-MM-DD that exists ("2027-02-30" is refused, not rolled over to
 * 2 March). For inputs that take a day without a time, such as a session's days.
 */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLocalDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: (args: ValidationArguments) => `${args.property} must be ${LOCAL_DATE_HINT}`, ...options },
      validator: { validate: (value: unknown) => isLocalDate(value) },
    });
}
