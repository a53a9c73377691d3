import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { PubSubEngine } from 'graphql-subscriptions';
import { CurrentUser } from '@api/platform/auth/current-user.decorator.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import { Topics } from '@api/platform/realtime/topics.js';
import { ChangeMemberRoleInput, InvitationIdArgs, InviteMemberInput, MemberArgs, OrganisationIdArgs } from './organisation.input.js';
import { OrganisationInvitation } from './organisation.model.js';
import { toInvitation } from './organisation.mapper.js';
import { OrganisationMembersService } from './organisation-members.service.js';

/** Invitations and membership changes. */
@Resolver(() => OrganisationInvitation)
export class InvitationsResolver {
  constructor(
    private readonly members: OrganisationMembersService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  @Query(() => [OrganisationInvitation], { description: 'Pending invitations addressed to your email address.' })
  async myInvitations(@CurrentUser() caller: AuthUser): Promise<OrganisationInvitation[]> {
    return (await this.members.myInvitations(caller)).map(toInvitation);
  }

  @Query(() => [OrganisationInvitation], { description: 'Pending invitations of an organisation (owners and admins).' })
  async organisationInvitations(@CurrentUser() caller: AuthUser, @Args() args: OrganisationIdArgs): Promise<OrganisationInvitation[]> {
    return (await this.members.pendingInvitations(caller, args.organisationId)).map(toInvitation);
  }

  @Mutation(() => OrganisationInvitation, { description: 'Invite someone by email address (owners and admins; only owners invite owners).' })
  async inviteMember(@CurrentUser() caller: AuthUser, @Args('input', { description: 'Who and with which role.' }) input: InviteMemberInput): Promise<OrganisationInvitation> {
    return toInvitation(await this.members.invite(caller, input));
  }

  @Mutation(() => OrganisationInvitation, { description: 'Accept an invitation addressed to you.' })
  async acceptInvitation(@CurrentUser() caller: AuthUser, @Args() args: InvitationIdArgs): Promise<OrganisationInvitation> {
    return toInvitation(await this.members.accept(caller, args.invitationId));
  }

  @Mutation(() => OrganisationInvitation, { description: 'Decline an invitation addressed to you.' })
  async declineInvitation(@CurrentUser() caller: AuthUser, @Args() args: InvitationIdArgs): Promise<OrganisationInvitation> {
    return toInvitation(await this.members.decline(caller, args.invitationId));
  }

  @Mutation(() => OrganisationInvitation, { description: 'Withdraw a pending invitation (owners and admins).' })
  async revokeInvitation(@CurrentUser() caller: AuthUser, @Args() args: InvitationIdArgs): Promise<OrganisationInvitation> {
    return toInvitation(await this.members.revoke(caller, args.invitationId));
  }

  @Mutation(() => Boolean, { description: 'Leave an organisation. The last owner cannot leave (CONFLICT).' })
  async leaveOrganisation(@CurrentUser() caller: AuthUser, @Args() args: OrganisationIdArgs): Promise<boolean> {
    await this.members.leave(caller, args.organisationId);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Change a member’s role. Owners change anyone; admins change members and admins.' })
  async changeMemberRole(@CurrentUser() caller: AuthUser, @Args('input', { description: 'Member and new role.' }) input: ChangeMemberRoleInput): Promise<boolean> {
    await this.members.changeRole(caller, input.organisationId, input.userId, input.role);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Remove a member. Owners remove anyone but the last owner; admins remove members.' })
  async removeMember(@CurrentUser() caller: AuthUser, @Args() args: MemberArgs): Promise<boolean> {
    await this.members.remove(caller, args.organisationId, args.userId);
    return true;
  }

  @Subscription(() => OrganisationInvitation, {
    description: 'Invitations addressed to you, as they are sent.',
    // Payloads may have crossed Redis as JSON: dates arrive as strings.
    resolve: ({ invitationReceived: i }: { invitationReceived: OrganisationInvitation }): OrganisationInvitation => ({
      ...i,
      createdAt: new Date(i.createdAt),
      expiresAt: new Date(i.expiresAt),
      organisation: { ...i.organisation, createdAt: new Date(i.organisation.createdAt) },
    }),
  })
  invitationReceived(@CurrentUser() caller: AuthUser) {
    return this.pubSub.asyncIterableIterator(Topics.invitationReceived(caller.id));
  }
}
