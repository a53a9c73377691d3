import { OpportunityDirection, type OpportunityType } from '@app/contracts';

export interface ProfileForMatching {
  participantId: string;
  country: string;
  languages: string[];
  opportunities: { direction: OpportunityDirection; type: OpportunityType; title: string; subsectors: string[]; levers: string[] }[];
}

export interface Recommendation {
  participantId: string;
  score: number;
  reasons: string[];
}

/** What each kind of complementarity is worth; an offer answering a request weighs most. */
export const WEIGHTS = { answer: 5, subsector: 1, lever: 1, language: 2, crossBorder: 2 } as const;
const SHARED_CAP = 3;

const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();
const union = (lists: string[][]) => new Set(lists.flat());

/**
 * Other participants ranked by complementarity to `me`, each with the reasons for its score: an offer
 * of theirs answering a request of mine (same type) or the other way round, shared subsectors and
 * ReSOLVE levers (up to three each), a language in common, and a bonus for another country — the point
 * of a cross-border event. Participants with nothing in common are left out; ties go by id, so the
 * order is stable.
 */
export function recommend(me: ProfileForMatching, others: readonly ProfileForMatching[], limit = 20): Recommendation[] {
  const myRequests = me.opportunities.filter((o) => o.direction === OpportunityDirection.REQUEST);
  const myOffers = me.opportunities.filter((o) => o.direction === OpportunityDirection.OFFER);
  const mySubsectors = union(me.opportunities.map((o) => o.subsectors));
  const myLevers = union(me.opportunities.map((o) => o.levers));
  const myLanguages = new Set(me.languages.map(primary));
  const ranked: Recommendation[] = [];
  for (const other of others) {
    if (other.participantId === me.participantId) continue;
    const reasons: string[] = [];
    let score = 0;
    for (const offer of other.opportunities.filter((o) => o.direction === OpportunityDirection.OFFER)) {
      const answered = myRequests.find((r) => r.type === offer.type);
      if (answered) {
        score += WEIGHTS.answer;
        reasons.push(`Their offer “${offer.title}” answers your request “${answered.title}”`);
      }
    }
    for (const request of other.opportunities.filter((o) => o.direction === OpportunityDirection.REQUEST)) {
      const answering = myOffers.find((o) => o.type === request.type);
      if (answering) {
        score += WEIGHTS.answer;
        reasons.push(`Your offer “${answering.title}” answers their request “${request.title}”`);
      }
    }
    const subsectors = [...union(other.opportunities.map((o) => o.subsectors))].filter((s) => mySubsectors.has(s)).sort();
    if (subsectors.length) {
      score += WEIGHTS.subsector * Math.min(SHARED_CAP, subsectors.length);
      reasons.push(`Shared subsectors: ${subsectors.join(', ')}`);
    }
    const levers = [...union(other.opportunities.map((o) => o.levers))].filter((l) => myLevers.has(l)).sort();
    if (levers.length) {
      score += WEIGHTS.lever * Math.min(SHARED_CAP, levers.length);
      reasons.push(`Shared ReSOLVE levers: ${levers.join(', ')}`);
    }
    if (score === 0) continue;
    const languages = [...new Set(other.languages.map(primary))].filter((l) => myLanguages.has(l)).sort();
    if (languages.length) {
      score += WEIGHTS.language;
      reasons.push(`Common language: ${languages.join(', ')}`);
    }
    if (other.country !== me.country) {
      score += WEIGHTS.crossBorder;
      reasons.push(`Cross-border: ${me.country} ↔ ${other.country}`);
    }
    ranked.push({ participantId: other.participantId, score, reasons });
  }
  return ranked.sort((a, b) => b.score - a.score || a.participantId.localeCompare(b.participantId)).slice(0, limit);
}
