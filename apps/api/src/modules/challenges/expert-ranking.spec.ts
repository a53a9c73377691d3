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
    expect(ranked[1]).toEqual({
      organisationId: 'abroad',
      score: 3 + 2 + 1,
      reasons: ['Has answered with the levers LOOP', 'Speaks the challenge’s language (it)', 'Based in another country (GR)'],
    });
  });
});
