import { Module } from '@nestjs/common';
import { ChatModule } from '@api/modules/chat/chat.module.js';
import { IdentityModule } from '@api/modules/identity/identity.module.js';
import { NetworksModule } from '@api/modules/networks/networks.module.js';
import { NotificationsModule } from '@api/modules/notifications/notifications.module.js';
import { ConversationsService } from './conversations.service.js';
import { ListingAccessService } from './listing-access.service.js';
import { ListingsRepository } from './listings.repository.js';
import { ListingsResolver } from './listings.resolver.js';
import { ListingsService } from './listings.service.js';
import { MatchesRepository } from './matches.repository.js';
import { MatchingService } from './matching.service.js';
import { ProposalsRepository } from './proposals.repository.js';
import { ProposalsResolver } from './proposals.resolver.js';
import { ProposalsService } from './proposals.service.js';
import { SymbiosisDeliveryListener } from './symbiosis-delivery.listener.js';

/** The industrial-symbiosis exchange: listings, matching with shipment guidance, proposals and impact. */
@Module({
  imports: [IdentityModule, NetworksModule, NotificationsModule, ChatModule],
  providers: [
    // repositories
    ListingsRepository,
    MatchesRepository,
    ProposalsRepository,
    // services
    ListingAccessService,
    ListingsService,
    MatchingService,
    ProposalsService,
    ConversationsService,
    // resolvers
    ListingsResolver,
    ProposalsResolver,
    // listeners
    SymbiosisDeliveryListener,
  ],
  exports: [ListingsRepository, ProposalsRepository],
})
export class SymbiosisModule {}
