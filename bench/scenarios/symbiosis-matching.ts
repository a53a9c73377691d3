import { performance } from 'node:perf_hooks';
import { Prng } from '../../apps/api/src/platform/random/prng.js';
import { FAMILY_LABELS, MATERIALS, type Language } from '../../apps/api/src/modules/symbiosis/data/materials.data.js';
import { scoreMatch, type ScoredSide } from '../../apps/api/src/modules/symbiosis/match-score.js';
import { QuantityUnit } from '../../apps/api/src/modules/symbiosis/symbiosis.enums.js';
import { machineInfo, packageVersions, sourceInfo } from '../lib/environment.js';
import type { CaseResult, ScenarioResult } from '../lib/results.js';
import { envInt, type Scenario, type ScenarioContext } from '../lib/scenario.js';

/**
 * Match quality of the symbiosis matcher on generated listings, in the runner's process (no hub, no
 * database): precision@5 and recall@10 of the OFFERs proposed for each WANT, against a plain
 * full-text baseline on the same listings.
 *
 * Labelled set, built from the taxonomy: an OFFER is relevant to a WANT when it is the same material
 * and the two availability periods overlap (what a buyer can actually use). Listings are written in
 * it, el, fr, ar and en from templates naming the material, or only its family (as people often do).
 * The matcher never reads the words; the baseline reads only the words.
 */
const NAME = 'symbiosis-matching';
const LANGUAGES: Language[] = ['it', 'el', 'fr', 'ar', 'en'];
const BASE_SEED = 1606;
const DAY = 86_400_000;
const PLACES = [
  { country: 'IT', latitude: 43.8777, longitude: 11.1022 },
  { country: 'IT', latitude: 37.8104, longitude: 12.8692 },
  { country: 'TN', latitude: 36.8065, longitude: 10.1815 },
  { country: 'GR', latitude: 37.9838, longitude: 23.7275 },
  { country: 'JO', latitude: 31.9539, longitude: 35.9106 },
  { country: 'PS', latitude: 31.9722, longitude: 35.1961 },
];

const OFFER_TITLE: Record<Language, string[]> = {
  it: ['Offriamo {m}', 'Disponibili {m} dalla produzione', '{m} in eccedenza'],
  el: ['Διαθέτουμε {m}', 'Διαθέσιμα {m} από την παραγωγή', 'Πλεόνασμα: {m}'],
  fr: ['Nous proposons {m}', '{m} disponibles issus de la production', 'Surplus de {m}'],
  ar: ['نعرض {m}', '{m} متوفرة من الإنتاج', 'فائض من {m}'],
  en: ['Offering {m}', '{m} available from production', 'Surplus {m}'],
};
const WANT_TITLE: Record<Language, string[]> = {
  it: ['Cerchiamo {m}', 'Ci servono {m}', 'Richiesta: {m}'],
  el: ['Αναζητούμε {m}', 'Χρειαζόμαστε {m}', 'Ζήτηση: {m}'],
  fr: ['Nous cherchons {m}', 'Besoin de {m}', 'Recherche {m}'],
  ar: ['نبحث عن {m}', 'نحتاج إلى {m}', 'مطلوب: {m}'],
  en: ['Looking for {m}', 'We need {m}', 'Wanted: {m}'],
};
const FILLER: Record<Language, string> = {
  it: 'materiale pulito ritiro presso il nostro laboratorio consegna possibile quantità mensile contattateci per dettagli',
  el: 'καθαρό υλικό παραλαβή από το εργαστήριό μας δυνατή παράδοση μηνιαία ποσότητα επικοινωνήστε για λεπτομέρειες',
  fr: 'matière propre enlèvement à notre atelier livraison possible quantité mensuelle contactez-nous pour les détails',
  ar: 'مادة نظيفة الاستلام من ورشتنا التوصيل ممكن كمية شهرية تواصلوا معنا للتفاصيل',
  en: 'clean material pick-up at our workshop delivery possible monthly quantity contact us for details',
};

interface GeneratedListing {
  id: number;
  kind: 'OFFER' | 'WANT';
  language: Language;
  text: string;
  side: ScoredSide;
}

