import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '@api/platform/auth/current-user.decorator.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { NetworkImpactArgs } from './listing.input.js';
import { ListingsRepository } from './listings.repository.js';
import { ChatChannel } from '@api/modules/chat/chat.model.js';
import { toChatChannel } from '@api/modules/chat/chat.mapper.js';
import { ConversationsService } from './conversations.service.js';
import { CompleteExchangeInput, DecideProposalArgs, ListingProposalsArgs, ProposeExchangeInput, StartConversationArgs } from './proposal.input.js';
import type { ProposalEntity } from './proposal.entity.js';
import { ProposalsService } from './proposals.service.js';
import { IMPACT_SOURCE } from './data/impact-factors.data.js';
import { toProposal } from './symbiosis.mapper.js';
import { SymbiosisImpact, SymbiosisProposal } from './symbiosis.model.js';

@Resolver(() => SymbiosisProposal)
export class ProposalsResolver {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly listings: ListingsRepository,
    private readonly conversations: ConversationsService,
  ) {}

  private async mapped(p: ProposalEntity): Promise<SymbiosisProposal> {
    const listing = await this.listings.findById(p.listingId);
    return toProposal(p, listing!.unit);
  }

  @Query(() => [SymbiosisProposal], { description: 'Proposals on a listing, newest first: all of them for its organisation, your own otherwise.' })
  async symbiosisProposals(@CurrentUser() caller: AuthUser, @Args() args: ListingProposalsArgs): Promise<SymbiosisProposal[]> {
    const listing = await this.listings.findById(args.listingId);
    const all = await this.proposals.forListing(caller, args.listingId);
    return all.map((p) => toProposal(p, listing!.unit));
  }

  @Query(() => SymbiosisImpact, { description: 'Impact of the completed exchanges of listings shown to a network (factors and method in docs/symbiosis.md).' })
  async symbiosisImpact(@CurrentUser() caller: AuthUser, @Args() args: NetworkImpactArgs): Promise<SymbiosisImpact> {
    return { ...(await this.proposals.impactOfNetwork(caller, args.networkId)), factorSource: IMPACT_SOURCE };
  }

  @Mutation(() => SymbiosisProposal, { description: 'Propose a quantity, date and terms on another organisation’s ACTIVE or RESERVED listing (at most 20 proposals per organisation in 24 h).' })
  async proposeSymbiosisExchange(@CurrentUser() caller: AuthUser, @Args('input', { description: 'The proposal.' }) input: ProposeExchangeInput): Promise<SymbiosisProposal> {
    return this.mapped(await this.proposals.propose(caller, input));
  }

  @Mutation(() => SymbiosisProposal, { description: 'Accept (reserving the quantity) or decline a PENDING proposal on your organisation’s listing.' })
  async decideSymbiosisProposal(@CurrentUser() caller: AuthUser, @Args() args: DecideProposalArgs): Promise<SymbiosisProposal> {
    return this.mapped(await this.proposals.decide(caller, args.proposalId, args.accept));
  }

  @Mutation(() => SymbiosisProposal, { description: 'Record what an ACCEPTED proposal actually exchanged; the listing becomes EXCHANGED and the impact is computed from the factor table.' })
  async completeSymbiosisExchange(@CurrentUser() caller: AuthUser, @Args('input', { description: 'What was exchanged.' }) input: CompleteExchangeInput): Promise<SymbiosisProposal> {
    return this.mapped(await this.proposals.complete(caller, input));
  }

  @Mutation(() => ChatChannel, {
    description:
      'Start a conversation: opens (or returns) the SYMBIOSIS chat channel between your organisation and the listing’s, about that listing. Members of both organisations read and write it (those who joined since are added when it is opened again); to anyone else it does not exist.',
  })
  async startSymbiosisConversation(@CurrentUser() caller: AuthUser, @Args() args: StartConversationArgs): Promise<ChatChannel> {
    return toChatChannel(await this.conversations.start(caller, args.listingId, args.organisationId));
  }
}
