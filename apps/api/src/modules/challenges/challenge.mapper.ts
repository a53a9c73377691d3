import type { CciSubsector, ResolveLever } from '@app/contracts';
import { toUser } from '@api/modules/identity/users/user.mapper.js';
import { toOrganisation } from '@api/modules/identity/organisations/organisation.mapper.js';
import { toNetwork } from '@api/modules/networks/network.mapper.js';
import type { AnswerView, CommentView } from './answers.repository.js';
import type { ChallengeView } from './challenges.repository.js';
import type { ChallengeTransitionEntity } from './challenge-transition.entity.js';
import type { Answer, AnswerComment, Challenge, ChallengeTransition } from './challenge.model.js';

export function toChallenge(view: ChallengeView, viewerId: string): Challenge {
  const c = view.challenge;
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    levers: c.levers as ResolveLever[],
    materials: c.materials,
    subsectors: c.subsectors as CciSubsector[],
    language: c.language,
    deadline: c.deadline,
    attachments: c.attachments,
    status: c.status,
    answerCount: c.answerCount,
    voteScore: c.voteScore,
    lastActivityAt: c.lastActivityAt,
    createdAt: c.createdAt,
    author: view.author ? toUser(view.author, viewerId) : null,
    organisation: toOrganisation(view.organisation),
    network: toNetwork(view.network),
    viewerFollows: view.viewerFollows,
  };
}

export function toAnswer(view: AnswerView, viewerId: string): Answer {
  const a = view.answer;
  return {
    id: a.id,
    challengeId: a.challengeId,
    body: a.body,
    levers: a.levers as ResolveLever[],
    effortEstimate: a.effortEstimate,
    score: a.score,
    viewerVote: view.viewerVote,
    accepted: a.acceptedAt !== null,
    acceptedAt: a.acceptedAt,
    author: view.author ? toUser(view.author, viewerId) : null,
    organisation: toOrganisation(view.organisation),
    createdAt: a.createdAt,
  };
}

export function toComment(view: CommentView): AnswerComment {
  return { id: view.comment.id, body: view.comment.body, authorId: view.comment.authorId, authorName: view.authorName, createdAt: view.comment.createdAt };
}

export function toTransition(entity: ChallengeTransitionEntity): ChallengeTransition {
  return { from: entity.fromStatus, to: entity.toStatus, actorId: entity.actorId, at: entity.at };
}
