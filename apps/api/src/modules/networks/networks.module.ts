import { Module } from '@nestjs/common';
import { NetworksRepository } from './networks.repository.js';
import { NetworksResolver } from './networks.resolver.js';
import { NetworksService } from './networks.service.js';

/** Clusters and cross-border networks; owns "who may see what" for the features built on them. */
@Module({
  providers: [NetworksRepository, NetworksService, NetworksResolver],
  exports: [NetworksRepository],
})
export class NetworksModule {}
