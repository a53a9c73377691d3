import { Injectable } from '@nestjs/common';
import { InvitationStatus, OrganisationRole } from '@app/contracts';
import { DomainEventBus } from '@app/events';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { DatabaseService } from '@api/platform/database/database.service.js';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { UsersRepository } from '@api/modules/identity/users/users.repository.js';
import { normaliseEmail } from '@api/modules/identity/auth/auth.service.js';
import { MANAGERS, OrganisationAccessService } from './organisation-access.service.js';
import type { InviteMemberInput } from './organisation.input.js';
import type { OrganisationInvitationEntity } from './organisation-invitation.entity.js';
import { OrganisationInvitationsRepository } from './organisation-invitations.repository.js';
import { OrganisationMembersRepository } from './organisation-members.repository.js';
import { OrganisationsRepository } from './organisations.repository.js';

const INVITATION_DAYS = 14;
const KEEP_AN_OWNER = 'An organisation must always keep an owner: make another member owner first.';

/**
 * Membership changes: invitations, accepting, leaving, roles, removal. Every change that could leave
 * an organisation without an owner locks the organisation row first, so two owners leaving at once
 * cannot both succeed.
 */
@Injectable()
export class OrganisationMembersService {
  constructor(
    private readonly db: DatabaseService,
    private readonly access: OrganisationAccessService,
    private readonly organisations: OrganisationsRepository,
    private readonly members: OrganisationMembersRepository,
    private readonly invitations: OrganisationInvitationsRepository,
    private readonly users: UsersRepository,
    private readonly events: DomainEventBus,
  ) {}

