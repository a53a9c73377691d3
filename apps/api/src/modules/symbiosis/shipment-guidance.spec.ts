import { shipmentGuidance } from './shipment-guidance.js';

const at = new Date('2026-12-01T12:00:00Z');

describe('shipmentGuidance', () => {
  it('says nothing within one country', () => {
    expect(shipmentGuidance('IT', 'IT', '040222', at)).toBeNull();
  });

  it('calls hazardous waste from Italy to Tunisia, Jordan or Palestine prohibited, with sources and a check flag', () => {
    for (const to of ['TN', 'JO', 'PS']) {
      const g = shipmentGuidance('IT', to, '040216', at)!;
      expect(g).toMatchObject({ outcome: 'PROHIBITED', hazardous: true, checkRequired: true, ruleId: 'EU_HAZARDOUS_TO_NON_OECD_2024' });
      expect(g.sources.map((s) => s.url)).toContain('https://eur-lex.europa.eu/eli/reg/2024/1157/oj');
    }
    // Before 21 May 2026 the same answer came from Regulation 1013/2006.
    expect(shipmentGuidance('IT', 'TN', '040216', new Date('2025-01-01'))!.ruleId).toBe('EU_HAZARDOUS_TO_NON_OECD_1013');
  });

  it('leaves green-listed waste to non-OECD countries to the destination regime, then to the Commission list from 21 May 2027', () => {
    expect(shipmentGuidance('IT', 'TN', '040222', at)).toMatchObject({ outcome: 'DESTINATION_REGIME_DECIDES', list: 'GREEN', greenListEntry: 'B3030' });
    expect(shipmentGuidance('IT', 'TN', '040222', new Date('2027-06-01'))!.outcome).toBe('ONLY_TO_LISTED_COUNTRIES');
  });

  it('uses general information for green-listed waste within the EU and notification for amber or hazardous', () => {
    expect(shipmentGuidance('IT', 'GR', '191208', at)!.outcome).toBe('GENERAL_INFORMATION');
    expect(shipmentGuidance('IT', 'GR', '150106', at)!.outcome).toBe('PRIOR_NOTIFICATION_AND_CONSENT');
    expect(shipmentGuidance('GR', 'IT', '200135', at)!.outcome).toBe('PRIOR_NOTIFICATION_AND_CONSENT');
  });

  it('treats imports into the EU and trade between non-EU countries by their own rules', () => {
    expect(shipmentGuidance('TN', 'IT', '040108', at)!.outcome).toBe('PRIOR_NOTIFICATION_AND_CONSENT');
    expect(shipmentGuidance('TN', 'JO', '040108', at)!.outcome).toBe('NATIONAL_RULES');
    expect(shipmentGuidance('JO', 'PS', '200135', at)!.ruleId).toBe('NON_EU_HAZARDOUS_BASEL');
  });

  it('treats a missing code as amber, so classifying the lot is the first check', () => {
    expect(shipmentGuidance('IT', 'GR', null, at)).toMatchObject({ list: 'AMBER', outcome: 'PRIOR_NOTIFICATION_AND_CONSENT' });
  });
});
