import { Injectable } from '@nestjs/common';
import { ChallengeStatus } from '@app/contracts';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { OrganisationAccessService, ANY_MEMBER } from '@api/modules/identity/organisations/organisation-access.service.js';
import { NetworkAccessService } from '@api/modules/networks/network-access.service.js';
import type { UserNetworkStanding } from '@api/modules/networks/network-memberships.repository.js';
import type { ChallengeEntity } from './challenge.entity.js';
import { ChallengesRepository } from './challenges.repository.js';

/**
 * Who may see and do what with challenges. A challenge is as visible as its network; a draft only to
 * its posting organisation's members. What is invisible is NOT_FOUND, so nothing leaks.
 */
@Injectable()
export class ChallengeAccessService {
  constructor(
    private readonly challenges: ChallengesRepository,
    private readonly networks: NetworkAccessService,
    private readonly organisations: OrganisationAccessService,
  ) {}

  async requireVisible(userId: string, challengeId: string): Promise<ChallengeEntity> {
    return (await this.requireVisibleWithStanding(userId, challengeId)).challenge;
  }

  /** The challenge and the user's standing in its network (for a membership check without a second query). */
  async requireVisibleWithStanding(userId: string, challengeId: string): Promise<{ challenge: ChallengeEntity; standing: UserNetworkStanding[] }> {
    const challenge = await this.challenges.findById(challengeId);
    if (!challenge) throw DomainException.notFound('The challenge');
    const { standing } = await this.networks.requireVisible(userId, challenge.networkId).catch(() => {
      throw DomainException.notFound('The challenge');
    });
    if (challenge.status === ChallengeStatus.DRAFT && !(await this.organisations.isMember(userId, challenge.organisationId))) {
      throw DomainException.notFound('The challenge');
    }
    return { challenge, standing };
  }

  isPoster(userId: string, challenge: Pick<ChallengeEntity, 'organisationId'>): Promise<boolean> {
    return this.organisations.isMember(userId, challenge.organisationId);
  }

  /**
   * The user acts through `organisationId`: they belong to it and it belongs to the network. A network
   * the user may not see is NOT_FOUND first, so its existence is not confirmed.
   */
  async requireActingMember(userId: string, networkId: string, organisationId: string): Promise<void> {
    const { standing } = await this.networks.requireVisible(userId, networkId);
    await this.organisations.require(userId, organisationId, ANY_MEMBER);
    if (!standing.some((s) => s.organisationId === organisationId)) {
      throw DomainException.forbidden('That organisation is not a member of this network.');
    }
  }

  /** Voting and commenting are for members of the challenge's network. */
  requireNetworkMember(standing: UserNetworkStanding[]): void {
    if (standing.length === 0) throw DomainException.forbidden('Only members of the network may do this.');
  }

  async requirePoster(userId: string, challenge: ChallengeEntity): Promise<void> {
    if (!(await this.isPoster(userId, challenge))) throw DomainException.forbidden('Only the posting organisation may do this.');
  }

  isNetworkAdmin(userId: string, challenge: ChallengeEntity): Promise<boolean> {
    return this.networks.isAdmin(userId, challenge.networkId);
  }
}
