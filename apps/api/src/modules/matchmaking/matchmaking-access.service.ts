import { Injectable } from '@nestjs/common';
import { OrganisationKind, SessionPhase } from '@app/contracts';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { ANY_MEMBER, OrganisationAccessService } from '@api/modules/identity/organisations/organisation-access.service.js';
import { NetworkAccessService } from '@api/modules/networks/network-access.service.js';
import type { MatchmakingSessionEntity } from './session.entity.js';
import type { ParticipantEntity } from './participant.entity.js';
import { MatchmakingRepository } from './matchmaking.repository.js';

/**
 * Who may do what in matchmaking:
 * - organisers are the members of the hosting organisation; a session is hosted by a municipality, or
 *   by an organisation whose member is an admin of the session's network;
 * - a session is visible like its network (public without one); a draft only to its organisers;
 * - a participant is an organisation: any of its members acts for it, and sees its requests and agenda.
 * What a user may not see is NOT_FOUND, so nothing leaks.
 */
@Injectable()
export class MatchmakingAccessService {
  constructor(
    private readonly store: MatchmakingRepository,
    private readonly organisations: OrganisationAccessService,
    private readonly networks: NetworkAccessService,
  ) {}

  /** The caller may host a session for this organisation (and network). */
  async requireHost(userId: string, organisationId: string, networkId: string | null): Promise<void> {
    const { organisation } = await this.organisations.require(userId, organisationId, ANY_MEMBER);
    if (networkId) {
      await this.networks.requireVisible(userId, networkId);
      if (organisation.kind !== OrganisationKind.MUNICIPALITY && !(await this.networks.isAdmin(userId, networkId))) {
        throw DomainException.forbidden('Sessions are hosted by municipalities or by admins of the network.');
      }
    } else if (organisation.kind !== OrganisationKind.MUNICIPALITY) {
      throw DomainException.forbidden('Public sessions are hosted by municipalities; for a network session, name the network you administer.');
    }
  }

  isOrganiser(userId: string, session: MatchmakingSessionEntity): Promise<boolean> {
    return this.organisations.isMember(userId, session.organiserOrganisationId);
  }

  async requireVisible(userId: string, sessionId: string): Promise<{ session: MatchmakingSessionEntity; organiser: boolean }> {
    const session = await this.store.findSession(sessionId);
    if (!session) throw DomainException.notFound('The session');
    const organiser = await this.isOrganiser(userId, session);
    if (organiser) return { session, organiser };
    if (session.phase === SessionPhase.DRAFT) throw DomainException.notFound('The session');
    if (session.networkId) {
      const { standing } = await this.networks.requireVisible(userId, session.networkId).catch(() => {
        throw DomainException.notFound('The session');
      });
      if (standing.length === 0) throw DomainException.notFound('The session');
    }
    return { session, organiser };
  }

  async requireOrganiser(userId: string, sessionId: string): Promise<MatchmakingSessionEntity> {
    const { session, organiser } = await this.requireVisible(userId, sessionId);
    if (!organiser) throw DomainException.forbidden('Only the session’s organisers may do this.');
    return session;
  }

  /** The participant, its session, and that the caller acts for it (a member of its organisation). */
  async requireParticipant(userId: string, participantId: string): Promise<{ participant: ParticipantEntity; session: MatchmakingSessionEntity }> {
    const participant = await this.store.findParticipant(participantId);
    if (!participant) throw DomainException.notFound('The participant');
    const { session } = await this.requireVisible(userId, participant.sessionId).catch(() => {
      throw DomainException.notFound('The participant');
    });
    if (!(await this.organisations.isMember(userId, participant.organisationId))) throw DomainException.forbidden('Only members of the participating organisation may do this.');
    return { participant, session };
  }

  /** The caller acts for the participant, or organises its session. */
  async requireParticipantOrOrganiser(userId: string, participantId: string): Promise<{ participant: ParticipantEntity; session: MatchmakingSessionEntity; organiser: boolean }> {
    const participant = await this.store.findParticipant(participantId);
    if (!participant) throw DomainException.notFound('The participant');
    const { session, organiser } = await this.requireVisible(userId, participant.sessionId).catch(() => {
      throw DomainException.notFound('The participant');
    });
    if (!organiser && !(await this.organisations.isMember(userId, participant.organisationId))) throw DomainException.forbidden('Only the participant and the organisers may do this.');
    return { participant, session, organiser };
  }

  requireMemberOf(userId: string, organisationId: string) {
    return this.organisations.require(userId, organisationId, ANY_MEMBER);
  }

  /** Network sessions take only organisations that belong to the network. */
  async requireEligible(userId: string, session: MatchmakingSessionEntity, organisationId: string): Promise<void> {
    if (!session.networkId) return;
    const standing = await this.networks.standing(userId, session.networkId);
    if (!standing.some((s) => s.organisationId === organisationId)) throw DomainException.forbidden('That organisation is not a member of the session’s network.');
  }
}
