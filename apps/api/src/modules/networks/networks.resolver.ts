import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { PubSubEngine } from 'graphql-subscriptions';
import { NetworkRole } from '@app/contracts';
import { CurrentUser } from '@api/platform/auth/current-user.decorator.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import type { GraphQLRequestContext } from '@api/platform/graphql/graphql-context.js';
import type { Page } from '@api/platform/graphql/pagination.js';
import { UuidPipe } from '@api/platform/graphql/uuid.pipe.js';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import { Topics } from '@api/platform/realtime/topics.js';
import { CreateNetworkInput, NetworkIdArgs, NetworkMembersArgs, NetworksArgs, UpdateNetworkInput } from './network.input.js';
import { Network, NetworkActivity, NetworkConnection, NetworkMember, NetworkMemberConnection } from './network.model.js';
import { toNetwork, toNetworkMember } from './network.mapper.js';
import { NetworkAccessService } from './network-access.service.js';
import { NetworksService } from './networks.service.js';

@Resolver(() => Network)
export class NetworksResolver {
  constructor(
    private readonly service: NetworksService,
    private readonly access: NetworkAccessService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  @Query(() => NetworkConnection, { description: 'Networks and clusters you can see: every public one and the private ones your organisations belong to, by name.' })
  async networks(@CurrentUser() caller: AuthUser, @Args() args: NetworksArgs): Promise<Page<Network>> {
    const result = await this.service.visiblePage(caller, { kind: args.kind, country: args.country }, args.first, args.after);
    return { nodes: result.nodes.map(toNetwork), pageInfo: result.pageInfo };
  }

  @Query(() => Network, { description: 'One network or cluster (NOT_FOUND if it is private and you are not a member).' })
  async network(@CurrentUser() caller: AuthUser, @Args() args: NetworkIdArgs): Promise<Network> {
    return toNetwork(await this.service.get(caller, args.networkId));
  }

  @Mutation(() => Network, { description: 'Create a cluster or network for one of your organisations, which becomes its admin.' })
  async createNetwork(@CurrentUser() caller: AuthUser, @Args('input', { description: 'The network.' }) input: CreateNetworkInput): Promise<Network> {
    return toNetwork(await this.service.create(caller, input));
  }

  @Mutation(() => Network, { description: 'Change a network (its admins).' })
  async updateNetwork(
    @CurrentUser() caller: AuthUser,
    @Args('networkId', { type: () => ID, description: 'The network.' }, UuidPipe) networkId: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateNetworkInput,
  ): Promise<Network> {
    return toNetwork(await this.service.update(caller, networkId, input));
  }

  @ResolveField(() => NetworkMemberConnection, { description: 'The member directory, by organisation name, filtered by country, kind and subsector.' })
  async members(@CurrentUser() caller: AuthUser, @Parent() network: Network, @Args() args: NetworkMembersArgs): Promise<Page<NetworkMember>> {
    const page = await this.service.directory(caller, network.id, { country: args.country, kind: args.kind, subsector: args.subsector }, args.first, args.after);
    return { nodes: page.nodes.map(toNetworkMember), pageInfo: page.pageInfo };
  }

  @ResolveField(() => Int, { description: 'How many organisations take part.' })
  memberCount(@Parent() network: Network): Promise<number> {
    return this.service.memberCount(network.id);
  }

  @ResolveField(() => NetworkRole, { nullable: true, description: 'Your best role here through your organisations, or null if none of them is a member.' })
  viewerRole(@CurrentUser() caller: AuthUser, @Parent() network: Network) {
    return this.service.viewerRole(caller, network.id);
  }

  @Subscription(() => NetworkActivity, {
    description: 'Activity in a network you can see: members joining, leaving or changing role, challenges opened.',
    filter: async function (this: NetworksResolver, payload: { networkActivity: NetworkActivity }, _args: unknown, ctx: GraphQLRequestContext) {
      // Visibility can end mid-stream (an organisation leaves a private network): checked per event.
      if (!ctx.user) return false;
      return this.access.requireVisible(ctx.user.id, payload.networkActivity.networkId).then(
        () => true,
        () => false,
      );
    },
    resolve: (payload: { networkActivity: NetworkActivity }) => ({ ...payload.networkActivity, at: new Date(payload.networkActivity.at) }),
  })
  async networkActivity(@CurrentUser() caller: AuthUser, @Args() args: NetworkIdArgs) {
    await this.access.requireVisible(caller.id, args.networkId);
    return this.pubSub.asyncIterableIterator(Topics.networkActivity(args.networkId));
  }
}
