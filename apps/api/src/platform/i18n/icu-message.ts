/**
 * The subset of ICU MessageFormat the hub's catalogues use: `{name}` placeholders and
 * `{count, plural, =0 {…} one {…} few {…} other {…}}` with `#` for the number inside a branch.
 * Written here (a few dozen lines) rather than taken as a dependency; the catalogue spec parses every
 * entry with it, so a catalogue cannot hold what it does not understand. `'` is an ordinary character.
 */
export type MessagePart = { text: string } | { arg: string } | { plural: string; branches: Map<string, MessagePart[]> };

export function parseMessage(source: string): MessagePart[] {
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${at} in "${source}"`);
  };
  const parseParts = (inPlural: boolean): MessagePart[] => {
    const parts: MessagePart[] = [];
    let text = '';
    const flush = () => {
      if (text) parts.push({ text });
      text = '';
    };
    while (at < source.length) {
      const char = source[at]!;
      if (char === '}') break;
      if (char === '#' && inPlural) {
        flush();
        parts.push({ arg: '#' });
        at += 1;
      } else if (char === '{') {
        flush();
        at += 1;
        parts.push(parseArgument());
      } else {
        text += char;
        at += 1;
      }
    }
    flush();
    return parts;
  };
  const word = (): string => {
    const match = /^\s*([=\w]+)\s*/.exec(source.slice(at));
    if (!match) fail('expected a name');
    at += match![0].length;
    return match![1]!;
  };
  const expect = (char: string) => {
    if (source[at] !== char) fail(`expected "${char}"`);
    at += 1;
  };
  const parseArgument = (): MessagePart => {
    const name = word();
    if (source[at] === '}') {
      at += 1;
      return { arg: name };
    }
    expect(',');
    if (word() !== 'plural') fail('only plural arguments are supported');
    expect(',');
    const branches = new Map<string, MessagePart[]>();
    for (;;) {
      const selector = word();
      expect('{');
      branches.set(selector, parseParts(true));
      expect('}');
      while (source[at] === ' ') at += 1;
      if (source[at] === '}') break;
    }
    expect('}');
    if (!branches.has('other')) fail('a plural needs an "other" branch');
    return { plural: name, branches };
  };
  const parts = parseParts(false);
  if (at !== source.length) fail('unbalanced "}"');
  return parts;
}

/** Placeholder names a message uses (plural arguments included, `#` not). */
export function placeholders(parts: MessagePart[], into = new Set<string>()): Set<string> {
  for (const part of parts) {
    if ('arg' in part && part.arg !== '#') into.add(part.arg);
    if ('plural' in part) {
      into.add(part.plural);
      for (const branch of part.branches.values()) placeholders(branch, into);
    }
  }
  return into;
}

/** Renders parsed parts; `values` are already worded for the language, `numbers` feed plurals. */
export function formatMessage(parts: MessagePart[], language: string, values: Record<string, string>, numbers: Record<string, number>, hash?: number): string {
  const rules = new Intl.PluralRules(language);
  const number = new Intl.NumberFormat(language);
  return parts
    .map((part) => {
      if ('text' in part) return part.text;
      if ('arg' in part) return part.arg === '#' ? number.format(hash ?? 0) : (values[part.arg] ?? '');
      const n = numbers[part.plural] ?? 0;
      const branch = part.branches.get(`=${n}`) ?? part.branches.get(rules.select(n)) ?? part.branches.get('other')!;
      return formatMessage(branch, language, values, numbers, n);
    })
    .join('');
}
