import { MatchReasonCode, QuantityUnit } from './symbiosis.enums.js';
import { distanceKm, scoreMatch, type ScoredSide } from './match-score.js';

const side = (overrides: Partial<ScoredSide>): ScoredSide => ({
  material: 'TEXTILE_WOOL',
  ewcCode: '040222',
  quantity: 2,
  unit: QuantityUnit.TONNE,
  availableFrom: new Date('2026-12-01'),
  availableUntil: null,
  country: 'IT',
  latitude: null,
  longitude: null,
  radiusKm: null,
  networkIds: [],
  languages: [],
  ...overrides,
});

describe('scoreMatch', () => {
  it('scores the same material, code, quantity, dates, network and language to 100 when within reach', () => {
    const prato = side({ latitude: 43.88, longitude: 11.1, radiusKm: 50, networkIds: ['n1'], languages: ['it', 'en'] });
    const near = side({ quantity: 2000, unit: QuantityUnit.KG, latitude: 43.77, longitude: 11.25, networkIds: ['n1', 'n2'], languages: ['en-GB'] });
    const result = scoreMatch(prato, near)!;
    expect(result.score).toBe(100);
    expect(result.reasons.map((r) => r.code)).toEqual([
      MatchReasonCode.SAME_MATERIAL,
      MatchReasonCode.SAME_EWC_CODE,
      MatchReasonCode.QUANTITY_FIT,
      MatchReasonCode.DATES_OVERLAP,
      MatchReasonCode.WITHIN_REACH,
      MatchReasonCode.SHARED_NETWORK,
      MatchReasonCode.SHARED_LANGUAGE,
    ]);
  });

  it('scores compatible materials lower, ignores incompatible ones and is symmetric', () => {
    const offcuts = side({ material: 'TEXTILE_OFFCUTS' });
    const compatible = scoreMatch(offcuts, side({}))!;
    expect(compatible.reasons[0]).toMatchObject({ code: MatchReasonCode.COMPATIBLE_MATERIAL, points: 25 });
    expect(scoreMatch(side({}), offcuts)!.score).toBe(compatible.score);
    expect(scoreMatch(side({ material: 'GLASS_CULLET' }), side({}))).toBeNull();
  });

  it('gives partial points for a partial quantity, none for units that cannot be compared or dates apart', () => {
    const half = scoreMatch(side({ quantity: 1 }), side({}))!;
    expect(half.reasons.find((r) => r.code === MatchReasonCode.QUANTITY_FIT)).toMatchObject({ points: 5, detail: '50%' });
    const pieces = scoreMatch(side({ unit: QuantityUnit.PIECE }), side({}))!;
    expect(pieces.reasons.some((r) => r.code === MatchReasonCode.QUANTITY_FIT)).toBe(false);
    const apart = scoreMatch(side({ availableUntil: new Date('2026-12-10') }), side({ availableFrom: new Date('2027-01-01') }))!;
    expect(apart.reasons.some((r) => r.code === MatchReasonCode.DATES_OVERLAP)).toBe(false);
  });

  it('measures distance on the sphere (Prato–Tunis about 700 km) and lets it fade', () => {
    expect(distanceKm(43.88, 11.1, 36.8, 10.18)).toBeGreaterThan(750);
    expect(distanceKm(43.88, 11.1, 36.8, 10.18)).toBeLessThan(810);
    const far = scoreMatch(side({ latitude: 43.88, longitude: 11.1 }), side({ latitude: 36.8, longitude: 10.18 }))!;
    expect(far.reasons.find((r) => r.code === MatchReasonCode.DISTANCE)?.points).toBe(4);
  });
});
