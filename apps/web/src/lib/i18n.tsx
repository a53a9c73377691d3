import { IntlMessageFormat } from 'intl-messageformat';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/** The interface languages. User content is shown in whatever language it was written in. */
export const LANGUAGES = ['it', 'el', 'fr', 'ar', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const RTL: ReadonlySet<Language> = new Set(['ar']);
/** Each language named in itself, for the switcher (never translated). */
export const LANGUAGE_NAMES: Record<Language, string> = { it: 'Italiano', el: 'Ελληνικά', fr: 'Français', ar: 'العربية', en: 'English' };

export type Catalogue = Record<string, string>;

// Catalogues live beside the code that uses them (features/<f>/i18n/<lang>.json), so a new page adds
// its own files instead of editing a shared one. One language's files load together, on demand.
const files = import.meta.glob<Catalogue>(['../app/i18n/*.json', '../components/i18n/*.json', '../features/*/i18n/*.json'], { import: 'default' });

export async function loadCatalogue(lang: Language): Promise<Catalogue> {
  const loaders = Object.entries(files).filter(([path]) => path.endsWith(`/${lang}.json`));
  const parts = await Promise.all(loaders.map(([, load]) => load()));
  return Object.assign({}, ...parts) as Catalogue;
}

export function isLanguage(value: string | null | undefined): value is Language {
  return !!value && (LANGUAGES as readonly string[]).includes(value);
}

/** The first of the user's languages the interface speaks, else the browser's, else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface I18n {
  lang: Language;
  dir: 'rtl' | 'ltr';
  timeZone: string;
  t: Translate;
  setLanguage(lang: Language): void;
  setTimeZone(timeZone: string): void;
  formatDateTime(iso: string): string;
  formatDate(iso: string): string;
  formatNumber(value: number): string;
}

const I18nContext = createContext<I18n | null>(null);
const STORED_LANG = 'innomed.lang';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORED_LANG);
  if (isLanguage(stored)) return stored;
  return pickLanguage(navigator.languages);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Language>(initialLanguage);
  const [timeZone, setTimeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [catalogue, setCatalogue] = useState<{ lang: Language; messages: Catalogue } | null>(null);

  useEffect(() => {
    let live = true;
    void loadCatalogue(lang).then((messages) => {
      if (live) setCatalogue({ lang, messages });
    });
    document.documentElement.lang = lang;
    document.documentElement.dir = RTL.has(lang) ? 'rtl' : 'ltr';
    localStorage.setItem(STORED_LANG, lang);
    return () => {
      live = false;
    };
  }, [lang]);

  const setLanguage = useCallback((next: Language) => setLang(next), []);

  const value = useMemo<I18n | null>(() => {
    if (!catalogue) return null;
    const cache = new Map<string, IntlMessageFormat>();
    const t: Translate = (key, values) => {
      const source = catalogue.messages[key];
      if (source === undefined) return key;
      let format = cache.get(key);
      if (!format) {
        format = new IntlMessageFormat(source, catalogue.lang);
        cache.set(key, format);
      }
      return String(format.format(values as Record<string, string | number>));
    };
    const dateTime = new Intl.DateTimeFormat(catalogue.lang, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    const date = new Intl.DateTimeFormat(catalogue.lang, { dateStyle: 'medium', timeZone });
    const number = new Intl.NumberFormat(catalogue.lang);
    return {
      lang: catalogue.lang,
      dir: RTL.has(catalogue.lang) ? 'rtl' : 'ltr',
      timeZone,
      t,
      setLanguage,
      setTimeZone,
      formatDateTime: (iso) => dateTime.format(new Date(iso)),
      formatDate: (iso) => date.format(new Date(iso)),
      formatNumber: (n) => number.format(n),
    };
  }, [catalogue, timeZone, setLanguage]);

  // Nothing renders before the catalogue: never a flash of keys or of the wrong language.
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
