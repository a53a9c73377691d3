import { Module } from '@nestjs/common';
import { IdentityModule } from '@api/modules/identity/identity.module.js';
import { NetworkAccessService } from './network-access.service.js';
import { NetworkDeliveryListener } from './network-delivery.listener.js';
import { NetworkJoinRequestsRepository } from './network-join-requests.repository.js';
import { NetworkMembershipResolver } from './network-membership.resolver.js';
import { NetworkMembershipService } from './network-membership.service.js';
import { NetworkMembershipsRepository } from './network-memberships.repository.js';
import { NetworksRepository } from './networks.repository.js';
import { NetworksResolver } from './networks.resolver.js';
import { NetworksService } from './networks.service.js';

/** Clusters and cross-border networks; owns "who may see what" for the features that live in networks. */
@Module({
  imports: [IdentityModule],
  providers: [
    // repositories
    NetworksRepository,
    NetworkMembershipsRepository,
    NetworkJoinRequestsRepository,
    // services
    NetworkAccessService,
    NetworksService,
    NetworkMembershipService,
    // resolvers
    NetworksResolver,
    NetworkMembershipResolver,
    // listeners
    NetworkDeliveryListener,
  ],
  exports: [NetworksRepository, NetworkMembershipsRepository, NetworkAccessService],
})
export class NetworksModule {}
