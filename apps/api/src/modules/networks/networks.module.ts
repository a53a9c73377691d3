import { Module } from '@nestjs/common';
import { NetworksRepository } from './networks.repository.js';
import { NetworksResolver } from './networks.resolver.js';

/** Clusters and cross-border networks; owns "who may see what" for the features built on them. */
@Module({
  providers: [NetworksRepository, NetworksResolver],
  exports: [NetworksRepository],
})
export class NetworksModule {}