function generate(seed: number, count: number): GeneratedListing[] {
  const rng = new Prng(seed);
  const base = Date.UTC(2027, 0, 1);
  const organisations = Array.from({ length: 40 }, (_, i) => {
    const language = rng.pick(LANGUAGES);
    return { id: i, languages: rng.chance(0.6) ? [language, 'en'] : [language], networks: LANGUAGES.filter(() => rng.chance(0.4)) };
  });
  return Array.from({ length: count }, (_, id) => {
    const kind = id % 2 === 0 ? 'OFFER' : 'WANT';
    const material = rng.pick(MATERIALS);
    const organisation = rng.pick(organisations);
    const language = organisation.languages[0] as Language;
    // Three in ten name only the family ("textiles"), as people often do.
    const name = rng.chance(0.3) ? FAMILY_LABELS[material.family][language] : material.labels[language];
    const title = rng.pick((kind === 'OFFER' ? OFFER_TITLE : WANT_TITLE)[language]).replace('{m}', name);
    const filler = FILLER[language].split(' ');
    const description = rng.shuffle([...filler]).slice(0, rng.between(5, filler.length)).join(' ');
    const place = rng.pick(PLACES);
    const from = base + rng.between(0, 300) * DAY;
    const unit = rng.chance(0.15) ? QuantityUnit.PIECE : rng.chance(0.5) ? QuantityUnit.KG : QuantityUnit.TONNE;
    const tonnes = rng.between(1, 200) / 10;
    return {
      id,
      kind,
      language,
      text: `${title} ${description}`,
      side: {
        material: material.code,
        ewcCode: rng.chance(0.8) ? rng.pick(material.usualEwcCodes) : null,
        quantity: unit === QuantityUnit.KG ? tonnes * 1000 : unit === QuantityUnit.TONNE ? tonnes : rng.between(10, 500),
        unit,
        availableFrom: new Date(from),
        availableUntil: rng.chance(0.2) ? null : new Date(from + rng.between(20, 150) * DAY),
        country: place.country,
        latitude: place.latitude,
        longitude: place.longitude,
        radiusKm: rng.pick([0, 50, 200, 1000]),
        networkIds: organisation.networks,
        languages: organisation.languages,
      },
    };
  });
}

const overlaps = (a: ScoredSide, b: ScoredSide) =>
  a.availableFrom.getTime() <= (b.availableUntil?.getTime() ?? Infinity) && b.availableFrom.getTime() <= (a.availableUntil?.getTime() ?? Infinity);
const relevant = (offer: GeneratedListing, want: GeneratedListing) => offer.side.material === want.side.material && overlaps(offer.side, want.side);

/** The baseline: TF-IDF cosine over lower-cased words (Unicode letters), no stemming, no taxonomy. */
function fullTextRanker(listings: GeneratedListing[]) {
  const tokens = (text: string) => text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const df = new Map<string, number>();
  const bags = new Map<number, Map<string, number>>();
  for (const l of listings) {
    const bag = new Map<string, number>();
    for (const t of tokens(l.text)) bag.set(t, (bag.get(t) ?? 0) + 1);
    bags.set(l.id, bag);
    for (const t of bag.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const vector = (bag: Map<string, number>) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, tf] of bag) {
      const w = tf * Math.log(listings.length / (df.get(t) ?? 1));
      v.set(t, w);
      norm += w * w;
    }
    return { v, norm: Math.sqrt(norm) || 1 };
  };
  const vectors = new Map([...bags].map(([id, bag]) => [id, vector(bag)]));
  return (want: GeneratedListing, offers: GeneratedListing[]) => {
    const q = vectors.get(want.id)!;
    return offers
      .map((o) => {
        const d = vectors.get(o.id)!;
        let dot = 0;
        for (const [t, w] of q.v) dot += w * (d.v.get(t) ?? 0);
        return { offer: o, score: dot / (q.norm * d.norm) };
      })
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score || a.offer.id - b.offer.id)
      .map((r) => r.offer);
  };
}

const matcherRanker = (want: GeneratedListing, offers: GeneratedListing[]) =>
  offers
    .map((o) => ({ offer: o, match: scoreMatch(o.side, want.side) }))
    .filter((r) => r.match !== null)
    .sort((a, b) => b.match!.score - a.match!.score || a.offer.id - b.offer.id)
    .map((r) => r.offer);

interface Quality {
  wants: number;
  precisionAt5: number;
  recallAt10: number;
  precisionCeiling: number;
  crossLanguageShare: number;
  ms: number;
}

