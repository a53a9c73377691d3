/**
 * Full-text search across the hub's languages. A challenge's text is indexed with the configuration
 * of its language (stemming: "rigenerati" finds "rigenerare") plus `simple` (exact words, any script).
 * A search term is parsed with every configuration and the results OR'ed, so the searcher need not say
 * which language they typed in; the tsquery stays a constant and the GIN index serves it.
 */
export const SEARCH_CONFIGS = ['italian', 'greek', 'french', 'arabic', 'english'] as const;

const BY_LANGUAGE: Record<string, (typeof SEARCH_CONFIGS)[number]> = { it: 'italian', el: 'greek', fr: 'french', ar: 'arabic', en: 'english' };

/** The regconfig for a BCP 47 tag (`ar-TN` → arabic); `simple` for languages without a stemmer. */
export function searchConfigFor(language: string): string {
  return BY_LANGUAGE[language.split('-')[0]!.toLowerCase()] ?? 'simple';
}

/**
 * Folding that makes spellings people use interchangeably meet: Latin and Greek letters lose their
 * accents (upper case folds to lower here too, whatever the database's locale), Arabic alef forms
 * become bare alef, taa marbuta becomes haa, alef maqsura becomes yaa. Plain SQL (`translate`,
 * `regexp_replace`), so it runs the same on PostgreSQL and on the embedded PGlite with no extension
 * (`unaccent` would need one on both). Only the typo fallback (`typoMatchSql`) uses `pg_trgm`.
 */
const FOLD: Record<string, string> = {
  a: 'àáâãäåāÀÁÂÃÄÅĀ',
  c: 'çÇ',
  e: 'èéêëēÈÉÊËĒ',
  i: 'ìíîïīÌÍÎÏĪ',
  n: 'ñÑ',
  o: 'òóôõöøōÒÓÔÕÖØŌ',
  u: 'ùúûüūÙÚÛÜŪ',
  y: 'ýÿÝ',
  α: 'άΆΑ',
  β: 'Β',
  γ: 'Γ',
  δ: 'Δ',
  ε: 'έΈΕ',
  ζ: 'Ζ',
  η: 'ήΉΗ',
  θ: 'Θ',
  ι: 'ίϊΐΊΪΙ',
  κ: 'Κ',
  λ: 'Λ',
  μ: 'Μ',
  ν: 'Ν',
  ξ: 'Ξ',
  ο: 'όΌΟ',
  π: 'Π',
  ρ: 'Ρ',
  σ: 'ςΣ',
  τ: 'Τ',
  υ: 'ύϋΰΎΫΥ',
  φ: 'Φ',
  χ: 'Χ',
  ψ: 'Ψ',
  ω: 'ώΏΩ',
  ا: 'أإآٱ',
  ه: 'ة',
  ي: 'ى',
};
const FOLD_FROM = Object.values(FOLD).join('');
const FOLD_TO = Object.entries(FOLD)
  .map(([to, from]) => to.repeat([...from].length))
  .join('');
/** Arabic short vowels and other marks (tashkeel), the superscript alef and the tatweel: dropped. */
const ARABIC_MARKS = '[\u064B-\u065F\u0670\u0640]';
/** The Arabic article and the prepositions fused with it (و ب ك ف + ال, لل), before a word of 2+ letters. */
const ARABIC_ARTICLE = '(^|\\s)(وال|بال|كال|فال|ال|لل)([^\\s]{2,})';

/** SQL folding a text expression for matching (see `FOLD`): accents, Arabic letter forms, marks and article. */
export function foldSql(text: string): string {
  const marksRemoved = `regexp_replace(translate(lower(${text}), '${FOLD_FROM}', '${FOLD_TO}'), '${ARABIC_MARKS}', '', 'g')`;
  return `regexp_replace(${marksRemoved}, '${ARABIC_ARTICLE}', '\\1\\3', 'g')`;
}

/** The folded words of a text as `simple` lexemes: the part of every search document that prefixes and folded spellings match. */
export function foldedDocumentSql(text: string): string {
  return `to_tsvector('simple', ${foldSql(text)})`;
}

/** A term using web-search syntax (quotes, `-word`, `or`): neither prefixes nor typo matches widen it. */
const WEB_SEARCH_SYNTAX = '"|(^|\\s)-|\\sor\\s';

/** SQL for the document, with `$cfg`, `$title` and `$body` as placeholders for parameters. */
export function searchDocumentSql(cfg: string, title: string, body: string): string {
  return `setweight(to_tsvector(${cfg}::regconfig, ${title}), 'A') || setweight(to_tsvector(${cfg}::regconfig, ${body}), 'B') || to_tsvector('simple', ${title} || ' ' || ${body}) || ${foldedDocumentSql(`${title} || ' ' || ${body}`)}`;
}

/**
 * SQL for the query of a term (`param` is its placeholder): the term in every language's stemmer and
 * as plain words (web-search syntax), OR its folded words each as a prefix (`tissu` finds `tissus`,
 * `منسوجات` finds `المنسوجات`, `κεραμικα` finds `Κεραμικά`). The prefix part is left out when the term
 * uses web-search syntax (quotes, `-word`, `or`), whose meaning it would widen.
 */
export function searchQuerySql(param: string): string {
  const prefixes = `(SELECT string_agg(quote_literal(lexeme) || ':*', ' & ') FROM unnest(${foldedDocumentSql(param)}))`;
  const prefixQuery = `CASE WHEN ${param} ~* '${WEB_SEARCH_SYNTAX}' THEN ''::tsquery ELSE COALESCE(to_tsquery('simple', ${prefixes}), ''::tsquery) END`;
  return `(${[...SEARCH_CONFIGS, 'simple'].map((cfg) => `websearch_to_tsquery('${cfg}', ${param})`).join(' || ')} || ${prefixQuery})`;
}

/**
 * How alike a folded term and the most alike stretch of a folded text must be (pg_trgm
 * `word_similarity`, 0–1) for a typo match. Measured on the labelled set: one wrong letter in a
 * 6–8 letter word scores 0.5–0.9 (Arabic and Greek words, shorter in trigrams, at the low end),
 * unrelated words 0–0.3.
 */
export const TYPO_SIMILARITY = 0.5;
/** Folded terms shorter than this get no typo matches: a 3-letter term is alike to too many words. */
const TYPO_MIN_LENGTH = 4;

/**
 * SQL for the similarity of a term (`param`) to a text (`text`), both folded: the trigram fallback for
 * typos ("tessutti" finds "tessuti", "leathr" finds "Leather"). Zero for short terms and for terms with
 * web-search syntax, so a caller can test it against `TYPO_SIMILARITY` and rank by it.
 * Needs `pg_trgm` (created by the TrigramSearch migration; PGlite loads it as a contrib extension).
 */
export function typoSimilaritySql(param: string, text: string): string {
  return `(CASE WHEN length(${foldSql(param)}) < ${TYPO_MIN_LENGTH} OR ${param} ~* '${WEB_SEARCH_SYNTAX}' THEN 0 ELSE word_similarity(${foldSql(param)}, ${foldSql(text)}) END)`;
}
