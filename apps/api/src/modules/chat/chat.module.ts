import { Module } from '@nestjs/common';
import { NetworksModule } from '@api/modules/networks/networks.module.js';
import { ChallengesModule } from '@api/modules/challenges/challenges.module.js';
import { ChatChannelsRepository } from './chat-channels.repository.js';
import { ChatChannelsService } from './chat-channels.service.js';
import { ChatDelivery } from './chat-delivery.js';
import { ChatGateway } from './chat.gateway.js';
import { ChatMessagesRepository } from './chat-messages.repository.js';
import { ChatMessagesService } from './chat-messages.service.js';
import { ChatResolver } from './chat.resolver.js';
import { PresenceService } from './presence.service.js';

/** Channels, messages, threads, reactions, read markers, typing and presence; socket namespace `/chat`. */
@Module({
  imports: [NetworksModule, ChallengesModule],
  providers: [
    // repositories
    ChatChannelsRepository,
    ChatMessagesRepository,
    // services
    ChatChannelsService,
    ChatMessagesService,
    ChatDelivery,
    PresenceService,
    // entry points
    ChatGateway,
    ChatResolver,
  ],
  exports: [ChatChannelsService],
})
export class ChatModule {}
