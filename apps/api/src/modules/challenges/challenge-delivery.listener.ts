import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import { ChallengeActivityKind, NetworkActivityKind } from '@app/contracts';
import { DomainEventBus } from '@app/events';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import { Topics } from '@api/platform/realtime/topics.js';

/** Committed challenge activity → the challenge's topic, and new challenges → their network's topic. */
@Injectable()
export class ChallengeDeliveryListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEventBus,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  onModuleInit(): void {
    const deliver = (challengeId: string, kind: ChallengeActivityKind, extra: { answerId?: string; score?: number; status?: string } = {}) =>
      this.pubSub.publish(Topics.challengeActivity(challengeId), {
        challengeActivity: { challengeId, kind, answerId: extra.answerId ?? null, score: extra.score ?? null, status: extra.status ?? null, at: new Date().toISOString() },
      });
    this.events.on('challenge.answer-added', (e) => deliver(e.challengeId, ChallengeActivityKind.ANSWER_ADDED, { answerId: e.answerId }));
    this.events.on('challenge.comment-added', (e) => deliver(e.challengeId, ChallengeActivityKind.COMMENT_ADDED, { answerId: e.answerId }));
    this.events.on('challenge.vote-changed', (e) => deliver(e.challengeId, ChallengeActivityKind.VOTE_SCORE_CHANGED, { answerId: e.answerId, score: e.score }));
    this.events.on('challenge.status-changed', (e) => deliver(e.challengeId, ChallengeActivityKind.STATUS_CHANGED, { status: e.status }));
    this.events.on('challenge.answer-accepted', (e) => deliver(e.challengeId, ChallengeActivityKind.ANSWER_ACCEPTED, { answerId: e.answerId }));
    this.events.on('challenge.opened', (e) =>
      this.pubSub.publish(Topics.networkActivity(e.networkId), { networkActivity: { networkId: e.networkId, kind: NetworkActivityKind.CHALLENGE_OPENED, organisationId: null, challengeId: e.challengeId, at: new Date().toISOString() } }),
    );
  }
}
