import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '@api/platform/auth/current-user.decorator.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { DecideArgs, InviteOrganisationInput, JoinRequestsArgs, NetworkMemberArgs, NetworkMemberRoleArgs, RequestIdArgs, RequestToJoinInput } from './network.input.js';
import { NetworkJoinRequest } from './network.model.js';
import { toJoinRequest } from './network.mapper.js';
import { NetworkMembershipService } from './network-membership.service.js';

/** Organisations joining, leaving and being managed in networks. */
@Resolver(() => NetworkJoinRequest)
export class NetworkMembershipResolver {
  constructor(private readonly membership: NetworkMembershipService) {}

  @Mutation(() => NetworkJoinRequest, { description: 'Ask, for an organisation you own or administer, to join a public network.' })
  async requestToJoinNetwork(@CurrentUser() caller: AuthUser, @Args('input', { description: 'Network, organisation and note.' }) input: RequestToJoinInput): Promise<NetworkJoinRequest> {
    return toJoinRequest(await this.membership.requestToJoin(caller, input.networkId, input.organisationId, input.message));
  }

  @Mutation(() => NetworkJoinRequest, { description: 'Invite an organisation into a network (network admins).' })
  async inviteOrganisationToNetwork(@CurrentUser() caller: AuthUser, @Args('input', { description: 'Network, organisation and note.' }) input: InviteOrganisationInput): Promise<NetworkJoinRequest> {
    return toJoinRequest(await this.membership.invite(caller, input.networkId, input.organisationId, input.message));
  }

  @Mutation(() => NetworkJoinRequest, { description: 'Approve or reject a join request (network admins), or accept or decline an invitation (the invited organisation’s owners and admins).' })
  async decideNetworkJoinRequest(@CurrentUser() caller: AuthUser, @Args() args: DecideArgs): Promise<NetworkJoinRequest> {
    return toJoinRequest(await this.membership.decide(caller, args.requestId, args.approve));
  }

  @Mutation(() => NetworkJoinRequest, { description: 'Withdraw a pending request or invitation you made.' })
  async withdrawNetworkJoinRequest(@CurrentUser() caller: AuthUser, @Args() args: RequestIdArgs): Promise<NetworkJoinRequest> {
    return toJoinRequest(await this.membership.withdraw(caller, args.requestId));
  }

  @Query(() => [NetworkJoinRequest], { description: 'Join requests and invitations of a network (network admins), newest first, at most 100.' })
  async networkJoinRequests(@CurrentUser() caller: AuthUser, @Args() args: JoinRequestsArgs): Promise<NetworkJoinRequest[]> {
    return (await this.membership.pendingForNetwork(caller, args.networkId, args.status)).map(toJoinRequest);
  }

  @Query(() => [NetworkJoinRequest], { description: 'Pending requests and invitations of the organisations you own or administer.' })
  async myNetworkJoinRequests(@CurrentUser() caller: AuthUser): Promise<NetworkJoinRequest[]> {
    return (await this.membership.pendingForMyOrganisations(caller)).map(toJoinRequest);
  }

  @Mutation(() => Boolean, { description: 'Take an organisation you own or administer out of a network. The last admin organisation cannot leave (CONFLICT).' })
  async leaveNetwork(@CurrentUser() caller: AuthUser, @Args() args: NetworkMemberArgs): Promise<boolean> {
    await this.membership.leave(caller, args.networkId, args.organisationId);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Remove a member organisation (network admins). The last admin organisation stays (CONFLICT).' })
  async removeNetworkMember(@CurrentUser() caller: AuthUser, @Args() args: NetworkMemberArgs): Promise<boolean> {
    await this.membership.remove(caller, args.networkId, args.organisationId);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Change a member organisation’s role (network admins).' })
  async changeNetworkMemberRole(@CurrentUser() caller: AuthUser, @Args() args: NetworkMemberRoleArgs): Promise<boolean> {
    await this.membership.changeRole(caller, args.networkId, args.organisationId, args.role);
    return true;
  }
}
