import { Injectable } from '@nestjs/common';
import { NetworkRole, NetworkVisibility, RequestStatus } from '@app/contracts';
import { DomainEventBus } from '@app/events';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { DatabaseService } from '@api/platform/database/database.service.js';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { OrganisationMembersRepository } from '@api/modules/identity/organisations/organisation-members.repository.js';
import { MANAGERS } from '@api/modules/identity/organisations/organisation-access.service.js';
import { NetworkJoinDirection, type NetworkJoinRequestEntity } from './network-join-request.entity.js';
import { NetworkAccessService } from './network-access.service.js';
import { NetworkJoinRequestsRepository } from './network-join-requests.repository.js';
import { NetworkMembershipsRepository } from './network-memberships.repository.js';
import { NetworksRepository } from './networks.repository.js';

const KEEP_AN_ADMIN = 'A network must always keep an admin organisation: make another member admin first.';

function isUniqueViolation(error: unknown): boolean {
  return (error as { driverError?: { code?: string } }).driverError?.code === '23505';
}

/**
 * Membership of organisations in networks: join requests decided by network admins, invitations
 * answered by the invited organisation, leaving, removal and roles. Changes that could leave a network
 * without an admin lock the network row first.
 */
@Injectable()
export class NetworkMembershipService {
  constructor(
    private readonly db: DatabaseService,
    private readonly access: NetworkAccessService,
    private readonly networks: NetworksRepository,
    private readonly memberships: NetworkMembershipsRepository,
    private readonly requests: NetworkJoinRequestsRepository,
    private readonly organisationMembers: OrganisationMembersRepository,
    private readonly events: DomainEventBus,
  ) {}

  async requestToJoin(caller: AuthUser, networkId: string, organisationId: string, message: string | undefined): Promise<NetworkJoinRequestEntity> {
    await this.access.requireOrganisationManager(caller.id, organisationId);
    const { network } = await this.access.requireVisible(caller.id, networkId);
    if (network.visibility === NetworkVisibility.PRIVATE) throw DomainException.forbidden('A private network takes members by invitation only.');
    const request = await this.open(NetworkJoinDirection.REQUEST, networkId, organisationId, message ?? '', caller.id);
    this.events.emit('network.join-request.created', { requestId: request.id, networkId, organisationId, actorId: caller.id });
    return request;
  }

  async invite(caller: AuthUser, networkId: string, organisationId: string, message: string | undefined): Promise<NetworkJoinRequestEntity> {
    await this.access.requireAdmin(caller.id, networkId);
    const invitation = await this.open(NetworkJoinDirection.INVITATION, networkId, organisationId, message ?? '', caller.id);
    this.events.emit('network.invitation.created', { invitationId: invitation.id, networkId, organisationId, actorId: caller.id });
    return invitation;
  }

  private async open(direction: NetworkJoinDirection, networkId: string, organisationId: string, message: string, createdById: string) {
    if (await this.memberships.find(networkId, organisationId)) throw DomainException.conflict('This organisation is already a member of the network.');
    try {
      const created = await this.requests.create({ direction, networkId, organisationId, message, createdById });
      return (await this.requests.findById(created.id))!;
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainException.conflict('A request or invitation between this network and organisation is already pending.');
      throw error;
    }
  }

  /**
   * Approve or reject: a join request is decided by the network's admins, an invitation by the
   * invited organisation's owners and admins.
   */
  async decide(caller: AuthUser, requestId: string, approve: boolean): Promise<NetworkJoinRequestEntity> {
    const request = await this.loadFor(caller, requestId, 'decide');
    const status = approve ? RequestStatus.APPROVED : RequestStatus.REJECTED;
    await this.db.transaction(async (manager) => {
      if (!(await this.requests.close(request.id, status, caller.id, manager))) throw DomainException.nowFinal('This request was decided already; a decided request is final.');
      if (approve && !(await this.memberships.find(request.networkId, request.organisationId, manager))) {
        await this.memberships.add(request.networkId, request.organisationId, NetworkRole.MEMBER, manager);
      }
    });
    this.events.emit('network.join-request.decided', { requestId, networkId: request.networkId, organisationId: request.organisationId, approved: approve, actorId: caller.id });
    if (approve) this.events.emit('network.member.joined', { networkId: request.networkId, organisationId: request.organisationId, role: NetworkRole.MEMBER, actorId: caller.id });
    return { ...request, status, decidedAt: new Date() };
  }

