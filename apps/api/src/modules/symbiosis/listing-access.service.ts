import { Injectable } from '@nestjs/common';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { ANY_MEMBER, OrganisationAccessService } from '@api/modules/identity/organisations/organisation-access.service.js';
import { NetworkAccessService } from '@api/modules/networks/network-access.service.js';
import type { ListingEntity } from './listing.entity.js';
import { ListingsRepository, type ListingView } from './listings.repository.js';

/**
 * Who may see and change listings. A listing is as visible as the most open of its networks (as for
 * challenges); a draft only to its organisation. Invisible is NOT_FOUND, so nothing leaks; only the
 * posting organisation's members edit.
 */
@Injectable()
export class ListingAccessService {
  constructor(
    private readonly listings: ListingsRepository,
    private readonly networks: NetworkAccessService,
    private readonly organisations: OrganisationAccessService,
  ) {}

  async requireVisible(userId: string, listingId: string): Promise<ListingView> {
    const [view] = await this.listings.views(userId, { id: listingId }, 1);
    if (!view) throw DomainException.notFound('The listing');
    return view;
  }

  async requireEditor(userId: string, listingId: string): Promise<ListingEntity> {
    const view = await this.requireVisible(userId, listingId);
    if (!view.viewerIsMember) throw DomainException.forbidden('Only members of the posting organisation may change this listing.');
    return view.listing;
  }

  requireMemberOf(userId: string, organisationId: string) {
    return this.organisations.require(userId, organisationId, ANY_MEMBER);
  }

  isMemberOf(userId: string, organisationId: string): Promise<boolean> {
    return this.organisations.isMember(userId, organisationId);
  }

  /**
   * The user acts through `organisationId` (a member of it), and the organisation belongs to every
   * network named. A network the user may not see is NOT_FOUND first, so its existence is not confirmed.
   */
  async requireActingMember(userId: string, organisationId: string, networkIds: string[]): Promise<void> {
    await this.organisations.require(userId, organisationId, ANY_MEMBER);
    for (const networkId of new Set(networkIds)) {
      const { standing } = await this.networks.requireVisible(userId, networkId);
      if (!standing.some((s) => s.organisationId === organisationId)) throw DomainException.forbidden('That organisation is not a member of every network named.');
    }
  }
}
