import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import { NetworkActivityKind } from '@app/contracts';
import { DomainEventBus } from '@app/events';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import { Topics } from '@api/platform/realtime/topics.js';

/** Committed membership changes → the `networkActivity` topic of the network. */
@Injectable()
export class NetworkDeliveryListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEventBus,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  onModuleInit(): void {
    const deliver = (networkId: string, kind: NetworkActivityKind, organisationId: string) =>
      this.pubSub.publish(Topics.networkActivity(networkId), { networkActivity: { networkId, kind, organisationId, challengeId: null, at: new Date().toISOString() } });
    this.events.on('network.member.joined', (e) => deliver(e.networkId, NetworkActivityKind.MEMBER_JOINED, e.organisationId));
    this.events.on('network.member.left', (e) => deliver(e.networkId, NetworkActivityKind.MEMBER_LEFT, e.organisationId));
    this.events.on('network.member.role-changed', (e) => deliver(e.networkId, NetworkActivityKind.MEMBER_ROLE_CHANGED, e.organisationId));
  }
}
