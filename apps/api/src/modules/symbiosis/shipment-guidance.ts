import { EWC_BY_CODE } from './data/ewc-codes.data.js';
import { GUIDANCE_DISCLAIMER, SHIPMENT_RULES, countryGroup, type RuleSource, type ShipmentOutcome, type ShipmentRule, type WasteList } from './data/shipment-rules.data.js';

export interface ShipmentGuidanceResult {
  originCountry: string;
  destinationCountry: string;
  hazardous: boolean;
  list: WasteList;
  greenListEntry: string | null;
  ruleId: string | null;
  outcome: ShipmentOutcome;
  summary: string;
  sources: RuleSource[];
  /** Always true: the hub never gives a verdict, the parties check with the authorities. */
  checkRequired: true;
  disclaimer: string;
}

const onDate = (rule: ShipmentRule, day: string) => rule.validFrom <= day && (rule.validUntil === null || day <= rule.validUntil);

/**
 * What the rules say, in general terms, about shipping a waste of `ewcCode` from one country to
 * another on `at`; null within one country. An unknown or missing code is treated as amber and not
 * hazardous-unknown: the lot's classification is then the first thing to check.
 */
export function shipmentGuidance(originCountry: string, destinationCountry: string, ewcCode: string | null, at: Date, rules: ShipmentRule[] = SHIPMENT_RULES): ShipmentGuidanceResult | null {
  if (originCountry === destinationCountry) return null;
  const entry = ewcCode ? EWC_BY_CODE.get(ewcCode) : undefined;
  const hazardous = entry?.hazardous ?? false;
  const list: WasteList = entry && !entry.hazardous && entry.greenList ? 'GREEN' : 'AMBER';
  const from = countryGroup(originCountry);
  const to = countryGroup(destinationCountry);
  const day = at.toISOString().slice(0, 10);
  const rule = rules.find(
    (r) =>
      onDate(r, day) &&
      r.when.from.includes(from) &&
      r.when.to.includes(to) &&
      (r.when.hazardous === undefined || r.when.hazardous === hazardous) &&
      (r.when.list === undefined || r.when.list === list),
  );
  return {
    originCountry,
    destinationCountry,
    hazardous,
    list,
    greenListEntry: list === 'GREEN' ? (entry?.greenList ?? null) : null,
    ruleId: rule?.id ?? null,
    outcome: rule?.outcome ?? 'NATIONAL_RULES',
    summary: rule?.summary ?? 'No rule in the hub’s table covers this pair of countries; the national laws of both decide.',
    sources: rule?.sources ?? [],
    checkRequired: true,
    disclaimer: GUIDANCE_DISCLAIMER,
  };
}
