import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { ErrorCode } from '@app/contracts';

// The web client's catalogues: every key in all five languages, with the same placeholders, parsable
// as ICU MessageFormat, and the Arabic ones in Arabic.
const SRC = join(process.cwd(), 'apps/web/src');
const LANGS = ['it', 'el', 'fr', 'ar', 'en'] as const;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const files = walk(SRC);
const catalogueDirs = [...new Set(files.filter((f) => /\/i18n\/[a-z]{2}\.json$/.test(f)).map((f) => f.replace(/\/[a-z]{2}\.json$/, '')))];
const load = (dir: string, lang: string): Record<string, string> => JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8')) as Record<string, string>;

interface AstNode {
  type: number;
  value?: string;
  options?: Record<string, { value: AstNode[] }>;
}

/** Argument names a message uses (plural and select branches included), sorted. */
function placeholders(message: string, lang: string): string[] {
  const names = new Set<string>();
  const visit = (nodes: AstNode[]) => {
    for (const node of nodes) {
      // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural (formatjs TYPE)
      if (node.type >= 1 && node.type <= 6 && node.value) names.add(node.value);
      for (const option of Object.values(node.options ?? {})) visit(option.value);
    }
  };
  visit(new IntlMessageFormat(message, lang).getAst() as unknown as AstNode[]);
  return [...names].sort();
}

describe('web client catalogues', () => {
  it('are found (one folder per feature, plus app/ and components/)', () => {
    expect(catalogueDirs.length).toBeGreaterThanOrEqual(8);
  });

  it.each(catalogueDirs.map((d) => [relative(SRC, d)]))('%s: same keys and placeholders in it, el, fr, ar and en', (dir) => {
    const full = join(SRC, dir);
    const english = load(full, 'en');
    for (const lang of LANGS) {
      const catalogue = load(full, lang);
      expect({ lang, keys: Object.keys(catalogue).sort() }).toEqual({ lang, keys: Object.keys(english).sort() });
      for (const [key, message] of Object.entries(catalogue)) {
        expect({ lang, key, placeholders: placeholders(message, lang) }).toEqual({ lang, key, placeholders: placeholders(english[key]!, 'en') });
      }
    }
  });

  it('no key is defined by two features', () => {
    const owner = new Map<string, string>();
    for (const dir of catalogueDirs) {
      for (const key of Object.keys(load(dir, 'en'))) {
        expect({ key, also: owner.get(key) }).toEqual({ key, also: undefined });
        owner.set(key, dir);
      }
    }
  });

  it('every key the code names literally exists', () => {
    const keys = new Set(catalogueDirs.flatMap((d) => Object.keys(load(d, 'en'))));
    const used = files.filter((f) => f.endsWith('.tsx')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\('([a-zA-Z]+\.[\w.]+)'/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('every API error code has a message', () => {
    const common = load(join(SRC, 'components/i18n'), 'en');
    expect(Object.values(ErrorCode).filter((code) => !(`common.errors.${code}` in common))).toEqual([]);
  });

  it('the Arabic interface has no untranslated text', () => {
    const arabicLetter = /[\u0600-\u06FF]/;
    for (const dir of catalogueDirs) {
      const arabic = load(dir, 'ar');
      expect(Object.entries(arabic).filter(([, text]) => !arabicLetter.test(text))).toEqual([]);
      const english = load(dir, 'en');
      // A text identical to the English one is a text nobody translated.
      expect(Object.keys(arabic).filter((k) => arabic[k] === english[k])).toEqual([]);
    }
  });
});
