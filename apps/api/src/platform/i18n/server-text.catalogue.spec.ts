import { CanvasBlock, CciSubsector, ResolveLever, SERVER_TEXT_LANGUAGES, ServerTextCode, ServerTextParamType } from '@app/contracts';
import { parseMessage, placeholders, type MessagePart } from './icu-message.js';
import { BLOCK_LABELS, CATALOGUE, LEVER_LABELS, SUBSECTOR_LABELS } from './server-text.catalogue.js';
import { param, renderServerText, viewerLanguage } from './server-text.js';

function pluralSelectors(parts: MessagePart[], into: string[][] = []): string[][] {
  for (const part of parts) {
    if ('plural' in part) {
      into.push([...part.branches.keys()]);
      for (const branch of part.branches.values()) pluralSelectors(branch, into);
    }
  }
  return into;
}

describe('server text catalogue', () => {
  const codes = Object.values(ServerTextCode);

  it.each(codes)('%s has a text in every language, with the same placeholders and every plural form', (code) => {
    const entry = CATALOGUE[code];
    expect(Object.keys(entry).sort()).toEqual([...SERVER_TEXT_LANGUAGES].sort());
    const english = placeholders(parseMessage(entry.en));
    for (const language of SERVER_TEXT_LANGUAGES) {
      const parts = parseMessage(entry[language]);
      expect({ language, placeholders: [...placeholders(parts)].sort() }).toEqual({ language, placeholders: [...english].sort() });
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const selectors of pluralSelectors(parts)) expect({ language, missing: categories.filter((c) => !selectors.includes(c)) }).toEqual({ language, missing: [] });
      // ICU would read an ASCII apostrophe as an escape; the catalogues use ’.
      expect(entry[language]).not.toContain("'");
    }
  });

  it('labels every lever, subsector and canvas block in every language', () => {
    for (const labels of [...Object.values(ResolveLever).map((l) => LEVER_LABELS[l]), ...Object.values(CciSubsector).map((s) => SUBSECTOR_LABELS[s]), ...Object.values(CanvasBlock).map((b) => BLOCK_LABELS[b])]) {
      expect(Object.keys(labels).sort()).toEqual([...SERVER_TEXT_LANGUAGES].sort());
      for (const language of SERVER_TEXT_LANGUAGES) expect(labels[language].trim()).not.toBe('');
    }
  });

  it('picks the first preferred language it has, else English', () => {
    expect(viewerLanguage(['de', 'fr-FR', 'it'])).toBe('fr');
    expect(viewerLanguage(['ar-TN'])).toBe('ar');
    expect(viewerLanguage(['de'])).toBe('en');
    expect(viewerLanguage([])).toBe('en');
  });

  it('renders parameters in the viewer’s words, with plurals', () => {
    const subsectors = (values: string[]) => ({ code: ServerTextCode.EXPERT_SHARED_SUBSECTORS, params: [param.list('subsectors', ServerTextParamType.CCI_SUBSECTOR, values), param.count('count', values.length)] });
    expect(renderServerText(subsectors(['DESIGN_FASHION']), 'en').text).toBe('Works in a subsector of the challenge: fashion design');
    expect(renderServerText(subsectors(['DESIGN_FASHION', 'MUSIC']), 'it').text).toBe('Opera in 2 settori della sfida: design della moda e musica');
    expect(renderServerText(subsectors(['DESIGN_FASHION', 'MUSIC']), 'ar').text).toBe('تعمل في قطاعين من قطاعات التحدي: تصميم الأزياء والموسيقى');
    expect(renderServerText(subsectors(['DESIGN_FASHION', 'MUSIC', 'PUBLISHING']), 'ar').text).toBe('تعمل في 3 قطاعات من قطاعات التحدي: تصميم الأزياء والموسيقى والنشر');
    expect(renderServerText({ code: ServerTextCode.EXPERT_SPEAKS_LANGUAGE, params: [param.one('language', ServerTextParamType.LANGUAGE, 'it')] }, 'el').text).toBe('Μιλά ιταλικά, τη γλώσσα της πρόκλησης');
    expect(renderServerText({ code: ServerTextCode.EXPERT_OTHER_COUNTRY, params: [param.one('country', ServerTextParamType.COUNTRY, 'TN')] }, 'fr').text).toBe('Établie dans un autre pays : Tunisie');
    expect(renderServerText({ code: ServerTextCode.NOTIFICATION_ANSWER_ON_MY_CHALLENGE, params: [param.text('challengeTitle', 'Wool offcuts')] }, 'el').text).toBe('Νέα απάντηση στην πρόκληση «Wool offcuts»');
  });
});
