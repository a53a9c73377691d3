import { Transform } from 'class-transformer';
import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { DomainException } from '@api/platform/errors/domain.exception.js';

/**
 * What text the hub accepts, checked at the boundary (the global validation pipe for every GraphQL
 * argument, `validatePayload` for every socket payload) so no service and no module has to remember:
 *
 * - nowhere: NUL (PostgreSQL cannot store it), unpaired UTF-16 surrogates (not text), and control
 *   characters other than tab, line feed and carriage return (C0, DEL, C1: invisible, or garbage on
 *   screen);
 * - in single-line text (names, titles, emails, search terms, …) also no line breaks or tabs
 *   (`@SingleLine()`, or `@VisibleText()` for names and titles).
 */

// C0 controls except \t \n \r, DEL, C1 controls, and surrogates not part of a pair. No `u` flag:
// matched per UTF-16 code unit, so a lone surrogate is one unit and a pair is two that look at each other.
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- vertical tab and form feed break lines too
const LINE_BREAK = /[\t\n\r\u2028\u2029\u0085\u000B\u000C]/;
/** Characters that take no space on screen: format characters (zero-width space, joiners, bidi marks, BOM) and fillers. */
// eslint-disable-next-line no-misleading-character-class -- U+034F (combining grapheme joiner) is listed alone on purpose
const INVISIBLE = /^[\s\p{Cf}\p{Cc}\u115F\u1160\u3164\uFFA0\u2800\u034F\u180E]+$/u;
// eslint-disable-next-line no-misleading-character-class -- as above
const EDGE_INVISIBLE = /^[\s\p{Cf}\u115F\u1160\u3164\uFFA0\u2800\u034F\u180E]+|[\s\p{Cf}\u115F\u1160\u3164\uFFA0\u2800\u034F\u180E]+$/gu;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `text` cannot be stored or shown, or null when it can. */
export function unstorableReason(text: string): string | null {
  const match = UNSTORABLE.exec(text);
  if (!match) return null;
  const char = match[0];
  const what = char === '\u0000' ? 'a NUL character' : /[\uD800-\uDFFF]/.test(char) ? 'an unpaired surrogate' : 'a control character';
  return `contains ${what} (${codePoint(char)}) at position ${match.index + 1}, which cannot be stored or shown`;
}

const MAX_DEPTH = 32;

/**
 * Walks a raw argument or payload (before any transformation) and returns the path and reason of
 * every string that cannot be stored or shown; object keys are checked as well as values.
 */
export function unstorableStrings(value: unknown, path: string, found: { path: string; reason: string }[] = [], depth = 0): { path: string; reason: string }[] {
  if (depth > MAX_DEPTH || found.length >= 20) return found;
  if (typeof value === 'string') {
    const reason = unstorableReason(value);
    if (reason) found.push({ path: path || 'value', reason });
  } else if (Array.isArray(value)) {
    // Items are reported by their list's path, as class-validator reports `each` rules.
    for (const item of value) unstorableStrings(item, path, found, depth + 1);
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date) && !ArrayBuffer.isView(value)) {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const keyPath = path ? `${path}.${key}` : key;
      const keyReason = unstorableReason(key);
      if (keyReason) found.push({ path: keyPath, reason: `name ${keyReason}` });
      else unstorableStrings(item, keyPath, found, depth + 1);
    }
  }
  return found;
}

/** Trimmed of spaces and invisible characters at both ends, and in Unicode normal form C. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(EDGE_INVISIBLE, '');
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** How many characters a reader sees: grapheme clusters, not counting invisible ones. */
export function visibleLength(text: string): number {
  let length = 0;
  for (const { segment } of graphemes.segment(text)) if (!INVISIBLE.test(segment)) length += 1;
  return length;
}

export function hasLineBreak(text: string): boolean {
  return LINE_BREAK.test(text);
}

/** No line breaks or tabs: for text shown on one line (emails, search terms, tags). */
export function SingleLine(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'singleLine',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: (args: ValidationArguments) => `${args.property} must be one line: no line breaks or tabs`, ...options },
      validator: {
        validate: (value: unknown) => (Array.isArray(value) ? value : [value]).every((item) => typeof item !== 'string' || !hasLineBreak(item)),
      },
    });
}

export interface VisibleTextOptions {
  /** Fewest visible characters (after trimming), at least 1. */
  min: number;
  /** Most characters stored (UTF-16 code units, so never more than the column holds). */
  max: number;
  /** Names and titles are one line; set false for multi-line text. */
  singleLine?: boolean;
}

/** Why `value` is not a valid name or title (already normalised), or null when it is. */
export function visibleTextError(value: unknown, property: string, { min, max, singleLine = true }: VisibleTextOptions): string | null {
  if (typeof value !== 'string') return `${property} must be text`;
  if (singleLine && hasLineBreak(value)) return `${property} must be one line: no line breaks or tabs`;
  if (value.length > max) return `${property} must be at most ${max} characters`;
  if (visibleLength(value) < min) return `${property} must have at least ${min} visible character${min === 1 ? '' : 's'} (spaces and invisible characters do not count)`;
  return null;
}

/**
 * Names and titles: trimmed (spaces and invisible characters at both ends) and NFC-normalised before
 * validation, then at least `min` visible characters (zero-width and other invisible characters do
 * not count), at most `max` characters, and (by default) one line. Also validates that it is a string.
 */
export function VisibleText(options: VisibleTextOptions): PropertyDecorator {
  const transform = Transform(({ value }) => (typeof value === 'string' ? normaliseText(value) : value));
  return (target, propertyName) => {
    transform(target, propertyName);
    registerDecorator({
      name: 'visibleText',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: (args: ValidationArguments) => visibleTextError(args.value, args.property, options) ?? `${args.property} is not valid` },
      validator: { validate: (value: unknown, args?: ValidationArguments) => visibleTextError(value, args?.property ?? '', options) === null },
    });
  };
}

/** The same rules for a lone string argument (`@Args('title', …, new VisibleTextPipe({ … }))`); returns it normalised. */
export class VisibleTextPipe implements PipeTransform<unknown, string> {
  constructor(private readonly options: VisibleTextOptions) {}

  transform(value: unknown, metadata: ArgumentMetadata): string {
    const name = metadata.data ?? 'value';
    const text = typeof value === 'string' ? normaliseText(value) : value;
    const error = visibleTextError(text, name, this.options);
    if (error) throw DomainException.badInput(`Invalid input: ${error}.`, [name]);
    return text as string;
  }
}
