import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '@app/events';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { decodeCursor, toPage, type Page } from '@api/platform/graphql/pagination.js';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { ListingAccessService } from './listing-access.service.js';
import type { ListingEntity } from './listing.entity.js';
import { ListingsRepository, type ListingView } from './listings.repository.js';
import { MatchesRepository, type MatchRow } from './matches.repository.js';
import { scoreMatch, type MatchScore, type ScoredSide } from './match-score.js';
import { shipmentGuidance, type ShipmentGuidanceResult } from './shipment-guidance.js';
import { ListingKind, ListingStatus } from './symbiosis.enums.js';
import { compatibleMaterials } from './taxonomy.js';

/** Listings of the opposite kind read before scoring; the newest first. */
const POOL_SIZE = 500;
/** A match is stored and announced from this score (same or compatible material plus some fit). */
export const NOTIFY_FROM_SCORE = 50;
const NOTIFY_AT_MOST = 20;

export interface Candidate {
  view: ListingView;
  match: MatchScore;
  shipment: ShipmentGuidanceResult | null;
}

interface Scored {
  listing: ListingEntity;
  match: MatchScore;
}

function sideOf(listing: ListingEntity, languages: Map<string, string[]>): ScoredSide {
  return { ...listing, languages: languages.get(listing.organisationId) ?? [] };
}

/** Guidance for shipping from the OFFER's country to the WANT's, on the code the OFFER declares. */
export function guidanceFor(a: ListingEntity, b: ListingEntity, at = new Date()): ShipmentGuidanceResult | null {
  const [offer, want] = a.kind === ListingKind.OFFER ? [a, b] : [b, a];
  return shipmentGuidance(offer.country, want.country, offer.ewcCode ?? want.ewcCode, at);
}

/**
 * Candidate counterparts of a listing, scored on the taxonomy, codes, quantities, dates, place,
 * networks and languages (match-score.ts) and never on the words of the listings.
 */
@Injectable()
export class MatchingService {
  constructor(
    private readonly listings: ListingsRepository,
    private readonly matches: MatchesRepository,
    private readonly access: ListingAccessService,
    private readonly events: DomainEventBus,
  ) {}

  private async scored(listing: ListingEntity): Promise<Scored[]> {
    const pool = await this.listings.candidates(listing, compatibleMaterials(listing.material), POOL_SIZE);
    const languages = await this.listings.languagesOf([listing.organisationId, ...new Set(pool.map((c) => c.organisationId))]);
    const me = sideOf(listing, languages);
    return pool
      .map((candidate) => {
        const other = sideOf(candidate, languages);
        const match = listing.kind === ListingKind.OFFER ? scoreMatch(me, other) : scoreMatch(other, me);
        return match ? { listing: candidate, match } : null;
      })
      .filter((s): s is Scored => s !== null)
      .sort((a, b) => b.match.score - a.match.score || b.listing.createdAt.getTime() - a.listing.createdAt.getTime());
  }

  /** For members of the listing's organisation: the best candidates, each with shipment guidance. */
  async candidates(caller: AuthUser, listingId: string, first: number): Promise<Candidate[]> {
    const view = await this.access.requireVisible(caller.id, listingId);
    if (!view.viewerIsMember) throw DomainException.forbidden('Only members of the posting organisation see its candidates.');
    const top = (await this.scored(view.listing)).slice(0, first);
    const views = new Map((await this.listings.views(caller.id, { ids: top.map((s) => s.listing.id) }, top.length)).map((v) => [v.listing.id, v]));
    return top.flatMap((s) => {
      const candidateView = views.get(s.listing.id);
      return candidateView ? [{ view: candidateView, match: s.match, shipment: guidanceFor(view.listing, s.listing) }] : [];
    });
  }

  /** After a listing becomes ACTIVE: stores its good matches not stored before and announces each. */
  async recordNewMatches(listing: ListingEntity, actorId: string): Promise<MatchRow[]> {
    if (listing.status !== ListingStatus.ACTIVE) return [];
    const good = (await this.scored(listing)).filter((s) => s.match.score >= NOTIFY_FROM_SCORE).slice(0, NOTIFY_AT_MOST);
    const stored = await this.matches.insertNew(
      good.map((s) => {
        const [offer, want] = listing.kind === ListingKind.OFFER ? [listing, s.listing] : [s.listing, listing];
        return { offerId: offer.id, wantId: want.id, score: s.match.score, reasons: s.match.reasons };
      }),
    );
    for (const m of stored) {
      this.events.emit('symbiosis.match-found', {
        matchId: m.id,
        offerId: m.offerId,
        wantId: m.wantId,
        offerOrganisationId: m.offerOrganisationId,
        wantOrganisationId: m.wantOrganisationId,
        score: m.score,
        actorId,
      });
    }
    return stored;
  }

  async digest(caller: AuthUser, organisationId: string, first: number, after?: string): Promise<Page<MatchRow>> {
    await this.access.requireMemberOf(caller.id, organisationId);
    const rows = await this.matches.digest(organisationId, first, decodeCursor(after, 'timestamp'));
    return toPage(rows, first, (m) => ({ key: new Date(m.createdAt).toISOString(), id: m.id }));
  }
}
