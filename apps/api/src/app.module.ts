import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@app/config';
import { EventsModule } from '@app/events';
import { AuthPlatformModule } from '@api/platform/auth/auth-platform.module.js';
import { DatabaseModule } from '@api/platform/database/database.module.js';
import { GraphQLPlatformModule } from '@api/platform/graphql/graphql-platform.module.js';
import { HttpPlatformModule } from '@api/platform/http/http-platform.module.js';
import { MetricsModule } from '@api/platform/metrics/metrics.module.js';
import { RealtimeModule } from '@api/platform/realtime/realtime.module.js';
import { IdentityModule } from '@api/modules/identity/identity.module.js';
import { NetworksModule } from '@api/modules/networks/networks.module.js';
import { ChallengesModule } from '@api/modules/challenges/challenges.module.js';
import { ChatModule } from '@api/modules/chat/chat.module.js';
import { MatchmakingModule } from '@api/modules/matchmaking/matchmaking.module.js';
import { CanvasesModule } from '@api/modules/canvases/canvases.module.js';
import { NotificationsModule } from '@api/modules/notifications/notifications.module.js';
import { SymbiosisModule } from '@api/modules/symbiosis/symbiosis.module.js';
import { DemoModule } from '@api/modules/demo/demo.module.js';

/** Platform modules first, then features in dependency order (a feature imports only those above it). */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        EventsModule,
        MetricsModule,
        DatabaseModule,
        AuthPlatformModule,
        RealtimeModule,
        GraphQLPlatformModule,
        HttpPlatformModule,
        IdentityModule,
        NetworksModule,
        ChallengesModule,
        NotificationsModule,
        ChatModule,
        MatchmakingModule,
        CanvasesModule,
        SymbiosisModule,
        DemoModule,
      ],
    };
  }
}
