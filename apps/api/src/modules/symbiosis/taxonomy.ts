import { MATERIAL_USES } from './data/compatibility.data.js';
import { EWC_BY_CODE } from './data/ewc-codes.data.js';
import { IMPACT_BY_FAMILY, type ImpactFactor } from './data/impact-factors.data.js';
import { MATERIAL_BY_CODE, MATERIALS, type MaterialDefinition } from './data/materials.data.js';

export function material(code: string): MaterialDefinition {
  const found = MATERIAL_BY_CODE.get(code);
  if (!found) throw new Error(`unknown material ${code}`);
  return found;
}

/** The uses a material can feed, from the compatibility table. */
export function usesOf(code: string): string[] {
  const m = material(code);
  return MATERIAL_USES.filter((u) => u.materials.includes(code) || u.families.includes(m.family)).map((u) => u.code);
}

/** The uses two materials have in common (empty when they are not compatible). */
export function sharedUses(a: string, b: string): string[] {
  const mine = new Set(usesOf(a));
  return usesOf(b).filter((u) => mine.has(u));
}

/** Every material that can stand in for `code`: itself first, then those sharing a use. */
export function compatibleMaterials(code: string): string[] {
  return [code, ...MATERIALS.filter((m) => m.code !== code && sharedUses(code, m.code).length > 0).map((m) => m.code)];
}

export function isHazardous(ewcCode: string | null): boolean {
  return ewcCode ? (EWC_BY_CODE.get(ewcCode)?.hazardous ?? false) : false;
}

export function impactFactorOf(materialCode: string): ImpactFactor {
  const factor = IMPACT_BY_FAMILY.get(material(materialCode).family);
  if (!factor) throw new Error(`no impact factor for ${materialCode}`);
  return factor;
}
