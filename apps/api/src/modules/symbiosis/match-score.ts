import { MatchReasonCode, QuantityUnit, TONNES_PER_UNIT } from './symbiosis.enums.js';
import { sharedUses } from './taxonomy.js';

/** What scoring needs of a listing; no words, so the text's language plays no part. */
export interface ScoredSide {
  material: string;
  ewcCode: string | null;
  quantity: number;
  unit: QuantityUnit;
  availableFrom: Date;
  availableUntil: Date | null;
  country: string;
  latitude: number | null;
  longitude: number | null;
  radiusKm: number | null;
  networkIds: string[];
  /** Preferred languages of the organisation's members. */
  languages: string[];
}

export interface MatchReason {
  code: MatchReasonCode;
  points: number;
  detail: string;
}

export interface MatchScore {
  score: number;
  reasons: MatchReason[];
  distanceKm: number | null;
}

/** Points per criterion; they add up to 100. */
export const POINTS = { sameMaterial: 45, compatibleMaterial: 25, sameEwc: 15, sameEwcSubchapter: 8, quantity: 10, dates: 10, withinReach: 10, distance: 5, network: 5, language: 5 } as const;

/** Great-circle distance in km (haversine, mean Earth radius 6371 km). */
export function distanceKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(rad(bLat - aLat) / 2) ** 2 + Math.cos(rad(aLat)) * Math.cos(rad(bLat)) * Math.sin(rad(bLon - aLon) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The quantity in a unit both sides share: tonnes for masses, the unit itself otherwise; null if they differ. */
function comparable(a: ScoredSide, b: ScoredSide): [number, number] | null {
  const ta = TONNES_PER_UNIT[a.unit];
  const tb = TONNES_PER_UNIT[b.unit];
  if (ta !== undefined && tb !== undefined) return [a.quantity * ta, b.quantity * tb];
  return a.unit === b.unit ? [a.quantity, b.quantity] : null;
}

const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();

/**
 * How well an OFFER and a WANT fit, with the reasons; null when their materials are neither the same
 * nor compatible (no use in the compatibility table takes both). Symmetric in its two arguments.
 */
export function scoreMatch(offer: ScoredSide, want: ScoredSide): MatchScore | null {
  const reasons: MatchReason[] = [];
  if (offer.material === want.material) {
    reasons.push({ code: MatchReasonCode.SAME_MATERIAL, points: POINTS.sameMaterial, detail: offer.material });
  } else {
    const uses = sharedUses(offer.material, want.material);
    if (uses.length === 0) return null;
    reasons.push({ code: MatchReasonCode.COMPATIBLE_MATERIAL, points: POINTS.compatibleMaterial, detail: uses.join(', ') });
  }
  if (offer.ewcCode && want.ewcCode) {
    if (offer.ewcCode === want.ewcCode) reasons.push({ code: MatchReasonCode.SAME_EWC_CODE, points: POINTS.sameEwc, detail: offer.ewcCode });
    else if (offer.ewcCode.slice(0, 4) === want.ewcCode.slice(0, 4)) reasons.push({ code: MatchReasonCode.SAME_EWC_SUBCHAPTER, points: POINTS.sameEwcSubchapter, detail: offer.ewcCode.slice(0, 4) });
  }
  const quantities = comparable(offer, want);
  if (quantities) {
    const [have, need] = quantities;
    const fit = Math.min(have, need) / Math.max(have, need);
    const points = Math.round(POINTS.quantity * fit);
    if (points > 0) reasons.push({ code: MatchReasonCode.QUANTITY_FIT, points, detail: `${Math.round(fit * 100)}%` });
  }
  const end = (d: Date | null) => (d ? d.getTime() : Number.POSITIVE_INFINITY);
  if (offer.availableFrom.getTime() <= end(want.availableUntil) && want.availableFrom.getTime() <= end(offer.availableUntil)) {
    reasons.push({ code: MatchReasonCode.DATES_OVERLAP, points: POINTS.dates, detail: '' });
  }
  let km: number | null = null;
  if (offer.latitude !== null && offer.longitude !== null && want.latitude !== null && want.longitude !== null) {
    km = Math.round(distanceKm(offer.latitude, offer.longitude, want.latitude, want.longitude));
    const reach = Math.max(offer.radiusKm ?? 0, want.radiusKm ?? 0);
    if (km <= reach) reasons.push({ code: MatchReasonCode.WITHIN_REACH, points: POINTS.withinReach, detail: `${km} km` });
    else {
      // Cross-border exchange is the point of the hub: distance weighs little and fades over 3,000 km.
      const points = Math.round(POINTS.distance * Math.max(0, 1 - km / 3000));
      if (points > 0) reasons.push({ code: MatchReasonCode.DISTANCE, points, detail: `${km} km` });
    }
  }
  const networks = offer.networkIds.filter((n) => want.networkIds.includes(n));
  if (networks.length > 0) reasons.push({ code: MatchReasonCode.SHARED_NETWORK, points: POINTS.network, detail: `${networks.length}` });
  const theirs = new Set(want.languages.map(primary));
  const languages = [...new Set(offer.languages.map(primary))].filter((l) => theirs.has(l)).sort();
  if (languages.length > 0) reasons.push({ code: MatchReasonCode.SHARED_LANGUAGE, points: POINTS.language, detail: languages.join(', ') });
  return { score: reasons.reduce((sum, r) => sum + r.points, 0), reasons, distanceKm: km };
}
