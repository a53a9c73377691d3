import { Injectable } from '@nestjs/common';
import { SessionPhase } from '@app/contracts';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { MatchmakingAccessService } from './matchmaking-access.service.js';
import { MatchmakingRepository, type ParticipantFilter, type ParticipantView } from './matchmaking.repository.js';
import type { OpportunityEntity } from './opportunity.entity.js';
import type { ParticipantEntity } from './participant.entity.js';
import { recommend, type Recommendation } from './recommendations.js';
import { sessionSlots } from './session-slots.js';

export interface RegistrationFields {
  profile: string;
  languages: string[];
  unavailableSlots: number[];
  opportunities: Pick<OpportunityEntity, 'direction' | 'type' | 'title' | 'description' | 'subsectors' | 'levers' | 'languages'>[];
}

/** Registration of organisations with their offers and requests, the marketplace and recommendations. */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly store: MatchmakingRepository,
    private readonly access: MatchmakingAccessService,
  ) {}

  /** Registers (or updates the registration of) an organisation, while registration is open. */
  async register(userId: string, sessionId: string, organisationId: string, fields: RegistrationFields): Promise<ParticipantEntity> {
    const { session } = await this.access.requireVisible(userId, sessionId);
    await this.access.requireMemberOf(userId, organisationId);
    await this.access.requireEligible(userId, session, organisationId);
    if (session.phase !== SessionPhase.REGISTRATION) throw DomainException.conflict(`Registration is open only in the REGISTRATION phase; the session is ${session.phase}.`);
    if (Date.now() > session.registrationDeadline.getTime()) throw DomainException.deadlinePassed(`Registration closed at ${session.registrationDeadline.toISOString()}.`);
    const slotCount = sessionSlots(session.days, session.slotMinutes, session.timeZone).length;
    if (fields.unavailableSlots.some((s) => s < 0 || s >= slotCount)) throw DomainException.badInput(`Slots are numbered 0 to ${slotCount - 1}.`, ['input.unavailableSlots']);
    const existing = await this.store.findParticipantOf(sessionId, organisationId);
    return this.store.register(
      { ...(existing ?? {}), sessionId, organisationId, contactUserId: existing?.contactUserId ?? userId, profile: fields.profile, languages: fields.languages, unavailableSlots: [...new Set(fields.unavailableSlots)].sort((a, b) => a - b) },
      fields.opportunities,
    );
  }

  async marketplace(userId: string, sessionId: string, filter: ParticipantFilter): Promise<ParticipantView[]> {
    await this.access.requireVisible(userId, sessionId);
    return this.store.participantViews(sessionId, filter);
  }

  /** Participants ranked by complementarity for one of the caller's participations, with reasons. */
  async recommendations(userId: string, participantId: string): Promise<(Recommendation & { view: ParticipantView })[]> {
    const { participant } = await this.access.requireParticipant(userId, participantId);
    const views = await this.store.participantViews(participant.sessionId);
    const profile = (v: ParticipantView) => ({
      participantId: v.participant.id,
      country: v.country,
      languages: v.participant.languages,
      opportunities: v.opportunities.map((o) => ({ direction: o.direction, type: o.type, title: o.title, subsectors: o.subsectors, levers: o.levers })),
    });
    const me = views.find((v) => v.participant.id === participantId)!;
    const byId = new Map(views.map((v) => [v.participant.id, v]));
    return recommend(profile(me), views.map(profile)).map((r) => ({ ...r, view: byId.get(r.participantId)! }));
  }
}
