import type { MaterialFamily } from './materials.data.js';

/**
 * Impact factors per material family, for each completed exchange:
 * - `divertedShare`: share of the exchanged mass counted as diverted from landfill or incineration
 *   (1 when the whole lot is reused or recycled instead of disposed of);
 * - `co2eAvoidedPerTonne`: tonnes of CO2-equivalent avoided per tonne exchanged, i.e. the emissions of
 *   making the same mass of the virgin material minus those of the recovery route, net of the avoided
 *   disposal, as published in the source.
 *
 * Source: indicative values rounded to one significant figure after the recycling-versus-landfill
 * factors of the US EPA Waste Reduction Model (WARM), "Documentation for Greenhouse Gas Emission and
 * Energy Factors Used in the Waste Reduction Model", version 15 (https://www.epa.gov/warm), converted
 * from short tons to tonnes. They are orders of magnitude for the hub's indicators, not audited
 * figures: replace them with the edition and values a programme's reporting requires. Families WARM
 * does not model directly (leather, ceramics) use the proxy named in `proxy`.
 */
export interface ImpactFactor {
  family: MaterialFamily;
  divertedShare: number;
  co2eAvoidedPerTonne: number;
  proxy: string | null;
}

export const IMPACT_SOURCE = {
  title: 'US EPA Waste Reduction Model (WARM), emission factor documentation, version 15 (indicative, rounded)',
  url: 'https://www.epa.gov/warm',
};

export const IMPACT_FACTORS: ImpactFactor[] = [
  { family: 'TEXTILES', divertedShare: 1, co2eAvoidedPerTonne: 2.4, proxy: null },
  { family: 'LEATHER', divertedShare: 1, co2eAvoidedPerTonne: 2.4, proxy: 'textiles' },
  { family: 'PAPER', divertedShare: 1, co2eAvoidedPerTonne: 3.5, proxy: null },
  { family: 'WOOD', divertedShare: 1, co2eAvoidedPerTonne: 2.5, proxy: null },
  { family: 'GLASS', divertedShare: 1, co2eAvoidedPerTonne: 0.3, proxy: null },
  { family: 'CERAMICS', divertedShare: 1, co2eAvoidedPerTonne: 0.01, proxy: 'concrete used as aggregate' },
  { family: 'METALS', divertedShare: 1, co2eAvoidedPerTonne: 4.0, proxy: null },
  { family: 'PLASTICS', divertedShare: 1, co2eAvoidedPerTonne: 1.0, proxy: null },
  { family: 'ORGANIC', divertedShare: 1, co2eAvoidedPerTonne: 0.6, proxy: 'food waste composted' },
  { family: 'PACKAGING', divertedShare: 1, co2eAvoidedPerTonne: 1.2, proxy: 'mixed recyclables' },
  { family: 'ELECTRONICS', divertedShare: 1, co2eAvoidedPerTonne: 1.3, proxy: 'mixed electronics' },
];

export const IMPACT_BY_FAMILY = new Map(IMPACT_FACTORS.map((f) => [f.family, f]));

