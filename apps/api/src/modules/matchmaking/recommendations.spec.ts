import { OpportunityDirection, OpportunityType } from '@app/contracts';
import { recommend, type ProfileForMatching } from './recommendations.js';

const profile = (participantId: string, country: string, languages: string[], opportunities: ProfileForMatching['opportunities']): ProfileForMatching => ({ participantId, country, languages, opportunities });
const opp = (direction: OpportunityDirection, type: OpportunityType, title: string, subsectors: string[] = [], levers: string[] = []) => ({ direction, type, title, subsectors, levers });

describe('recommend', () => {
  const me = profile('me', 'IT', ['it', 'fr'], [opp(OpportunityDirection.REQUEST, OpportunityType.MATERIAL_EXCHANGE, 'Wool offcuts', ['DESIGN_FASHION'], ['LOOP']), opp(OpportunityDirection.OFFER, OpportunityType.EXPERTISE, 'Regeneration know-how', ['DESIGN_FASHION'])]);

  it('ranks an answering offer abroad first, with its reasons', () => {
    const tunis = profile('tunis', 'TN', ['ar', 'fr-TN'], [opp(OpportunityDirection.OFFER, OpportunityType.MATERIAL_EXCHANGE, 'Denim offcuts', ['DESIGN_FASHION'], ['LOOP'])]);
    const prato = profile('prato', 'IT', ['it'], [opp(OpportunityDirection.OFFER, OpportunityType.MATERIAL_EXCHANGE, 'Cotton scraps', ['DESIGN_FASHION'])]);
    const athens = profile('athens', 'GR', ['el', 'en'], [opp(OpportunityDirection.REQUEST, OpportunityType.EXPERTISE, 'Help with regeneration')]);
    const unrelated = profile('x', 'JO', ['ar'], [opp(OpportunityDirection.OFFER, OpportunityType.FUNDING, 'Grants', ['MUSIC'])]);
    const result = recommend(me, [tunis, prato, athens, unrelated, me]);
    expect(result.map((r) => r.participantId)).toEqual(['tunis', 'prato', 'athens']);
    expect(result[0]).toEqual({
      participantId: 'tunis',
      score: 5 + 1 + 1 + 2 + 2,
      reasons: ['Their offer “Denim offcuts” answers your request “Wool offcuts”', 'Shared subsectors: DESIGN_FASHION', 'Shared ReSOLVE levers: LOOP', 'Common language: fr', 'Cross-border: IT ↔ TN'],
    });
    expect(result[2]!.reasons[0]).toBe('Your offer “Regeneration know-how” answers their request “Help with regeneration”');
  });

  it('is stable and respects the limit', () => {
    const many = Array.from({ length: 30 }, (_, i) => profile(`p${String(i).padStart(2, '0')}`, 'TN', [], [opp(OpportunityDirection.OFFER, OpportunityType.MATERIAL_EXCHANGE, 't')]));
    const result = recommend(me, many, 5);
    expect(result.map((r) => r.participantId)).toEqual(['p00', 'p01', 'p02', 'p03', 'p04']);
  });
});
