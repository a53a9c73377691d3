import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SessionPhase } from '@app/contracts';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { MatchmakingAccessService } from './matchmaking-access.service.js';
import { MatchmakingRepository, type ParticipantFilter, type ParticipantView } from './matchmaking.repository.js';
import type { OpportunityEntity } from './opportunity.entity.js';
import { ParticipantEntity } from './participant.entity.js';
import { AgendaEvents } from './agenda-events.js';
import { recommend, type Recommendation } from './recommendations.js';
import { sessionSlots, slotStartingAt } from './session-slots.js';
import { isTimeZone } from './zoned-time.js';
import { UsersRepository } from '@api/modules/identity/users/users.repository.js';
import type { MatchmakingSessionEntity } from './session.entity.js';

const WITHDRAWABLE = new Set([SessionPhase.REGISTRATION, SessionPhase.REQUESTS]);

export interface RegistrationFields {
  profile: string;
  languages: string[];
  /** IANA time zone; by default the one given before, else the registering user's. */
  timeZone?: string;
  /** Starts of slots the participant cannot attend. */
  unavailableTimes: Date[];
  opportunities: Pick<OpportunityEntity, 'direction' | 'type' | 'title' | 'description' | 'subsectors' | 'levers' | 'languages'>[];
}

/** Registration of organisations with their offers and requests, the marketplace and recommendations. */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly store: MatchmakingRepository,
    private readonly access: MatchmakingAccessService,
    private readonly users: UsersRepository,
    private readonly dataSource: DataSource,
    private readonly agenda: AgendaEvents,
  ) {}

  /** Registers (or updates the registration of) an organisation, while registration is open. */
  async register(userId: string, sessionId: string, organisationId: string, fields: RegistrationFields): Promise<ParticipantEntity> {
    const { session } = await this.access.requireVisible(userId, sessionId);
    await this.access.requireMemberOf(userId, organisationId);
    await this.access.requireEligible(userId, session, organisationId);
    if (session.phase !== SessionPhase.REGISTRATION) throw DomainException.conflict(`Registration is open only in the REGISTRATION phase; the session is ${session.phase}.`);
    if (Date.now() > session.registrationDeadline.getTime()) throw DomainException.deadlinePassed(`Registration closed at ${session.registrationDeadline.toISOString()}.`);
    const slots = sessionSlots(session.days, session.slotMinutes, session.timeZone);
    const unavailable = fields.unavailableTimes.map((time, i) => {
      const slot = slotStartingAt(slots, time);
      if (!slot) throw DomainException.badInput(`${time.toISOString()} is not the start of one of the session’s slots (see the session’s slots).`, [`input.unavailableTimes.${i}`]);
      return slot.index;
    });
    if (fields.timeZone !== undefined && !isTimeZone(fields.timeZone)) throw DomainException.badInput('Not a known IANA time zone.', ['input.timeZone']);
    const existing = await this.store.findParticipantOf(sessionId, organisationId);
    const timeZone = fields.timeZone ?? existing?.timeZone ?? (await this.users.findById(userId))?.timeZone ?? session.timeZone;
    return this.store.register(
      {
        ...(existing ?? {}),
        sessionId,
        organisationId,
        contactUserId: existing?.contactUserId ?? userId,
        profile: fields.profile,
        languages: fields.languages,
        timeZone,
        unavailableSlots: [...new Set(unavailable)].sort((a, b) => a - b),
      },
      fields.opportunities,
    );
  }

  /**
   * A member of the participating organisation withdraws its registration, until the session is
   * scheduled (REGISTRATION or REQUESTS; later the schedule is announced and single meetings are
   * cancelled instead). The participation goes with its offers and its requests, sent and received; each
   * of its meetings is cancelled, and the other side hears MEETING_CANCELLED on its agenda subscription.
   * The organisation may register again while registration is open.
   */
  async withdraw(userId: string, participantId: string): Promise<MatchmakingSessionEntity> {
    const { participant, session } = await this.access.requireParticipant(userId, participantId);
    const cancelled = await this.dataSource.transaction(async (manager) => {
      // The session's lock: a scheduling run or a late placement never sees half a withdrawal.
      const locked = (await this.store.lockSession(session.id, manager))!;
      if (!WITHDRAWABLE.has(locked.phase)) {
        throw DomainException.deadlinePassed(`A registration is withdrawn until the session is scheduled; the session is ${locked.phase}. Cancel single meetings instead.`);
      }
      const meetings = await this.store.meetingsOfParticipant(participant.id, manager);
      // Opportunities, requests and meetings go with it (foreign keys cascade).
      await manager.delete(ParticipantEntity, { id: participant.id });
      return { meetings, version: locked.scheduleVersion };
    });
    for (const meeting of cancelled.meetings) {
      const other = meeting.participantAId === participant.id ? meeting.participantBId : meeting.participantAId;
      await this.agenda.changed([other], { sessionId: session.id, scheduleVersion: cancelled.version, change: 'MEETING_CANCELLED', meetingId: meeting.id });
    }
    return session;
  }

  async marketplace(userId: string, sessionId: string, filter: ParticipantFilter): Promise<{ session: MatchmakingSessionEntity; views: ParticipantView[] }> {
    const { session } = await this.access.requireVisible(userId, sessionId);
    return { session, views: await this.store.participantViews(sessionId, filter) };
  }

  /** Participants ranked by complementarity for one of the caller's participations, with reasons. */
  async recommendations(userId: string, participantId: string): Promise<{ session: MatchmakingSessionEntity; ranked: (Recommendation & { view: ParticipantView })[] }> {
    const { participant, session } = await this.access.requireParticipant(userId, participantId);
    const views = await this.store.participantViews(participant.sessionId);
    const profile = (v: ParticipantView) => ({
      participantId: v.participant.id,
      country: v.country,
      languages: v.participant.languages,
      opportunities: v.opportunities.map((o) => ({ direction: o.direction, type: o.type, title: o.title, subsectors: o.subsectors, levers: o.levers })),
    });
    const me = views.find((v) => v.participant.id === participantId)!;
    const byId = new Map(views.map((v) => [v.participant.id, v]));
    return { session, ranked: recommend(profile(me), views.map(profile)).map((r) => ({ ...r, view: byId.get(r.participantId)! })) };
  }
}
