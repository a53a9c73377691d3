import type { ValidationError } from 'class-validator';

/**
 * class-validator's default messages speak of the library ("must be a Date instance", "must match
 * /…/ regular expression", "ISO31661 Alpha2"). Clients show our messages to people, so the defaults
 * are said again in user words here, once for every input; messages a validator sets itself are kept.
 * Each rule rewrites the default wording after its `$property` (class-validator's `each value in `
 * prefix is kept as "each value of").
 */
const REWRITES: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^must be a Date instance$/, () => 'must be a date and time such as 2027-03-01T10:00:00Z'],
  [/^must be a UUID$/, () => 'must be an id given out by this server (a UUID)'],
  [/^must be a valid ISO31661 Alpha2 code$/, () => 'must be a two-letter country code such as IT, GR, FR, TN or EG'],
  [/^must be base64 encoded$/, () => 'must be a cursor given out by this server (`pageInfo.endCursor`)'],
  [/^must match .* regular expression$/s, () => 'is not in the form the schema describes for it'],
  [/^must be an integer number$/, () => 'must be a whole number'],
  [/^must be a number conforming to the specified constraints$/, () => 'must be a number'],
  [/^must be a string$/, () => 'must be text'],
  [/^must be a boolean value$/, () => 'must be true or false'],
  [/^must be an array$/, () => 'must be a list'],
  [/^must be an email$/, () => 'must be an email address such as name@example.org'],
  [/^must be a URL address$/, () => 'must be a web address such as https://example.org'],
  [/^must not be less than (-?[\d.]+)$/, (m) => `must be at least ${m[1]}`],
  [/^must not be greater than (-?[\d.]+)$/, (m) => `must be at most ${m[1]}`],
  [/^must be longer than or equal to (\d+) and shorter than or equal to (\d+) characters$/, (m) => `must be ${m[1]} to ${m[2]} characters long`],
  [/^must be longer than or equal to (\d+) characters$/, (m) => `must be at least ${m[1]} characters long`],
  [/^must be shorter than or equal to (\d+) characters$/, (m) => `must be at most ${m[1]} characters long`],
  [/^must contain at least (\d+) elements$/, (m) => `needs at least ${m[1]} value${m[1] === '1' ? '' : 's'}`],
  [/^must contain no more than (\d+) elements$/, (m) => `takes at most ${m[1]} value${m[1] === '1' ? '' : 's'}`],
  [/^must be one of the following values: (.*)$/s, (m) => `must be one of ${m[1]}`],
  [/^should not be empty$/, () => 'must not be empty'],
];

/** A class-validator message in user words: "deadline must be a date and time such as …". */
export function userWords(message: string): string {
  const whitelist = message.match(/^property (\S+) should not exist$/);
  if (whitelist) return `${whitelist[1]} is not a field of this input`;
  const nested = message.match(/^nested property (\S+) must be either object or array$/);
  if (nested) return `${nested[1]} must be an object with the fields the schema lists`;
  const each = message.match(/^each value in (\S+) (.*)$/s);
  const [subject, rest] = each ? [`each value of ${each[1]}`, each[2]!] : splitSubject(message);
  for (const [pattern, say] of REWRITES) {
    const match = rest.match(pattern);
    if (match) return `${subject} ${say(match)}`;
  }
  return message;
}

function splitSubject(message: string): [string, string] {
  const space = message.indexOf(' ');
  return space < 0 ? [message, ''] : [message.slice(0, space), message.slice(space + 1)];
}

/** The first rule broken, deepest first (a nested input names the inner field), in user words. */
export function firstViolation(errors: ValidationError[]): string | undefined {
  for (const error of errors) {
    const message = error.constraints ? Object.values(error.constraints)[0] : undefined;
    if (message) return userWords(message);
    const inner = firstViolation(error.children ?? []);
    if (inner) return inner;
  }
  return undefined;
}
