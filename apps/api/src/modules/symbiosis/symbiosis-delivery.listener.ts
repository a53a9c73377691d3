import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import { NotificationKind, ServerTextCode } from '@app/contracts';
import { DomainEventBus } from '@app/events';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import { NotificationsService } from '@api/modules/notifications/notifications.service.js';
import { param } from '@api/platform/i18n/server-text.js';
import { MatchesRepository } from './matches.repository.js';
import { toMatch } from './symbiosis.mapper.js';
import { symbiosisMatchesTopic } from './symbiosis.topics.js';

/**
 * A new match reaches both organisations live (subscription) and as a stored notification for each of
 * their members, through the notifications feature's service.
 */
@Injectable()
export class SymbiosisDeliveryListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEventBus,
    private readonly matches: MatchesRepository,
    private readonly notifications: NotificationsService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  onModuleInit(): void {
    this.events.on('symbiosis.match-found', async (e) => {
      const [row] = await this.matches.byIds([e.matchId]);
      if (!row) return;
      const match = toMatch(row);
      for (const organisationId of new Set([e.offerOrganisationId, e.wantOrganisationId])) {
        await this.pubSub.publish(symbiosisMatchesTopic(organisationId), { symbiosisMatchFound: match });
      }
      const recipients = await this.matches.memberIds([e.offerOrganisationId, e.wantOrganisationId]);
      await this.notifications.notify(recipients, e.actorId, NotificationKind.SYMBIOSIS_MATCH, {
        code: ServerTextCode.NOTIFICATION_SYMBIOSIS_MATCH,
        params: [param.text('offerTitle', row.offerTitle), param.text('wantTitle', row.wantTitle)],
      }, {
        organisationId: e.wantOrganisationId,
        listingId: e.offerId,
        counterListingId: e.wantId,
      });
    });
  }
}
