import { Module } from '@nestjs/common';
import { IdentityModule } from '@api/modules/identity/identity.module.js';
import { NetworksModule } from '@api/modules/networks/networks.module.js';
import { ChallengesModule } from '@api/modules/challenges/challenges.module.js';
import { DemoChallengesSeeder } from './demo-challenges.seeder.js';
import { DemoChatSeeder } from './demo-chat.seeder.js';
import { DemoMatchmakingSeeder } from './demo-matchmaking.seeder.js';
import { DemoCanvasSeeder } from './demo-canvas.seeder.js';
import { DemoSymbiosisSeeder } from './demo-symbiosis.seeder.js';
import { SymbiosisModule } from '@api/modules/symbiosis/symbiosis.module.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({ imports: [IdentityModule, NetworksModule, ChallengesModule, SymbiosisModule], providers: [DemoSeedService, DemoChallengesSeeder, DemoChatSeeder, DemoMatchmakingSeeder, DemoCanvasSeeder, DemoSymbiosisSeeder], exports: [DemoSeedService] })
export class DemoModule {}
