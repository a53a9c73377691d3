import { franc } from 'franc-min';

/**
 * ISO 639-3 (what the detector answers) to ISO 639-1 (what clients and the text-search configurations
 * use), for the languages of the Mediterranean partners and their usual lingua francas.
 */
const TO_639_1: Record<string, string> = {
  ita: 'it', fra: 'fr', ell: 'el', arb: 'ar', ary: 'ar', arz: 'ar', eng: 'en', spa: 'es', cat: 'ca', por: 'pt',
  deu: 'de', tur: 'tr', hrv: 'hr', srp: 'sr', bos: 'bs', slv: 'sl', sqi: 'sq', als: 'sq', mlt: 'mt', heb: 'he',
  nld: 'nl', ron: 'ro', bul: 'bg', rus: 'ru', ukr: 'uk', pol: 'pl',
};

/** Below this many letters a guess is mostly noise ("ok", "👍", "grazie!"), so none is made. */
const MIN_LETTERS = 12;

/**
 * The language of a chat message, detected offline, or null when the text is too short or the language
 * is not one we map. Code, links and mentions are left out first: they are not in any language.
 */
export function detectLanguage(markdown: string): string | null {
  const prose = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/@\S+/g, ' ');
  if ((prose.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return null;
  return TO_639_1[franc(prose, { minLength: MIN_LETTERS })] ?? null;
}