  /** The side that opened it may withdraw it while it is pending. */
  async withdraw(caller: AuthUser, requestId: string): Promise<NetworkJoinRequestEntity> {
    const request = await this.loadFor(caller, requestId, 'withdraw');
    if (!(await this.requests.close(request.id, RequestStatus.WITHDRAWN, caller.id))) throw DomainException.nowFinal('This request was decided already; a decided request is final.');
    return { ...request, status: RequestStatus.WITHDRAWN, decidedAt: new Date() };
  }

  private async loadFor(caller: AuthUser, requestId: string, action: 'decide' | 'withdraw'): Promise<NetworkJoinRequestEntity> {
    const request = await this.requests.findById(requestId);
    if (!request) throw DomainException.notFound('The request');
    const networkSide = (request.direction === NetworkJoinDirection.REQUEST) === (action === 'decide');
    if (networkSide) {
      if (!(await this.access.isAdmin(caller.id, request.networkId))) throw DomainException.notFound('The request');
    } else {
      await this.access.requireOrganisationManager(caller.id, request.organisationId).catch(() => {
        throw DomainException.notFound('The request');
      });
    }
    if (request.status !== RequestStatus.PENDING) throw DomainException.lifecycle('This request', request.status, []);
    return request;
  }

  async pendingForNetwork(caller: AuthUser, networkId: string, status: RequestStatus): Promise<NetworkJoinRequestEntity[]> {
    await this.access.requireAdmin(caller.id, networkId);
    return this.requests.listForNetwork(networkId, status);
  }

  /** Pending requests and invitations of the organisations the caller owns or administers. */
  async pendingForMyOrganisations(caller: AuthUser): Promise<NetworkJoinRequestEntity[]> {
    const mine = await this.organisationMembers.listForUser(caller.id);
    return this.requests.listPendingForOrganisations(mine.filter((m) => (MANAGERS as readonly string[]).includes(m.role)).map((m) => m.organisationId));
  }

  async leave(caller: AuthUser, networkId: string, organisationId: string): Promise<void> {
    await this.access.requireOrganisationManager(caller.id, organisationId);
    await this.removeMember(networkId, organisationId);
    this.events.emit('network.member.left', { networkId, organisationId, actorId: caller.id });
  }

  async remove(caller: AuthUser, networkId: string, organisationId: string): Promise<void> {
    await this.access.requireAdmin(caller.id, networkId);
    await this.removeMember(networkId, organisationId);
    this.events.emit('network.member.left', { networkId, organisationId, actorId: caller.id });
  }

  private async removeMember(networkId: string, organisationId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      await this.networks.lockById(networkId, manager);
      const membership = await this.memberships.find(networkId, organisationId, manager);
      if (!membership) throw DomainException.notFound('The membership');
      if (membership.role === NetworkRole.ADMIN && (await this.memberships.countAdmins(networkId, manager)) <= 1) throw DomainException.conflict(KEEP_AN_ADMIN);
      await this.memberships.remove(networkId, organisationId, manager);
    });
  }

  async changeRole(caller: AuthUser, networkId: string, organisationId: string, role: NetworkRole): Promise<void> {
    await this.access.requireAdmin(caller.id, networkId);
    await this.db.transaction(async (manager) => {
      await this.networks.lockById(networkId, manager);
      const membership = await this.memberships.find(networkId, organisationId, manager);
      if (!membership) throw DomainException.notFound('The membership');
      if (membership.role === NetworkRole.ADMIN && role !== NetworkRole.ADMIN && (await this.memberships.countAdmins(networkId, manager)) <= 1) {
        throw DomainException.conflict(KEEP_AN_ADMIN);
      }
      await this.memberships.setRole(networkId, organisationId, role, manager);
    });
    this.events.emit('network.member.role-changed', { networkId, organisationId, role, actorId: caller.id });
  }
}
