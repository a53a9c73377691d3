import { MATERIAL_USES } from './compatibility.data.js';
import { EWC_CHAPTERS, EWC_ENTRIES, EWC_SOURCE, formatEwcCode, normaliseEwcCode } from './ewc-codes.data.js';
import { IMPACT_FACTORS, IMPACT_SOURCE } from './impact-factors.data.js';
import { FAMILY_LABELS, MATERIAL_BY_CODE, MATERIAL_FAMILIES, MATERIALS } from './materials.data.js';
import { EU_COUNTRIES, OECD_COUNTRIES, SHIPMENT_RULES } from './shipment-rules.data.js';

const LANGUAGES = ['it', 'el', 'fr', 'ar', 'en'] as const;
const codes = new Set(EWC_ENTRIES.map((e) => e.code));

describe('symbiosis data', () => {
  it('lists List of Waste entries as unique six-digit codes in known chapters, with the required chapters present', () => {
    expect(codes.size).toBe(EWC_ENTRIES.length);
    const chapters = new Set(EWC_CHAPTERS.map((c) => c.chapter));
    for (const entry of EWC_ENTRIES) {
      expect(entry.code).toMatch(/^\d{6}$/);
      expect(chapters.has(entry.code.slice(0, 2))).toBe(true);
      expect(entry.title.length).toBeGreaterThan(2);
      // A hazardous entry is never green-listed.
      if (entry.hazardous) expect(entry.greenList).toBeNull();
      if (entry.greenList) expect(entry.greenList).toMatch(/^B\d{4}$/);
    }
    for (const prefix of ['0401', '0402', '1501', '17', '1912', '2001']) {
      const inIt = EWC_ENTRIES.filter((e) => e.code.startsWith(prefix));
      expect(inIt.length).toBeGreaterThanOrEqual(3);
      expect(inIt.some((e) => e.hazardous)).toBe(true);
    }
    expect(EWC_SOURCE.url).toMatch(/^https:\/\/eur-lex\.europa\.eu\//);
  });

  it('formats and normalises codes the way the Decision prints them', () => {
    expect(formatEwcCode('040222')).toBe('04 02 22');
    expect(formatEwcCode('200135')).toBe('20 01 35*');
    expect(normaliseEwcCode('04 02 22')).toBe('040222');
    expect(normaliseEwcCode('20 01 35*')).toBe('200135');
    expect(normaliseEwcCode('0402')).toBeNull();
    expect(normaliseEwcCode('04022a')).toBeNull();
  });

  it('gives every material a family, five labels, valid usual codes, a use and impact factors', () => {
    expect(MATERIAL_BY_CODE.size).toBe(MATERIALS.length);
    const factored = new Set(IMPACT_FACTORS.map((f) => f.family));
    for (const m of MATERIALS) {
      expect(m.code).toMatch(/^[A-Z][A-Z_]+$/);
      expect(MATERIAL_FAMILIES).toContain(m.family);
      for (const lang of LANGUAGES) expect(m.labels[lang].trim().length).toBeGreaterThan(0);
      for (const code of m.usualEwcCodes) expect(codes.has(code)).toBe(true);
      expect(MATERIAL_USES.some((u) => u.materials.includes(m.code) || u.families.includes(m.family))).toBe(true);
      expect(factored.has(m.family)).toBe(true);
    }
    for (const family of MATERIAL_FAMILIES) {
      for (const lang of LANGUAGES) expect(FAMILY_LABELS[family][lang].length).toBeGreaterThan(0);
      expect(MATERIALS.some((m) => m.family === family)).toBe(true);
    }
  });

  it('keeps impact factors positive and bounded, with their source named', () => {
    for (const f of IMPACT_FACTORS) {
      expect(f.divertedShare).toBeGreaterThan(0);
      expect(f.divertedShare).toBeLessThanOrEqual(1);
      expect(f.co2eAvoidedPerTonne).toBeGreaterThanOrEqual(0);
      expect(f.co2eAvoidedPerTonne).toBeLessThan(20);
    }
    expect(IMPACT_SOURCE.url).toMatch(/^https:\/\//);
  });

  it('names only known materials and families in the compatibility table', () => {
    for (const use of MATERIAL_USES) {
      for (const code of use.materials) expect(MATERIAL_BY_CODE.has(code)).toBe(true);
      for (const family of use.families) expect(MATERIAL_FAMILIES).toContain(family);
      expect(use.materials.length + use.families.length).toBeGreaterThan(0);
    }
  });

  it('dates every shipment rule, cites a source for each and keeps the country lists consistent', () => {
    const ids = new Set<string>();
    for (const rule of SHIPMENT_RULES) {
      expect(ids.has(rule.id)).toBe(false);
      ids.add(rule.id);
      expect(rule.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (rule.validUntil) expect(rule.validUntil >= rule.validFrom).toBe(true);
      expect(rule.sources.length).toBeGreaterThan(0);
      for (const s of rule.sources) expect(s.url).toMatch(/^https:\/\//);
    }
    expect(EU_COUNTRIES).toHaveLength(27);
    expect(OECD_COUNTRIES).toHaveLength(38);
    for (const c of ['TN', 'JO', 'PS']) expect(OECD_COUNTRIES).not.toContain(c);
  });
});
