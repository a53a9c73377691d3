import { Injectable, OnModuleInit } from '@nestjs/common';
import { NotificationKind, ServerTextCode } from '@app/contracts';
import { param } from '@api/platform/i18n/server-text.js';
import { DomainEventBus } from '@app/events';
import { UsersRepository } from '@api/modules/identity/users/users.repository.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

/**
 * Committed events → stored notifications for the users they concern. Recipients are read when the
 * event is delivered, so someone who left an organisation meanwhile is not notified.
 */
@Injectable()
export class NotificationsListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEventBus,
    private readonly recipients: NotificationsRepository,
    private readonly users: UsersRepository,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.events.on('challenge.answer-added', async (e) => {
      const posters = await this.recipients.posterMembersOfChallenge(e.challengeId);
      const followers = await this.recipients.followersOfChallenge(e.challengeId);
      const title = posters[0]?.title ?? followers[0]?.title ?? '';
      const posterIds = new Set(posters.map((p) => p.userId));
      const subject = { challengeId: e.challengeId, answerId: e.answerId };
      await this.notifications.notify([...posterIds], e.actorId, NotificationKind.ANSWER_ON_MY_CHALLENGE, { code: ServerTextCode.NOTIFICATION_ANSWER_ON_MY_CHALLENGE, params: [param.text('challengeTitle', title)] }, subject);
      await this.notifications.notify(
        followers.map((f) => f.userId).filter((id) => !posterIds.has(id)),
        e.actorId,
        NotificationKind.ANSWER_ON_FOLLOWED_CHALLENGE,
        { code: ServerTextCode.NOTIFICATION_ANSWER_ON_FOLLOWED_CHALLENGE, params: [param.text('challengeTitle', title)] },
        subject,
      );
    });
    this.events.on('challenge.answer-accepted', async (e) => {
      const author = await this.recipients.answerAuthor(e.answerId);
      if (author) await this.notifications.notify([author.userId], e.actorId, NotificationKind.ANSWER_ACCEPTED, { code: ServerTextCode.NOTIFICATION_ANSWER_ACCEPTED, params: [param.text('challengeTitle', author.title)] }, { challengeId: e.challengeId, answerId: e.answerId });
    });
    this.events.on('network.join-request.decided', async (e) => {
      const managers = await this.recipients.managersOf(e.organisationId, e.networkId);
      const name = managers[0]?.name ?? '';
      await this.notifications.notify(
        managers.map((m) => m.userId),
        e.actorId,
        NotificationKind.JOIN_REQUEST_DECIDED,
        { code: e.approved ? ServerTextCode.NOTIFICATION_JOIN_REQUEST_APPROVED : ServerTextCode.NOTIFICATION_JOIN_REQUEST_DECLINED, params: [param.text('networkName', name)] },
        { networkId: e.networkId, organisationId: e.organisationId, requestId: e.requestId, approved: e.approved },
      );
    });
    this.events.on('network.invitation.created', async (e) => {
      const managers = await this.recipients.managersOf(e.organisationId, e.networkId);
      await this.notifications.notify(
        managers.map((m) => m.userId),
        e.actorId,
        NotificationKind.NETWORK_INVITATION_RECEIVED,
        // No managers, no recipients: the name is there whenever someone reads it.
        { code: ServerTextCode.NOTIFICATION_NETWORK_INVITATION, params: [param.text('networkName', managers[0]?.name ?? '')] },
        { networkId: e.networkId, organisationId: e.organisationId, requestId: e.invitationId },
      );
    });
    this.events.on('organisation.invitation.created', async (e) => {
      if (!e.inviteeId || !(await this.users.findById(e.inviteeId))) return;
      await this.notifications.notify([e.inviteeId], e.actorId, NotificationKind.INVITATION_RECEIVED, { code: ServerTextCode.NOTIFICATION_ORGANISATION_INVITATION, params: [param.text('organisationName', e.organisationName)] }, {
        organisationId: e.organisationId,
        invitationId: e.invitationId,
      });
    });
    this.events.on('chat.mentioned', async (e) => {
      const actor = await this.users.findById(e.actorId);
      // An author deleted between sending and delivery has no name left to show: nobody to credit.
      if (!actor) return;
      await this.notifications.notify(e.mentionedIds, e.actorId, NotificationKind.CHAT_MENTION, { code: ServerTextCode.NOTIFICATION_CHAT_MENTION, params: [param.text('actorName', actor.displayName)] }, {
        chatChannelId: e.channelId,
        chatMessageId: e.messageId,
      });
    });
  }
}
