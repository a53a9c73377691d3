import { ServerTextCode, ServerTextParamType, type ServerTextData } from '@app/contracts';
import { param } from '@api/platform/i18n/server-text.js';

/**
 * Ranks expert organisations for a challenge by what they share with it. Pure, so the weights and
 * the reasons can be read and tested without a database.
 */
export interface ChallengeProfile {
  organisationId: string;
  country: string;
  levers: string[];
  subsectors: string[];
  materials: string[];
  language: string;
}

export interface ExpertCandidate {
  organisationId: string;
  country: string;
  subsectors: string[];
  /** Levers of the answers it has written. */
  levers: string[];
  /** Materials of the challenges it has answered. */
  materials: string[];
  /** Primary language subtags its members speak. */
  languages: string[];
}

export interface RankedExpert {
  organisationId: string;
  score: number;
  /** Why, as codes with parameters: worded per viewer when read. */
  reasons: ServerTextData[];
}

export const WEIGHTS = { lever: 3, material: 3, subsector: 2, language: 2, otherCountry: 1 } as const;

const common = (a: string[], b: string[]) => {
  const set = new Set(b.map((x) => x.toLowerCase()));
  return [...new Set(a)].filter((x) => set.has(x.toLowerCase()));
};

export function rankExperts(challenge: ChallengeProfile, candidates: ExpertCandidate[], limit = 10): RankedExpert[] {
  const language = challenge.language.split('-')[0]!.toLowerCase();
  const ranked: RankedExpert[] = [];
  for (const candidate of candidates) {
    if (candidate.organisationId === challenge.organisationId) continue;
    const levers = common(challenge.levers, candidate.levers);
    const materials = common(challenge.materials, candidate.materials);
    const subsectors = common(challenge.subsectors, candidate.subsectors);
    const speaks = candidate.languages.includes(language);
    // Only topical overlap makes a suggestion; language and country only order them.
    if (levers.length + materials.length + subsectors.length === 0) continue;
    const reasons: ServerTextData[] = [];
    const shared = (code: ServerTextCode, name: string, type: ServerTextParamType, values: string[]) => reasons.push({ code, params: [param.list(name, type, values), param.count('count', values.length)] });
    let score = 0;
    if (levers.length) {
      score += WEIGHTS.lever * levers.length;
      shared(ServerTextCode.EXPERT_SHARED_LEVERS, 'levers', ServerTextParamType.RESOLVE_LEVER, levers);
    }
    if (materials.length) {
      score += WEIGHTS.material * materials.length;
      shared(ServerTextCode.EXPERT_SHARED_MATERIALS, 'materials', ServerTextParamType.TEXT, materials);
    }
    if (subsectors.length) {
      score += WEIGHTS.subsector * subsectors.length;
      shared(ServerTextCode.EXPERT_SHARED_SUBSECTORS, 'subsectors', ServerTextParamType.CCI_SUBSECTOR, subsectors);
    }
    if (speaks) {
      score += WEIGHTS.language;
      reasons.push({ code: ServerTextCode.EXPERT_SPEAKS_LANGUAGE, params: [param.one('language', ServerTextParamType.LANGUAGE, language)] });
    }
    if (candidate.country !== challenge.country) {
      score += WEIGHTS.otherCountry;
      reasons.push({ code: ServerTextCode.EXPERT_OTHER_COUNTRY, params: [param.one('country', ServerTextParamType.COUNTRY, candidate.country)] });
    }
    ranked.push({ organisationId: candidate.organisationId, score, reasons });
  }
  return ranked.sort((a, b) => b.score - a.score || a.organisationId.localeCompare(b.organisationId)).slice(0, limit);
}
