import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { PubSubEngine } from 'graphql-subscriptions';
import { OrganisationRole } from '@app/contracts';
import { CurrentUser } from '@api/platform/auth/current-user.decorator.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { PageArgs, type Page } from '@api/platform/graphql/pagination.js';
import { UuidPipe } from '@api/platform/graphql/uuid.pipe.js';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import { Topics } from '@api/platform/realtime/topics.js';
import { CreateOrganisationInput, OrganisationIdArgs, OrganisationsArgs, UpdateOrganisationInput } from './organisation.input.js';
import { Organisation, OrganisationChange, OrganisationConnection, OrganisationMember, OrganisationMemberConnection } from './organisation.model.js';
import { toOrganisation, toOrganisationMember } from './organisation.mapper.js';
import { OrganisationsService } from './organisations.service.js';
import { OrganisationAccessService, ANY_MEMBER } from './organisation-access.service.js';
import type { GraphQLRequestContext } from '@api/platform/graphql/graphql-context.js';

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(
    private readonly service: OrganisationsService,
    private readonly access: OrganisationAccessService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  @Query(() => Organisation, { description: 'One organisation.' })
  async organisation(@Args() args: OrganisationIdArgs): Promise<Organisation> {
    return toOrganisation(await this.service.get(args.organisationId));
  }

  @Query(() => OrganisationConnection, { description: 'The directory of organisations, by name.' })
  async organisations(@Args() args: OrganisationsArgs): Promise<Page<Organisation>> {
    const page = await this.service.list({ country: args.country, kind: args.kind }, args.first, args.after);
    return { nodes: page.nodes.map(toOrganisation), pageInfo: page.pageInfo };
  }

  @Query(() => [OrganisationMember], { description: 'Your memberships (at most 100).' })
  async myOrganisations(@CurrentUser() caller: AuthUser): Promise<OrganisationMember[]> {
    return (await this.service.myMemberships(caller)).map((m) => toOrganisationMember(m, caller.id));
  }

  @Mutation(() => Organisation, { description: 'Create an organisation; you become its owner.' })
  async createOrganisation(@CurrentUser() caller: AuthUser, @Args('input', { description: 'The organisation.' }) input: CreateOrganisationInput): Promise<Organisation> {
    return toOrganisation(await this.service.create(caller, input));
  }

  @Mutation(() => Organisation, { description: 'Change an organisation (owners and admins).' })
  async updateOrganisation(
    @CurrentUser() caller: AuthUser,
    @Args('organisationId', { type: () => ID, description: 'The organisation.' }, UuidPipe) organisationId: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateOrganisationInput,
  ): Promise<Organisation> {
    return toOrganisation(await this.service.update(caller, organisationId, input));
  }

  @ResolveField(() => OrganisationMemberConnection, { description: 'Members, oldest first; visible to members only.' })
  async members(@CurrentUser() caller: AuthUser, @Parent() organisation: Organisation, @Args() page: PageArgs): Promise<Page<OrganisationMember>> {
    const result = await this.service.membersPage(caller, organisation.id, page.first, page.after);
    return { nodes: result.nodes.map((m) => toOrganisationMember(m, caller.id)), pageInfo: result.pageInfo };
  }

  @ResolveField(() => OrganisationRole, { nullable: true, description: 'Your role here, or null if you are not a member.' })
  viewerRole(@CurrentUser() caller: AuthUser, @Parent() organisation: Organisation) {
    return this.service.viewerRole(caller, organisation.id);
  }

  @Subscription(() => OrganisationChange, {
    description: 'Changes to an organisation you belong to. Ends delivering if you leave it.',
    // Payloads may have crossed Redis as JSON: dates arrive as strings.
    resolve: (payload: { organisationChanged: OrganisationChange }) => ({ ...payload.organisationChanged, at: new Date(payload.organisationChanged.at) }),
    filter: async function (this: OrganisationsResolver, payload: { organisationChanged: OrganisationChange }, _args: unknown, ctx: GraphQLRequestContext) {
      // Membership can end mid-stream: check on every event, not only at subscribe time.
      return ctx.user !== null && (await this.access.isMember(ctx.user.id, payload.organisationChanged.organisationId));
    },
  })
  async organisationChanged(@CurrentUser() caller: AuthUser, @Args() args: OrganisationIdArgs) {
    await this.access.require(caller.id, args.organisationId, ANY_MEMBER);
    return this.pubSub.asyncIterableIterator(Topics.organisationChanged(args.organisationId));
  }
}
