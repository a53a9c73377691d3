import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import { Rooms, type OrganisationChangedPayload } from '@app/contracts';
import { DomainEventBus } from '@app/events';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import { SocketServer } from '@api/platform/realtime/socket-server.js';
import { Topics } from '@api/platform/realtime/topics.js';
import { OrganisationInvitationsRepository } from './organisation-invitations.repository.js';
import { toInvitation } from './organisation.mapper.js';

/**
 * Committed organisation changes → deliveries: the `organisationChanged` GraphQL topic for data
 * subscribers and the `organisation:changed` socket.io event for sockets following the organisation;
 * new invitations → the invitee's `invitationReceived` topic and their user room.
 */
@Injectable()
export class OrganisationDeliveryListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEventBus,
    private readonly sockets: SocketServer,
    private readonly invitations: OrganisationInvitationsRepository,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  onModuleInit(): void {
    const deliver = async (payload: OrganisationChangedPayload) => {
      this.sockets.attached?.to(Rooms.organisation(payload.organisationId)).emit('organisation:changed', payload);
      await this.pubSub.publish(Topics.organisationChanged(payload.organisationId), { organisationChanged: { ...payload, userId: payload.userId ?? null } });
    };
    const now = () => new Date().toISOString();
    this.events.on('organisation.updated', (e) => deliver({ organisationId: e.organisationId, change: 'UPDATED', at: now() }));
    this.events.on('organisation.member.added', (e) => deliver({ organisationId: e.organisationId, change: 'MEMBER_ADDED', userId: e.userId, at: now() }));
    this.events.on('organisation.member.removed', (e) => deliver({ organisationId: e.organisationId, change: 'MEMBER_REMOVED', userId: e.userId, at: now() }));
    this.events.on('organisation.member.role-changed', (e) => deliver({ organisationId: e.organisationId, change: 'MEMBER_ROLE_CHANGED', userId: e.userId, at: now() }));
    this.events.on('organisation.invitation.created', async (e) => {
      if (!e.inviteeId) return;
      this.sockets.attached?.to(Rooms.user(e.inviteeId)).emit('invitation:received', {
        invitationId: e.invitationId,
        organisationId: e.organisationId,
        organisationName: e.organisationName,
        role: e.role,
      });
      const invitation = await this.invitations.findById(e.invitationId);
      if (invitation) await this.pubSub.publish(Topics.invitationReceived(e.inviteeId), { invitationReceived: toInvitation(invitation) });
    });
  }
}
