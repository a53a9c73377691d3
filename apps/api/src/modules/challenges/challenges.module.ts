import { Module } from '@nestjs/common';
import { IdentityModule } from '@api/modules/identity/identity.module.js';
import { NetworksModule } from '@api/modules/networks/networks.module.js';
import { AnswersRepository } from './answers.repository.js';
import { AnswersResolver } from './answers.resolver.js';
import { AnswersService } from './answers.service.js';
import { ChallengeAccessService } from './challenge-access.service.js';
import { ChallengeDeliveryListener } from './challenge-delivery.listener.js';
import { ChallengesRepository } from './challenges.repository.js';
import { ChallengesResolver } from './challenges.resolver.js';
import { ChallengesService } from './challenges.service.js';
import { ExpertSuggestionsRepository } from './expert-suggestions.repository.js';
import { ExpertSuggestionsService } from './expert-suggestions.service.js';

/** Challenges posted to networks, their answers, comments, votes and followers. */
@Module({
  imports: [IdentityModule, NetworksModule],
  providers: [
    // repositories
    ChallengesRepository,
    AnswersRepository,
    ExpertSuggestionsRepository,
    // services
    ChallengeAccessService,
    ChallengesService,
    AnswersService,
    ExpertSuggestionsService,
    // resolvers
    ChallengesResolver,
    AnswersResolver,
    // listeners
    ChallengeDeliveryListener,
  ],
  exports: [ChallengesRepository, AnswersRepository, ChallengeAccessService],
})
export class ChallengesModule {}
