/**
 * The part of the European List of Waste the exchange uses: Commission Decision 2000/532/EC
 * establishing a list of wastes, as amended (last substantively by Commission Decision 2014/955/EU).
 * Codes are six digits written without spaces (`040222` is "04 02 22"); the first two digits are the
 * chapter, the first four the sub-chapter. Entries marked hazardous carry an asterisk in the Decision.
 *
 * Source: https://eur-lex.europa.eu/eli/dec/2000/532/oj (consolidated text) and
 * https://eur-lex.europa.eu/eli/dec/2014/955/oj. Only entries the exchange's materials need are
 * listed; the titles are the Decision's English titles.
 *
 * `greenList` is the Basel Annex IX / EU Waste Shipment Regulation green-list entry a clean,
 * non-hazardous lot of this waste is usually classified under; it is indicative only (the actual
 * classification depends on the composition of the lot) and is why every guidance says "check".
 */
export interface EwcChapter {
  chapter: string;
  title: string;
}

export interface EwcEntry {
  code: string;
  title: string;
  hazardous: boolean;
  greenList: string | null;
}

export const EWC_SOURCE = {
  title: 'Commission Decision 2000/532/EC on the list of wastes, as amended by Commission Decision 2014/955/EU',
  url: 'https://eur-lex.europa.eu/eli/dec/2000/532/oj',
};

export const EWC_CHAPTERS: EwcChapter[] = [
  { chapter: '02', title: 'Wastes from agriculture, horticulture, aquaculture, forestry, hunting and fishing, food preparation and processing' },
  { chapter: '03', title: 'Wastes from wood processing and the production of panels and furniture, pulp, paper and cardboard' },
  { chapter: '04', title: 'Wastes from the leather, fur and textile industries' },
  { chapter: '07', title: 'Wastes from organic chemical processes' },
  { chapter: '10', title: 'Wastes from thermal processes' },
  { chapter: '12', title: 'Wastes from shaping and physical and mechanical surface treatment of metals and plastics' },
  { chapter: '15', title: 'Waste packaging; absorbents, wiping cloths, filter materials and protective clothing not otherwise specified' },
  { chapter: '17', title: 'Construction and demolition wastes (including excavated soil from contaminated sites)' },
  { chapter: '19', title: 'Wastes from waste management facilities, off-site waste water treatment plants and the preparation of water intended for human consumption and water for industrial use' },
  { chapter: '20', title: 'Municipal wastes (household waste and similar commercial, industrial and institutional wastes) including separately collected fractions' },
];

const e = (code: string, title: string, greenList: string | null = null): EwcEntry => ({ code, title, hazardous: false, greenList });
const h = (code: string, title: string): EwcEntry => ({ code, title, hazardous: true, greenList: null });

