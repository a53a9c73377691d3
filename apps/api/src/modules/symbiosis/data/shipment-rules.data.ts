/**
 * Cross-border shipment rules for waste, as dated data. The hub gives guidance in general terms with
 * the source of each rule and always says a check is required: it never gives a legal verdict.
 * The evaluator (shipment-guidance.ts) picks the first rule, in this order, whose conditions hold on
 * the date of the question; the rules are never code branches.
 *
 * Sources:
 * - Regulation (EC) No 1013/2006 on shipments of waste (applied until 20 May 2026):
 *   https://eur-lex.europa.eu/eli/reg/2006/1013/oj
 * - Regulation (EU) 2024/1157 on shipments of waste (applies from 21 May 2026; its restriction of
 *   green-listed exports to non-OECD countries to those the Commission lists applies from 21 May 2027):
 *   https://eur-lex.europa.eu/eli/reg/2024/1157/oj
 * - Commission Regulation (EC) No 1418/2007 on the export of green-listed waste to non-OECD countries
 *   (each country's declared regime): https://eur-lex.europa.eu/eli/reg/2007/1418/oj
 * - Basel Convention and its Ban Amendment (in force since 5 December 2019):
 *   https://www.basel.int/TheConvention/Overview/TextoftheConvention/tabid/1275/Default.aspx
 * - OECD Decision C(2001)107/FINAL on the control of transboundary movements of wastes destined for
 *   recovery operations: https://legalinstruments.oecd.org/en/instruments/OECD-LEGAL-0266
 */

/** EU member states (ISO 3166-1 alpha-2; Greece is GR here, EL in EU usage). */
export const EU_COUNTRIES = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'];

/** OECD members (38). */
export const OECD_COUNTRIES = [
  'AU', 'AT', 'BE', 'CA', 'CL', 'CO', 'CR', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IS', 'IE', 'IL', 'IT', 'JP', 'KR', 'LV', 'LT', 'LU', 'MX', 'NL', 'NZ', 'NO', 'PL', 'PT', 'SK', 'SI', 'ES', 'SE', 'CH', 'TR', 'GB', 'US',
];

export type CountryGroup = 'EU' | 'OECD_NON_EU' | 'NON_OECD';

export function countryGroup(country: string): CountryGroup {
  if (EU_COUNTRIES.includes(country)) return 'EU';
  if (OECD_COUNTRIES.includes(country)) return 'OECD_NON_EU';
  return 'NON_OECD';
}

/** GREEN: a clean non-hazardous lot of a green-listed entry; AMBER: hazardous or not green-listed. */
export type WasteList = 'GREEN' | 'AMBER';

export type ShipmentOutcome =
  | 'PROHIBITED'
  | 'PRIOR_NOTIFICATION_AND_CONSENT'
  | 'GENERAL_INFORMATION'
  | 'DESTINATION_REGIME_DECIDES'
  | 'ONLY_TO_LISTED_COUNTRIES'
  | 'NATIONAL_RULES';

export interface RuleSource {
  title: string;
  url: string;
}

export interface ShipmentRule {
  id: string;
  /** First day the rule applies (ISO date), inclusive. */
  validFrom: string;
  /** Last day it applies (ISO date), inclusive; null while in force. */
  validUntil: string | null;
  when: { from: CountryGroup[]; to: CountryGroup[]; hazardous?: boolean; list?: WasteList };
  outcome: ShipmentOutcome;
  summary: string;
  sources: RuleSource[];
}

const REG_1013 = { title: 'Regulation (EC) No 1013/2006 on shipments of waste', url: 'https://eur-lex.europa.eu/eli/reg/2006/1013/oj' };
const REG_2024 = { title: 'Regulation (EU) 2024/1157 on shipments of waste', url: 'https://eur-lex.europa.eu/eli/reg/2024/1157/oj' };
const REG_1418 = { title: 'Commission Regulation (EC) No 1418/2007 (green-listed waste to non-OECD countries)', url: 'https://eur-lex.europa.eu/eli/reg/2007/1418/oj' };
const BASEL = { title: 'Basel Convention on the Control of Transboundary Movements of Hazardous Wastes and their Disposal', url: 'https://www.basel.int/TheConvention/Overview/TextoftheConvention/tabid/1275/Default.aspx' };
const BASEL_BAN = { title: 'Basel Convention Ban Amendment', url: 'https://www.basel.int/Implementation/LegalMatters/BanAmendment/Overview/tabid/1484/Default.aspx' };
const OECD = { title: 'OECD Decision C(2001)107/FINAL on transboundary movements of wastes destined for recovery', url: 'https://legalinstruments.oecd.org/en/instruments/OECD-LEGAL-0266' };

