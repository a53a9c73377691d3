import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { PubSubEngine } from 'graphql-subscriptions';
import { CurrentUser } from '@api/platform/auth/current-user.decorator.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import type { Page } from '@api/platform/graphql/pagination.js';
import { UuidPipe } from '@api/platform/graphql/uuid.pipe.js';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import { ListingAccessService } from './listing-access.service.js';
import { ListingIdArgs, ListingsArgs, MatchesArgs, MoveListingArgs, OrganisationDigestArgs, OrganisationIdArgs, PostListingInput, UpdateListingInput } from './listing.input.js';
import type { ListingView } from './listings.repository.js';
import { ListingsService } from './listings.service.js';
import { MatchingService } from './matching.service.js';
import { taxonomy, toCandidate, toListing, toMatch } from './symbiosis.mapper.js';
import { SymbiosisCandidate, SymbiosisListing, SymbiosisListingConnection, SymbiosisMatch, SymbiosisMatchConnection, SymbiosisTaxonomy } from './symbiosis.model.js';
import { symbiosisMatchesTopic } from './symbiosis.topics.js';

@Resolver(() => SymbiosisListing)
export class ListingsResolver {
  constructor(
    private readonly listings: ListingsService,
    private readonly matching: MatchingService,
    private readonly access: ListingAccessService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  private async one(caller: AuthUser, view: ListingView): Promise<SymbiosisListing> {
    return toListing(view, caller.id, await this.listings.visibleNetworkIds(caller, [view.listing]));
  }

  @Query(() => SymbiosisTaxonomy, { description: 'The material taxonomy, the List of Waste entries the hub accepts and the sources of the data.' })
  symbiosisTaxonomy(): SymbiosisTaxonomy {
    return taxonomy();
  }

  @Query(() => SymbiosisListingConnection, { description: 'Symbiosis listings you can see, newest first, or by relevance when searching.' })
  async symbiosisListings(@CurrentUser() caller: AuthUser, @Args() args: ListingsArgs): Promise<Page<SymbiosisListing>> {
    const page = await this.listings.feed(caller, args.filter ?? {}, args.first, args.after);
    const visible = await this.listings.visibleNetworkIds(caller, page.nodes.map((v) => v.listing));
    return { nodes: page.nodes.map((v) => toListing(v, caller.id, visible)), pageInfo: page.pageInfo };
  }

  @Query(() => SymbiosisListing, { description: 'One listing (NOT_FOUND if you may not see it).' })
  async symbiosisListing(@CurrentUser() caller: AuthUser, @Args() args: ListingIdArgs): Promise<SymbiosisListing> {
    return this.one(caller, await this.listings.view(caller, args.listingId));
  }

  @Query(() => [SymbiosisCandidate], {
    description: 'Candidate counterparts of your listing, best first, each with its score, reasons and shipment guidance (members of the posting organisation).',
  })
  async symbiosisCandidates(@CurrentUser() caller: AuthUser, @Args() args: MatchesArgs): Promise<SymbiosisCandidate[]> {
    const candidates = await this.matching.candidates(caller, args.listingId, args.first);
    const visible = await this.listings.visibleNetworkIds(caller, candidates.map((c) => c.view.listing));
    return candidates.map((c) => toCandidate(c, caller.id, visible));
  }

  @Query(() => SymbiosisMatchConnection, { description: 'Digest of the matches found for your organisation’s listings, newest first.' })
  async symbiosisMatchDigest(@CurrentUser() caller: AuthUser, @Args() args: OrganisationDigestArgs): Promise<Page<SymbiosisMatch>> {
    const page = await this.matching.digest(caller, args.organisationId, args.first, args.after);
    return { nodes: page.nodes.map(toMatch), pageInfo: page.pageInfo };
  }

  @Mutation(() => SymbiosisListing, { description: 'Post an OFFER or WANT as DRAFT for your organisation, shown to networks it belongs to.' })
  async postSymbiosisListing(@CurrentUser() caller: AuthUser, @Args('input', { description: 'The listing.' }) input: PostListingInput): Promise<SymbiosisListing> {
    return this.one(caller, await this.listings.post(caller, input));
  }

  @Mutation(() => SymbiosisListing, { description: 'Change a DRAFT or ACTIVE listing (members of the posting organisation).' })
  async updateSymbiosisListing(
    @CurrentUser() caller: AuthUser,
    @Args('listingId', { type: () => ID, description: 'The listing.' }, UuidPipe) listingId: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateListingInput,
  ): Promise<SymbiosisListing> {
    return this.one(caller, await this.listings.update(caller, listingId, input));
  }

  @Mutation(() => SymbiosisListing, { description: 'Move a listing along DRAFT → ACTIVE → RESERVED → EXCHANGED, or to WITHDRAWN (members of the posting organisation). Activating looks for matches.' })
  async moveSymbiosisListing(@CurrentUser() caller: AuthUser, @Args() args: MoveListingArgs): Promise<SymbiosisListing> {
    return this.one(caller, await this.listings.move(caller, args.listingId, args.to));
  }

  @Subscription(() => SymbiosisMatch, {
    description: 'Matches found for your organisation’s listings, as they are found.',
    // Payloads may have crossed Redis as JSON: dates arrive as strings.
    resolve: ({ symbiosisMatchFound: m }: { symbiosisMatchFound: SymbiosisMatch }) => ({ ...m, createdAt: new Date(m.createdAt) }),
  })
  async symbiosisMatchFound(@CurrentUser() caller: AuthUser, @Args() args: OrganisationIdArgs) {
    await this.access.requireMemberOf(caller.id, args.organisationId);
    return this.pubSub.asyncIterableIterator(symbiosisMatchesTopic(args.organisationId));
  }
}