function evaluate(listings: GeneratedListing[], rank: (want: GeneratedListing, offers: GeneratedListing[]) => GeneratedListing[]): Quality {
  const offers = listings.filter((l) => l.kind === 'OFFER');
  const wants = listings.filter((l) => l.kind === 'WANT');
  let judged = 0;
  let p5 = 0;
  let r10 = 0;
  let ceiling = 0;
  let pairs = 0;
  let crossPairs = 0;
  const started = performance.now();
  for (const want of wants) {
    const truth = new Set(offers.filter((o) => relevant(o, want)).map((o) => o.id));
    if (truth.size === 0) continue;
    for (const o of offers) if (truth.has(o.id)) {
      pairs += 1;
      if (o.language !== want.language) crossPairs += 1;
    }
    const ranked = rank(want, offers);
    judged += 1;
    p5 += ranked.slice(0, 5).filter((o) => truth.has(o.id)).length / 5;
    r10 += ranked.slice(0, 10).filter((o) => truth.has(o.id)).length / truth.size;
    ceiling += Math.min(truth.size, 5) / 5;
  }
  return { wants: judged, precisionAt5: p5 / judged, recallAt10: r10 / judged, precisionCeiling: ceiling / judged, crossLanguageShare: crossPairs / pairs, ms: performance.now() - started };
}

const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;

async function run(context: ScenarioContext): Promise<ScenarioResult> {
  const { log } = context;
  const count = envInt('BENCH_SYMBIOSIS_LISTINGS', 300);
  const seeds = envInt('BENCH_SYMBIOSIS_SEEDS', 5);
  const cases: CaseResult[] = [];
  const verification: Record<string, unknown> = {};
  const problems: string[] = [];
  let beaten = true;
  for (let s = 0; s < seeds; s += 1) {
    const seed = BASE_SEED + s;
    const listings = generate(seed, count);
    const matcher = evaluate(listings, matcherRanker);
    const baseline = evaluate(listings, fullTextRanker(listings));
    const beats = matcher.precisionAt5 > baseline.precisionAt5 && matcher.recallAt10 > baseline.recallAt10;
    beaten &&= beats;
    log(`seed ${seed}: matcher P@5 ${matcher.precisionAt5.toFixed(3)} R@10 ${matcher.recallAt10.toFixed(3)}; full text P@5 ${baseline.precisionAt5.toFixed(3)} R@10 ${baseline.recallAt10.toFixed(3)}`);
    const row = (name: string, q: Quality, judged: boolean): CaseResult => ({
      name: `${name}, seed ${seed}`,
      figures: {
        listings: count,
        'wants judged': q.wants,
        'precision@5': round(q.precisionAt5),
        'precision@5 ceiling': round(q.precisionCeiling),
        'recall@10': round(q.recallAt10),
        'relevant pairs across languages': round(q.crossLanguageShare, 2),
        'time ms': round(q.ms, 1),
      },
      goal: judged ? { description: 'P@5 and R@10 above the full-text baseline', met: beats } : { description: '', met: true },
    });
    cases.push(row('taxonomy matcher', matcher, true), row('full-text baseline', baseline, false));
    verification[`seed ${seed}`] = { matcher, baseline, languages: Object.fromEntries(LANGUAGES.map((l) => [l, listings.filter((x) => x.language === l).length])) };
  }
  if (!beaten) problems.push('the matcher did not beat the full-text baseline on every seed');
  return {
    scenario: NAME,
    description: 'Symbiosis matching quality on generated listings in five languages: precision@5 and recall@10 vs a full-text baseline. No hub or database.',
    date: new Date().toISOString(),
    machine: machineInfo(),
    source: sourceInfo(context.root),
    packages: packageVersions(context.root, []),
    settings: { listings: count, seeds, baseSeed: BASE_SEED, relevance: 'same material and overlapping availability', familyOnlyShare: 0.3, languages: LANGUAGES },
    verification,
    targets: [],
    cases,
    ratio: 1,
    goal: { metric: 'precision@5 and recall@10 above the full-text baseline on every seed', min: 1, met: beaten },
    valid: true,
    problems,
  };
}

export const symbiosisMatching: Scenario = {
  name: NAME,
  description: 'Symbiosis matcher vs full-text baseline on generated listings in five languages (precision@5, recall@10). No hub or database.',
  minutes: 2,
  run,
};
