import { ServerTextCode } from '@app/contracts';
import { renderServerText } from '@api/platform/i18n/server-text.js';
import { rankExperts, type ExpertCandidate } from './expert-ranking.js';

const challenge = { organisationId: 'poster', country: 'IT', levers: ['LOOP', 'REGENERATE'], subsectors: ['DESIGN_FASHION'], materials: ['wool'], language: 'it-IT' };
const candidate = (id: string, overrides: Partial<ExpertCandidate>): ExpertCandidate => ({ organisationId: id, country: 'IT', subsectors: [], levers: [], materials: [], languages: [], ...overrides });

describe('rankExperts', () => {
  it('ranks by shared levers, materials, subsectors and language, preferring other countries, with reasons', () => {
    const ranked = rankExperts(challenge, [
      candidate('same-country', { levers: ['LOOP'], languages: ['it'] }),
      candidate('abroad', { levers: ['LOOP'], languages: ['it'], country: 'GR' }),
      candidate('materials', { materials: ['Wool'], subsectors: ['DESIGN_FASHION'], country: 'TN', languages: ['it'] }),
      candidate('unrelated', { languages: ['it'], country: 'JO' }),
      candidate('poster', { levers: ['LOOP', 'REGENERATE'] }),
    ]);
    expect(ranked.map((r) => r.organisationId)).toEqual(['materials', 'abroad', 'same-country']);
    expect(ranked[1]).toMatchObject({ organisationId: 'abroad', score: 3 + 2 + 1 });
    expect(ranked[1]!.reasons).toEqual([
      { code: ServerTextCode.EXPERT_SHARED_LEVERS, params: [{ name: 'levers', type: 'RESOLVE_LEVER', values: ['LOOP'] }, { name: 'count', type: 'COUNT', values: ['1'] }] },
      { code: ServerTextCode.EXPERT_SPEAKS_LANGUAGE, params: [{ name: 'language', type: 'LANGUAGE', values: ['it'] }] },
      { code: ServerTextCode.EXPERT_OTHER_COUNTRY, params: [{ name: 'country', type: 'COUNTRY', values: ['GR'] }] },
    ]);
    expect(ranked[1]!.reasons.map((reason) => renderServerText(reason, 'en').text)).toEqual([
      'Has answered with a lever of the challenge: Loop',
      'Speaks Italian, the language of the challenge',
      'Based in another country: Greece',
    ]);
    expect(ranked[0]!.reasons.map((reason) => renderServerText(reason, 'ar').text)).toEqual([
      'عملت على مادة واحدة من مواد التحدي: wool',
      'تعمل في قطاع واحد من قطاعات التحدي: تصميم الأزياء',
      'تتحدث الإيطالية، لغة التحدي',
      'مقرها في بلد آخر: تونس',
    ]);
  });
});
