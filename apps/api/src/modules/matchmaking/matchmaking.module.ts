import { Module } from '@nestjs/common';
import { IdentityModule } from '@api/modules/identity/identity.module.js';
import { NetworksModule } from '@api/modules/networks/networks.module.js';
import { ChatModule } from '@api/modules/chat/chat.module.js';
import { AgendaEvents } from './agenda-events.js';
import { DashboardService } from './dashboard.service.js';
import { MatchmakingAccessService } from './matchmaking-access.service.js';
import { MatchmakingRepository } from './matchmaking.repository.js';
import { MeetingRequestsService } from './meeting-requests.service.js';
import { MeetingsResolver } from './meetings.resolver.js';
import { MeetingsService } from './meetings.service.js';
import { RegistrationsService } from './registrations.service.js';
import { SchedulingService } from './scheduling.service.js';
import { SessionsResolver } from './sessions.resolver.js';
import { SessionsService } from './sessions.service.js';

/** Matchmaking sessions: registration, marketplace, requests, scheduling, agendas, outcomes. */
@Module({
  imports: [IdentityModule, NetworksModule, ChatModule],
  providers: [
    // repositories
    MatchmakingRepository,
    // services
    MatchmakingAccessService,
    SessionsService,
    RegistrationsService,
    MeetingRequestsService,
    SchedulingService,
    MeetingsService,
    DashboardService,
    AgendaEvents,
    // resolvers
    SessionsResolver,
    MeetingsResolver,
  ],
  exports: [MatchmakingRepository],
})
export class MatchmakingModule {}
