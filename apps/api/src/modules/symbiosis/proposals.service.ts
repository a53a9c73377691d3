import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { DatabaseService } from '@api/platform/database/database.service.js';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { NetworkAccessService } from '@api/modules/networks/network-access.service.js';
import { ListingAccessService } from './listing-access.service.js';
import type { ListingEntity } from './listing.entity.js';
import { ListingsRepository } from './listings.repository.js';
import type { CompleteExchangeInput, ProposeExchangeInput } from './proposal.input.js';
import type { ProposalEntity } from './proposal.entity.js';
import { ProposalsRepository, type ImpactTotals } from './proposals.repository.js';
import { ListingStatus, MAX_PROPOSALS_PER_DAY, ProposalStatus, TONNES_PER_UNIT } from './symbiosis.enums.js';
import { impactFactorOf } from './taxonomy.js';

const DAY = 86_400_000;
/** Three decimals, as stored. */
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * From match to exchange: another organisation proposes a quantity, date and terms; the listing's
 * organisation accepts (reserving the quantity) or declines; either side completes, recording what
 * was exchanged and its impact from the factor table.
 */
@Injectable()
export class ProposalsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly listings: ListingsRepository,
    private readonly proposals: ProposalsRepository,
    private readonly access: ListingAccessService,
    private readonly networks: NetworkAccessService,
  ) {}

  async propose(caller: AuthUser, input: ProposeExchangeInput): Promise<ProposalEntity> {
    const view = await this.access.requireVisible(caller.id, input.listingId);
    await this.access.requireMemberOf(caller.id, input.organisationId);
    if (view.listing.organisationId === input.organisationId) throw DomainException.badInput('An organisation cannot propose an exchange on its own listing.', ['input.organisationId']);
    const now = Date.now();
    if (input.proposedDate.getTime() < now - DAY || input.proposedDate.getTime() > now + 2 * 366 * DAY) {
      throw DomainException.badInput('The proposed date must be today or later, within two years.', ['input.proposedDate']);
    }
    if (input.counterListingId) {
      const counter = await this.listings.findById(input.counterListingId);
      if (!counter || counter.organisationId !== input.organisationId) throw DomainException.badInput('The counter listing must be one of your organisation’s.', ['input.counterListingId']);
      if (counter.kind === view.listing.kind) throw DomainException.badInput('The counter listing must be of the opposite kind (a WANT for an OFFER, or the reverse).', ['input.counterListingId']);
    }
    const proposal = await this.db.transaction(async (manager) => {
      const listing = await this.listings.lockById(input.listingId, manager);
      if (!listing) throw DomainException.notFound('The listing');
      if (listing.status !== ListingStatus.ACTIVE && listing.status !== ListingStatus.RESERVED) throw DomainException.conflict(`Proposals are taken on ACTIVE or RESERVED listings; this one is ${listing.status}.`);
      const available = listing.quantity - listing.reservedQuantity;
      if (input.quantity > available) throw DomainException.badInput(`At most ${round3(available)} ${listing.unit} is still available.`, ['input.quantity']);
      // The daily limit is counted under a lock of the proposing organisation's row, so two concurrent
      // proposals cannot both pass it.
      await this.listings.lockOrganisation(input.organisationId, manager);
      if ((await this.proposals.countLastDay(input.organisationId, manager)) >= MAX_PROPOSALS_PER_DAY) {
        throw DomainException.limitReached(`An organisation may make at most ${MAX_PROPOSALS_PER_DAY} proposals in 24 hours.`);
      }
      return this.proposals.create(
        { listingId: listing.id, counterListingId: input.counterListingId ?? null, fromOrganisationId: input.organisationId, authorId: caller.id, quantity: input.quantity, proposedDate: input.proposedDate, terms: input.terms ?? '' },
        manager,
      );
    });
    return (await this.proposals.withOrganisation(proposal.id))!;
  }

  /** Accept (reserving the quantity; the listing becomes RESERVED) or decline: the listing's organisation. */
  async decide(caller: AuthUser, proposalId: string, accept: boolean): Promise<ProposalEntity> {
    const proposal = await this.requireParty(caller, proposalId);
    if (!(await this.access.isMemberOf(caller.id, proposal.listing.organisationId))) throw DomainException.forbidden('Only the listing’s organisation accepts or declines a proposal.');
    await this.db.transaction(async (manager) => {
      const listing = (await this.listings.lockById(proposal.listing.id, manager))!;
      const current = (await this.proposals.lockById(proposalId, manager))!;
      if (current.status !== ProposalStatus.PENDING) throw DomainException.conflict(`The proposal is ${current.status}; only a PENDING one can be decided.`);
      if (!accept) {
        await this.proposals.update(proposalId, { status: ProposalStatus.DECLINED, decidedById: caller.id, decidedAt: new Date() }, manager);
        return;
      }
      if (listing.status !== ListingStatus.ACTIVE && listing.status !== ListingStatus.RESERVED) throw DomainException.conflict(`The listing is ${listing.status}; it can no longer be reserved.`);
      const reserved = round3(listing.reservedQuantity + current.quantity);
      if (reserved > listing.quantity) throw DomainException.conflict(`Only ${round3(listing.quantity - listing.reservedQuantity)} ${listing.unit} is still available; the proposal asks for ${current.quantity}.`);
      await this.listings.setStatus(listing.id, ListingStatus.RESERVED, manager, reserved);
      await this.proposals.update(proposalId, { status: ProposalStatus.ACCEPTED, decidedById: caller.id, decidedAt: new Date() }, manager);
    });
    return (await this.proposals.withOrganisation(proposalId))!;
  }

  /** Either side records what was exchanged; the impact follows from the material's factors. */
  async complete(caller: AuthUser, input: CompleteExchangeInput): Promise<ProposalEntity> {
    const proposal = await this.requireParty(caller, input.proposalId);
    const member = (await this.access.isMemberOf(caller.id, proposal.listing.organisationId)) || (await this.access.isMemberOf(caller.id, proposal.fromOrganisationId));
    if (!member) throw DomainException.forbidden('Only the two organisations of the exchange complete it.');
    const perUnit = TONNES_PER_UNIT[proposal.listing.unit];
    if (perUnit === undefined && input.massKg === undefined) throw DomainException.badInput(`The listing counts in ${proposal.listing.unit}; give the mass exchanged in kg for the impact figures.`, ['input.massKg']);
    if (input.quantity > proposal.quantity) throw DomainException.badInput(`At most the ${proposal.quantity} ${proposal.listing.unit} accepted can be recorded.`, ['input.quantity']);
    const tonnes = round3(input.massKg !== undefined ? input.massKg / 1000 : input.quantity * perUnit!);
    if (tonnes > 100_000) throw DomainException.badInput('The mass is more than 100,000 t; check the figure.', ['input.massKg']);
    const factor = impactFactorOf(proposal.listing.material);
    await this.db.transaction(async (manager) => {
      const current = (await this.proposals.lockById(input.proposalId, manager))!;
      if (current.status !== ProposalStatus.ACCEPTED) throw DomainException.conflict(`The proposal is ${current.status}; only an ACCEPTED one can be completed.`);
      const listing = (await this.listings.lockById(current.listingId, manager))!;
      await this.proposals.update(
        input.proposalId,
        {
          status: ProposalStatus.COMPLETED,
          exchangedQuantity: input.quantity,
          exchangedTonnes: tonnes,
          divertedTonnes: round3(tonnes * factor.divertedShare),
          co2eAvoidedTonnes: round3(tonnes * factor.co2eAvoidedPerTonne),
          completedAt: new Date(),
        },
        manager,
      );
      // Other accepted proposals may still hold quantity: the listing stays RESERVED until they are done.
      const stillReserved = Math.max(0, round3(listing.reservedQuantity - current.quantity));
      await this.listings.setStatus(listing.id, stillReserved > 0 ? ListingStatus.RESERVED : ListingStatus.EXCHANGED, manager, stillReserved);
      if (current.counterListingId) {
        const counter = await this.listings.lockById(current.counterListingId, manager);
        if (counter && (counter.status === ListingStatus.ACTIVE || counter.status === ListingStatus.RESERVED)) await this.listings.setStatus(counter.id, ListingStatus.EXCHANGED, manager);
      }
    });
    return (await this.proposals.withOrganisation(input.proposalId))!;
  }

  /** Proposals on a listing: its organisation sees all, a proposer only their own. */
  async forListing(caller: AuthUser, listingId: string): Promise<ProposalEntity[]> {
    const view = await this.access.requireVisible(caller.id, listingId);
    const all = await this.proposals.forListing(listingId);
    if (view.viewerIsMember) return all;
    const mine = await Promise.all(all.map((p) => this.access.isMemberOf(caller.id, p.fromOrganisationId)));
    return all.filter((_, i) => mine[i]);
  }

  async impactOfNetwork(caller: AuthUser, networkId: string): Promise<ImpactTotals> {
    await this.networks.requireVisible(caller.id, networkId);
    return this.proposals.impactOfNetwork(networkId);
  }

  /** The proposal and its listing, if the caller may see the listing (NOT_FOUND otherwise). */
  private async requireParty(caller: AuthUser, proposalId: string): Promise<ProposalEntity & { listing: ListingEntity }> {
    const proposal = await this.proposals.findById(proposalId);
    if (!proposal) throw DomainException.notFound('The proposal');
    const view = await this.access.requireVisible(caller.id, proposal.listingId).catch(() => {
      throw DomainException.notFound('The proposal');
    });
    return { ...proposal, listing: view.listing };
  }
}
