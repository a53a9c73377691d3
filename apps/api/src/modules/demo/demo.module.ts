import { Module } from '@nestjs/common';
import { IdentityModule } from '@api/modules/identity/identity.module.js';
import { NetworksModule } from '@api/modules/networks/networks.module.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({ imports: [IdentityModule, NetworksModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}
