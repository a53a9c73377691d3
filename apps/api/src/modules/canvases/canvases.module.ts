import { Module } from '@nestjs/common';
import { IdentityModule } from '@api/modules/identity/identity.module.js';
import { NetworksModule } from '@api/modules/networks/networks.module.js';
import { ChallengesModule } from '@api/modules/challenges/challenges.module.js';
import { CanvasGateway } from './canvas.gateway.js';
import { CanvasLogRepository } from './canvas-log.repository.js';
import { CanvasesRepository } from './canvases.repository.js';
import { CanvasesResolver } from './canvases.resolver.js';
import { CanvasesService } from './canvases.service.js';
import { CircularityFeed } from './circularity-feed.js';
import { LiveCanvases } from './live-canvases.js';

/** Circular business model canvases co-edited with Yjs over `/canvas`, durable to every acknowledged update. */
@Module({
  imports: [IdentityModule, NetworksModule, ChallengesModule],
  providers: [
    // repositories
    CanvasesRepository,
    CanvasLogRepository,
    // services
    CanvasesService,
    LiveCanvases,
    CircularityFeed,
    // entry points
    CanvasGateway,
    CanvasesResolver,
  ],
})
export class CanvasesModule {}