export const SHIPMENT_RULES: ShipmentRule[] = [
  // Hazardous waste out of the EU to non-OECD countries: the export ban, under both regulations.
  {
    id: 'EU_HAZARDOUS_TO_NON_OECD_1013',
    validFrom: '2007-07-12',
    validUntil: '2026-05-20',
    when: { from: ['EU'], to: ['NON_OECD'], hazardous: true },
    outcome: 'PROHIBITED',
    summary: 'Exports of hazardous waste from the EU to countries outside the OECD are prohibited (export ban implementing the Basel Ban Amendment).',
    sources: [REG_1013, BASEL_BAN],
  },
  {
    id: 'EU_HAZARDOUS_TO_NON_OECD_2024',
    validFrom: '2026-05-21',
    validUntil: null,
    when: { from: ['EU'], to: ['NON_OECD'], hazardous: true },
    outcome: 'PROHIBITED',
    summary: 'Exports of hazardous waste from the EU to countries outside the OECD are prohibited (export ban implementing the Basel Ban Amendment).',
    sources: [REG_2024, BASEL_BAN],
  },
  // Green-listed waste out of the EU to non-OECD countries.
  {
    id: 'EU_GREEN_TO_NON_OECD_REGIME_1013',
    validFrom: '2007-07-12',
    validUntil: '2026-05-20',
    when: { from: ['EU'], to: ['NON_OECD'], hazardous: false, list: 'GREEN' },
    outcome: 'DESTINATION_REGIME_DECIDES',
    summary: 'Non-hazardous green-listed waste for recovery may go to a non-OECD country only under the regime that country declared (prohibited, prior notification and consent, or no control), as listed by the Commission.',
    sources: [REG_1013, REG_1418],
  },
  {
    id: 'EU_GREEN_TO_NON_OECD_REGIME_2024_TRANSITION',
    validFrom: '2026-05-21',
    validUntil: '2027-05-20',
    when: { from: ['EU'], to: ['NON_OECD'], hazardous: false, list: 'GREEN' },
    outcome: 'DESTINATION_REGIME_DECIDES',
    summary: 'Until 20 May 2027 the regimes non-OECD countries declared for green-listed waste still decide; from 21 May 2027 such exports are allowed only to countries on the list the Commission adopts under Regulation (EU) 2024/1157.',
    sources: [REG_2024, REG_1418],
  },
  {
    id: 'EU_GREEN_TO_NON_OECD_LISTED_2024',
    validFrom: '2027-05-21',
    validUntil: null,
    when: { from: ['EU'], to: ['NON_OECD'], hazardous: false, list: 'GREEN' },
    outcome: 'ONLY_TO_LISTED_COUNTRIES',
    summary: 'Green-listed waste may be exported to a non-OECD country only if the Commission has listed that country as having requested it and shown it can manage it in an environmentally sound way.',
    sources: [REG_2024],
  },
  // Other non-hazardous (amber, not green-listed) waste out of the EU to non-OECD countries.
  {
    id: 'EU_AMBER_TO_NON_OECD',
    validFrom: '2007-07-12',
    validUntil: null,
    when: { from: ['EU'], to: ['NON_OECD'], hazardous: false, list: 'AMBER' },
    outcome: 'DESTINATION_REGIME_DECIDES',
    summary: 'Waste that is not green-listed may go to a non-OECD country for recovery only as that country allows, and then under prior written notification and consent.',
    sources: [REG_1013, REG_2024, REG_1418],
  },
  // Within the EU and with OECD countries.
  {
    id: 'EU_OECD_GREEN_INFORMATION',
    validFrom: '2007-07-12',
    validUntil: null,
    when: { from: ['EU', 'OECD_NON_EU'], to: ['EU', 'OECD_NON_EU'], hazardous: false, list: 'GREEN' },
    outcome: 'GENERAL_INFORMATION',
    summary: 'Green-listed waste for recovery travels with the general information requirements (the Annex VII document and a contract with the recoverer); no prior consent.',
    sources: [REG_1013, REG_2024, OECD],
  },
  {
    id: 'EU_OECD_AMBER_NOTIFICATION',
    validFrom: '2007-07-12',
    validUntil: null,
    when: { from: ['EU', 'OECD_NON_EU'], to: ['EU', 'OECD_NON_EU'] },
    outcome: 'PRIOR_NOTIFICATION_AND_CONSENT',
    summary: 'Hazardous and amber-listed waste, and waste not listed at all, needs prior written notification to and consent of the competent authorities of dispatch, transit and destination.',
    sources: [REG_1013, REG_2024, OECD],
  },
  // Into the EU from non-OECD countries.
  {
    id: 'NON_OECD_TO_EU_HAZARDOUS_OR_AMBER',
    validFrom: '2007-07-12',
    validUntil: null,
    when: { from: ['NON_OECD'], to: ['EU'] },
    outcome: 'PRIOR_NOTIFICATION_AND_CONSENT',
    summary: 'Imports into the EU of waste for recovery from a country outside the OECD that is party to the Basel Convention go through prior written notification and consent; the exporting country’s own rules apply as well.',
    sources: [REG_1013, REG_2024, BASEL],
  },
  // Between countries outside the EU.
  {
    id: 'NON_EU_HAZARDOUS_BASEL',
    validFrom: '1992-05-05',
    validUntil: null,
    when: { from: ['NON_OECD', 'OECD_NON_EU'], to: ['NON_OECD', 'OECD_NON_EU'], hazardous: true },
    outcome: 'PRIOR_NOTIFICATION_AND_CONSENT',
    summary: 'Between Basel Convention parties, hazardous waste moves only with the prior informed consent of the importing and transit states; national laws may ban imports altogether.',
    sources: [BASEL],
  },
  {
    id: 'NON_EU_NATIONAL',
    validFrom: '1992-05-05',
    validUntil: null,
    when: { from: ['NON_OECD', 'OECD_NON_EU'], to: ['NON_OECD', 'OECD_NON_EU'] },
    outcome: 'NATIONAL_RULES',
    summary: 'No EU rule applies; the national waste and customs laws of both countries decide, and the Basel Convention controls the wastes it covers.',
    sources: [BASEL],
  },
];

export const GUIDANCE_DISCLAIMER =
  'General guidance from the rules named, not a legal verdict: the classification of the actual lot and the competent authorities of the countries concerned decide. Check before shipping.';