  async invite(caller: AuthUser, input: InviteMemberInput): Promise<OrganisationInvitationEntity> {
    const { organisation, membership } = await this.access.require(caller.id, input.organisationId, MANAGERS);
    if (input.role === OrganisationRole.OWNER && membership.role !== OrganisationRole.OWNER) {
      throw DomainException.forbidden('Only an owner may invite another owner.');
    }
    const email = normaliseEmail(input.email);
    const invitee = await this.users.findByEmail(email);
    if (invitee && (await this.access.isMember(invitee.id, organisation.id))) {
      throw DomainException.conflict('This person is already a member.');
    }
    let invitation: OrganisationInvitationEntity;
    try {
      invitation = await this.invitations.create({
        organisationId: organisation.id,
        email,
        role: input.role,
        invitedById: caller.id,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      });
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') {
        throw DomainException.conflict('An invitation to this address is already pending.');
      }
      throw error;
    }
    invitation.organisation = organisation;
    this.events.emit('organisation.invitation.created', {
      invitationId: invitation.id,
      organisationId: organisation.id,
      organisationName: organisation.name,
      email,
      inviteeId: invitee?.id ?? null,
      role: input.role,
      actorId: caller.id,
    });
    return invitation;
  }

  async myInvitations(caller: AuthUser): Promise<OrganisationInvitationEntity[]> {
    const user = await this.users.findById(caller.id);
    return user ? this.invitations.listOpenForEmail(user.email) : [];
  }

  async pendingInvitations(caller: AuthUser, organisationId: string): Promise<OrganisationInvitationEntity[]> {
    await this.access.require(caller.id, organisationId, MANAGERS);
    return this.invitations.listPendingForOrganisation(organisationId);
  }

  /** Loads an invitation addressed to the caller; someone else's is reported as not found. */
  private async addressedToCaller(caller: AuthUser, invitationId: string): Promise<OrganisationInvitationEntity> {
    const [user, invitation] = await Promise.all([this.users.findById(caller.id), this.invitations.findById(invitationId)]);
    if (!user || !invitation || invitation.email !== user.email) throw DomainException.notFound('The invitation');
    if (invitation.status !== InvitationStatus.PENDING) throw DomainException.lifecycle('This invitation', invitation.status, []);
    if (invitation.expiresAt.getTime() <= Date.now()) throw DomainException.conflict('This invitation has expired; ask for a new one.');
    return invitation;
  }

  async accept(caller: AuthUser, invitationId: string): Promise<OrganisationInvitationEntity> {
    const invitation = await this.addressedToCaller(caller, invitationId);
    const alreadyMember = await this.access.isMember(caller.id, invitation.organisationId);
    await this.db.transaction(async (manager) => {
      if (!(await this.invitations.close(invitation.id, InvitationStatus.ACCEPTED, manager))) {
        throw DomainException.nowFinal('This invitation was answered already; an answered invitation is final.');
      }
      if (!alreadyMember) await this.members.add(invitation.organisationId, caller.id, invitation.role, manager);
    });
    if (!alreadyMember) {
      this.events.emit('organisation.member.added', { organisationId: invitation.organisationId, userId: caller.id, role: invitation.role, actorId: caller.id });
    }
    return { ...invitation, status: InvitationStatus.ACCEPTED };
  }

  async decline(caller: AuthUser, invitationId: string): Promise<OrganisationInvitationEntity> {
    const invitation = await this.addressedToCaller(caller, invitationId);
    if (!(await this.invitations.close(invitation.id, InvitationStatus.DECLINED))) throw DomainException.nowFinal('This invitation was answered already; an answered invitation is final.');
    return { ...invitation, status: InvitationStatus.DECLINED };
  }

  async revoke(caller: AuthUser, invitationId: string): Promise<OrganisationInvitationEntity> {
    const invitation = await this.invitations.findById(invitationId);
    if (!invitation) throw DomainException.notFound('The invitation');
    await this.access.require(caller.id, invitation.organisationId, MANAGERS);
    if (!(await this.invitations.close(invitation.id, InvitationStatus.REVOKED))) throw DomainException.nowFinal('This invitation is no longer pending; an answered or revoked invitation is final.');
    return { ...invitation, status: InvitationStatus.REVOKED };
  }

  async leave(caller: AuthUser, organisationId: string): Promise<void> {
    await this.access.load(organisationId);
    await this.db.transaction(async (manager) => {
      await this.organisations.lockById(organisationId, manager);
      const membership = await this.members.find(organisationId, caller.id, manager);
      if (!membership) throw DomainException.notFound('Your membership');
      if (membership.role === OrganisationRole.OWNER && (await this.members.countOwners(organisationId, manager)) <= 1) {
        throw DomainException.conflict(KEEP_AN_OWNER);
      }
      await this.members.remove(organisationId, caller.id, manager);
    });
    this.events.emit('organisation.member.removed', { organisationId, userId: caller.id, actorId: caller.id });
  }

  async changeRole(caller: AuthUser, organisationId: string, userId: string, role: OrganisationRole): Promise<void> {
    const { membership: mine } = await this.access.require(caller.id, organisationId, MANAGERS);
    await this.db.transaction(async (manager) => {
      await this.organisations.lockById(organisationId, manager);
      const target = await this.members.find(organisationId, userId, manager);
      if (!target) throw DomainException.notFound('The member');
      this.access.assertMayManage(mine.role, target.role, role);
      if (target.role === OrganisationRole.OWNER && role !== OrganisationRole.OWNER && (await this.members.countOwners(organisationId, manager)) <= 1) {
        throw DomainException.conflict(KEEP_AN_OWNER);
      }
      await this.members.setRole(organisationId, userId, role, manager);
    });
    this.events.emit('organisation.member.role-changed', { organisationId, userId, role, actorId: caller.id });
  }

  async remove(caller: AuthUser, organisationId: string, userId: string): Promise<void> {
    if (userId === caller.id) return this.leave(caller, organisationId);
    const { membership: mine } = await this.access.require(caller.id, organisationId, MANAGERS);
    await this.db.transaction(async (manager) => {
      await this.organisations.lockById(organisationId, manager);
      const target = await this.members.find(organisationId, userId, manager);
      if (!target) throw DomainException.notFound('The member');
      this.access.assertMayManage(mine.role, target.role);
      if (target.role === OrganisationRole.ADMIN && mine.role !== OrganisationRole.OWNER) {
        throw DomainException.forbidden('Only an owner may remove an admin.');
      }
      await this.members.remove(organisationId, userId, manager);
    });
    this.events.emit('organisation.member.removed', { organisationId, userId, actorId: caller.id });
  }
}
