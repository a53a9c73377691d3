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
    const deliver = (challengeId: string, kind: ChallengeActivityKind, extra: { answerId?: string; commentId?: string; score?: number; status?: string; posterOrganisationId?: string } = {}) =>
      this.pubSub.publish(Topics.challengeActivity(challengeId), {
        challengeActivity: {
          challengeId,
          kind,
          answerId: extra.answerId ?? null,
          commentId: extra.commentId ?? null,
          score: extra.score ?? null,
          status: extra.status ?? null,
          at: new Date().toISOString(),
          // Not a GraphQL field: lets the subscription filter deliver CHALLENGE_DELETED, whose challenge is gone.
          ...(extra.posterOrganisationId ? { posterOrganisationId: extra.posterOrganisationId } : {}),
        },
      });
    this.events.on('challenge.answer-added', (e) => deliver(e.challengeId, ChallengeActivityKind.ANSWER_ADDED, { answerId: e.answerId }));
    this.events.on('challenge.answer-edited', (e) => deliver(e.challengeId, ChallengeActivityKind.ANSWER_EDITED, { answerId: e.answerId }));
    this.events.on('challenge.answer-deleted', (e) => deliver(e.challengeId, ChallengeActivityKind.ANSWER_DELETED, { answerId: e.answerId }));
    this.events.on('challenge.comment-added', (e) => deliver(e.challengeId, ChallengeActivityKind.COMMENT_ADDED, { answerId: e.answerId, commentId: e.commentId }));
    this.events.on('challenge.comment-edited', (e) => deliver(e.challengeId, ChallengeActivityKind.COMMENT_EDITED, { answerId: e.answerId, commentId: e.commentId }));
    this.events.on('challenge.comment-deleted', (e) => deliver(e.challengeId, ChallengeActivityKind.COMMENT_DELETED, { answerId: e.answerId, commentId: e.commentId }));
    this.events.on('challenge.deleted', (e) => deliver(e.challengeId, ChallengeActivityKind.CHALLENGE_DELETED, { posterOrganisationId: e.organisationId }));
    this.events.on('challenge.vote-changed', (e) => deliver(e.challengeId, ChallengeActivityKind.VOTE_SCORE_CHANGED, { answerId: e.answerId, score: e.score }));
    this.events.on('challenge.status-changed', (e) => deliver(e.challengeId, ChallengeActivityKind.STATUS_CHANGED, { status: e.status }));
    this.events.on('challenge.answer-accepted', (e) => deliver(e.challengeId, ChallengeActivityKind.ANSWER_ACCEPTED, { answerId: e.answerId }));
    this.events.on('challenge.opened', (e) =>
      this.pubSub.publish(Topics.networkActivity(e.networkId), { networkActivity: { networkId: e.networkId, kind: NetworkActivityKind.CHALLENGE_OPENED, organisationId: null, challengeId: e.challengeId, at: new Date().toISOString() } }),
    );
  }
}
