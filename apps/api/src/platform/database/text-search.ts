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

/** SQL for the document, with `$cfg`, `$title` and `$body` as placeholders for parameters. */
export function searchDocumentSql(cfg: string, title: string, body: string): string {
  return `setweight(to_tsvector(${cfg}::regconfig, ${title}), 'A') || setweight(to_tsvector(${cfg}::regconfig, ${body}), 'B') || to_tsvector('simple', ${title} || ' ' || ${body})`;
}

/** SQL for the query of a term (`param` is its placeholder). */
export function searchQuerySql(param: string): string {
  return `(${[...SEARCH_CONFIGS, 'simple'].map((cfg) => `websearch_to_tsquery('${cfg}', ${param})`).join(' || ')})`;
}
