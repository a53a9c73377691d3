import { registerDecorator, type ValidationOptions } from 'class-validator';

const TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone'));
TIME_ZONES.add('UTC');

/** A well-formed BCP 47 language tag (it, el, fr, ar, en, ar-TN, …). */
export function isBcp47(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0 || value.length > 35) return false;
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** Canonical casing (`AR-tn` → `ar-TN`), so equal tags compare equal. */
export function canonicalLanguage(tag: string): string {
  return Intl.getCanonicalLocales(tag)[0] ?? tag;
}

export function isIanaTimeZone(value: unknown): boolean {
  return typeof value === 'string' && TIME_ZONES.has(value);
}

export function IsBcp47(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isBcp47',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must hold BCP 47 language tags such as it, el, fr, ar, en`, ...options },
      validator: { validate: isBcp47 },
    });
}

export function IsIanaTimeZone(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an IANA time zone such as Europe/Rome or Africa/Tunis`, ...options },
      validator: { validate: isIanaTimeZone },
    });
}