export const EWC_ENTRIES: EwcEntry[] = [
  // 02 01, 02 03
  e('020103', 'plant-tissue waste'),
  e('020304', 'materials unsuitable for consumption or processing'),
  // 03 01
  h('030104', 'sawdust, shavings, cuttings, wood, particle board and veneer containing hazardous substances'),
  e('030105', 'sawdust, shavings, cuttings, wood, particle board and veneer other than those mentioned in 03 01 04', 'B3050'),
  // 04 01 wastes from the leather and fur industry
  e('040101', 'fleshings and lime split wastes'),
  e('040102', 'liming waste'),
  h('040103', 'degreasing wastes containing solvents without a liquid phase'),
  e('040104', 'tanning liquor containing chromium'),
  e('040105', 'tanning liquor free of chromium'),
  e('040106', 'sludges, in particular from on-site effluent treatment containing chromium'),
  e('040107', 'sludges, in particular from on-site effluent treatment free of chromium'),
  e('040108', 'waste tanned leather (blue sheetings, shavings, cuttings, buffing dust) containing chromium', 'B3090'),
  e('040109', 'wastes from dressing and finishing', 'B3090'),
  e('040199', 'wastes not otherwise specified'),
  // 04 02 wastes from the textile industry
  e('040209', 'wastes from composite materials (impregnated textile, elastomer, plastomer)'),
  e('040210', 'organic matter from natural products (for example grease, wax)'),
  h('040214', 'wastes from finishing containing organic solvents'),
  e('040215', 'wastes from finishing other than those mentioned in 04 02 14'),
  h('040216', 'dyestuffs and pigments containing hazardous substances'),
  e('040217', 'dyestuffs and pigments other than those mentioned in 04 02 16'),
  h('040219', 'sludges from on-site effluent treatment containing hazardous substances'),
  e('040220', 'sludges from on-site effluent treatment other than those mentioned in 04 02 19'),
  e('040221', 'wastes from unprocessed textile fibres', 'B3030'),
  e('040222', 'wastes from processed textile fibres', 'B3030'),
  e('040299', 'wastes not otherwise specified'),
  // 07 02, 10 11, 10 12, 12 01
  e('070213', 'waste plastic', 'B3011'),
  h('101111', 'waste glass in small particles and glass powder containing heavy metals (for example from cathode ray tubes)'),
  e('101112', 'waste glass other than those mentioned in 10 11 11', 'B2020'),
  e('101208', 'waste ceramics, bricks, tiles and construction products (after thermal processing)', 'B2030'),
  e('120105', 'plastics shavings and turnings', 'B3011'),
  // 15 01 packaging, 15 02 absorbents
  e('150101', 'paper and cardboard packaging', 'B3020'),
  e('150102', 'plastic packaging', 'B3011'),
  e('150103', 'wooden packaging', 'B3050'),
  e('150104', 'metallic packaging', 'B1010'),
  e('150105', 'composite packaging'),
  e('150106', 'mixed packaging'),
  e('150107', 'glass packaging', 'B2020'),
  e('150109', 'textile packaging', 'B3030'),
  h('150110', 'packaging containing residues of or contaminated by hazardous substances'),
  h('150111', 'metallic packaging containing a hazardous solid porous matrix (for example asbestos), including empty pressure containers'),
  h('150202', 'absorbents, filter materials (including oil filters not otherwise specified), wiping cloths, protective clothing contaminated by hazardous substances'),
  e('150203', 'absorbents, filter materials, wiping cloths and protective clothing other than those mentioned in 15 02 02'),
  // 17 01, 17 02, 17 04
  e('170101', 'concrete'),
  e('170102', 'bricks'),
  e('170103', 'tiles and ceramics', 'B2030'),
  h('170106', 'mixtures of, or separate fractions of concrete, bricks, tiles and ceramics containing hazardous substances'),
  e('170107', 'mixtures of concrete, bricks, tiles and ceramics other than those mentioned in 17 01 06'),
  e('170201', 'wood', 'B3050'),
  e('170202', 'glass', 'B2020'),
  e('170203', 'plastic', 'B3011'),
  h('170204', 'glass, plastic and wood containing or contaminated with hazardous substances'),
  e('170401', 'copper, bronze, brass', 'B1010'),
  e('170402', 'aluminium', 'B1010'),
  e('170403', 'lead'),
  e('170404', 'zinc', 'B1010'),
  e('170405', 'iron and steel', 'B1010'),
  e('170406', 'tin', 'B1010'),
  e('170407', 'mixed metals', 'B1010'),
  h('170409', 'metal waste contaminated with hazardous substances'),
  h('170410', 'cables containing oil, coal tar and other hazardous substances'),
  e('170411', 'cables other than those mentioned in 17 04 10', 'B1115'),
  // 19 12 wastes from the mechanical treatment of waste
  e('191201', 'paper and cardboard', 'B3020'),
  e('191202', 'ferrous metal', 'B1010'),
  e('191203', 'non-ferrous metal', 'B1010'),
  e('191204', 'plastic and rubber', 'B3011'),
  e('191205', 'glass', 'B2020'),
  h('191206', 'wood containing hazardous substances'),
  e('191207', 'wood other than that mentioned in 19 12 06', 'B3050'),
  e('191208', 'textiles', 'B3030'),
  e('191209', 'minerals (for example sand, stones)'),
  e('191210', 'combustible waste (refuse derived fuel)'),
  h('191211', 'other wastes (including mixtures of materials) from mechanical treatment of waste containing hazardous substances'),
  e('191212', 'other wastes (including mixtures of materials) from mechanical treatment of wastes other than those mentioned in 19 12 11'),
  // 20 01 separately collected fractions, 20 02
  e('200101', 'paper and cardboard', 'B3020'),
  e('200102', 'glass', 'B2020'),
  e('200108', 'biodegradable kitchen and canteen waste'),
  e('200110', 'clothes', 'B3030'),
  e('200111', 'textiles', 'B3030'),
  h('200113', 'solvents'),
  h('200121', 'fluorescent tubes and other mercury-containing waste'),
  h('200123', 'discarded equipment containing chlorofluorocarbons'),
  e('200125', 'edible oil and fat'),
  h('200135', 'discarded electrical and electronic equipment other than those mentioned in 20 01 21 and 20 01 23 containing hazardous components'),
  e('200136', 'discarded electrical and electronic equipment other than those mentioned in 20 01 21, 20 01 23 and 20 01 35'),
  h('200137', 'wood containing hazardous substances'),
  e('200138', 'wood other than that mentioned in 20 01 37', 'B3050'),
  e('200139', 'plastics', 'B3011'),
  e('200140', 'metals', 'B1010'),
  e('200201', 'biodegradable waste'),
];

export const EWC_BY_CODE = new Map(EWC_ENTRIES.map((entry) => [entry.code, entry]));

/** `040222` → `04 02 22*` when hazardous: the way the Decision prints it. */
export function formatEwcCode(code: string): string {
  const entry = EWC_BY_CODE.get(code);
  return `${code.slice(0, 2)} ${code.slice(2, 4)} ${code.slice(4, 6)}${entry?.hazardous ? '*' : ''}`;
}

/** Accepts `040222`, `04 02 22` and `04 02 22*`; returns the six digits, or null for a malformed code. */
export function normaliseEwcCode(input: string): string | null {
  const compact = input.replace(/[\s*]/g, '');
  return /^\d{6}$/.test(compact) ? compact : null;
}
