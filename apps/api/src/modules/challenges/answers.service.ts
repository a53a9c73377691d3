import { Injectable } from '@nestjs/common';
import { ChallengeStatus } from '@app/contracts';
import { DomainEventBus } from '@app/events';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { DatabaseService } from '@api/platform/database/database.service.js';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { decodeCursor, toPage, type Page } from '@api/platform/graphql/pagination.js';
import { ChallengeAccessService } from './challenge-access.service.js';
import type { AnswerInput, EditAnswerInput } from './challenge.input.js';
import type { AnswerEntity } from './answer.entity.js';
import { AnswersRepository, type AnswerView, type CommentView } from './answers.repository.js';
import { ChallengesRepository } from './challenges.repository.js';

const ANSWERABLE = [ChallengeStatus.OPEN, ChallengeStatus.IN_PROGRESS];

/** Answers, their comments and votes, and acceptance by the posting organisation. */
@Injectable()
export class AnswersService {
  constructor(
    private readonly db: DatabaseService,
    private readonly answers: AnswersRepository,
    private readonly challenges: ChallengesRepository,
    private readonly access: ChallengeAccessService,
    private readonly events: DomainEventBus,
  ) {}

  async answer(caller: AuthUser, input: AnswerInput): Promise<AnswerView> {
    const challenge = await this.access.requireVisible(caller.id, input.challengeId);
    await this.access.requireActingMember(caller.id, challenge.networkId, input.organisationId);
    if (!ANSWERABLE.includes(challenge.status)) throw DomainException.conflict(`A ${challenge.status} challenge takes no answers.`);
    const answer = await this.db.transaction(async (manager) => {
      const created = await this.answers.create(
        { challengeId: challenge.id, authorId: caller.id, organisationId: input.organisationId, body: input.body, levers: [...new Set(input.levers ?? [])], effortEstimate: input.effortEstimate?.trim() || null },
        manager,
      );
      await this.challenges.bump(challenge.id, { answers: 1 }, manager);
      return created;
    });
    this.events.emit('challenge.answer-added', { challengeId: challenge.id, answerId: answer.id, actorId: caller.id });
    return this.view(caller, answer);
  }

  async page(caller: AuthUser, challengeId: string, first: number, after?: string): Promise<Page<AnswerView>> {
    await this.access.requireVisible(caller.id, challengeId);
    const rows = await this.answers.page(challengeId, caller.id, first, decodeCursor(after, 'timestamp'));
    return toPage(rows, first, (v) => ({ key: new Date(v.answer.createdAt).toISOString(), id: v.answer.id }));
  }

  private async view(caller: AuthUser, answer: AnswerEntity): Promise<AnswerView> {
    const [found] = await this.answers.page(answer.challengeId, caller.id, 1, undefined, answer.id);
    if (!found) throw DomainException.notFound('The answer');
    return found;
  }

  /** Loads an answer whose challenge the caller may see. */
  private async visibleAnswer(caller: AuthUser, answerId: string) {
    const answer = await this.answers.findById(answerId);
    if (!answer) throw DomainException.notFound('The answer');
    const { challenge, standing } = await this.access.requireVisibleWithStanding(caller.id, answer.challengeId).catch(() => {
      throw DomainException.notFound('The answer');
    });
    return { answer, challenge, standing };
  }

  async vote(caller: AuthUser, answerId: string, value: number): Promise<AnswerView> {
    const { answer, challenge, standing } = await this.visibleAnswer(caller, answerId);
    this.access.requireNetworkMember(standing);
    if (answer.authorId === caller.id) throw DomainException.forbidden('You cannot vote on your own answer.');
    const { delta, score } = await this.db.transaction(async (manager) => {
      const result = await this.answers.vote(answerId, caller.id, value, manager);
      if (result.delta !== 0) await this.challenges.bump(challenge.id, { votes: result.delta }, manager);
      return result;
    });
    if (delta !== 0) this.events.emit('challenge.vote-changed', { challengeId: challenge.id, answerId, score, actorId: caller.id });
    return this.view(caller, answer);
  }

  async comment(caller: AuthUser, answerId: string, body: string): Promise<CommentView> {
    const { answer, challenge, standing } = await this.visibleAnswer(caller, answerId);
    this.access.requireNetworkMember(standing);
    const comment = await this.answers.addComment(answer.id, caller.id, body);
    await this.challenges.touch(challenge.id);
    this.events.emit('challenge.comment-added', { challengeId: challenge.id, answerId, commentId: comment.id, actorId: caller.id });
    return { comment, authorName: null };
  }

  /**
   * The author changes their answer while the challenge takes answers (OPEN, IN_PROGRESS) and the
   * answer is not accepted: what the posting organisation accepted stays as it was accepted.
   */
  async edit(caller: AuthUser, answerId: string, input: EditAnswerInput): Promise<AnswerView> {
    const { answer, challenge } = await this.ownAnswer(caller, answerId, 'changed');
    const changes = {
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(input.levers !== undefined ? { levers: [...new Set(input.levers)] } : {}),
      ...(input.effortEstimate !== undefined ? { effortEstimate: input.effortEstimate?.trim() || null } : {}),
    };
    if (Object.keys(changes).length > 0) {
      const edited = await this.db.transaction((manager) => this.answers.edit(answerId, changes, manager));
      if (!edited) throw DomainException.conflict('An accepted answer can no longer be changed.');
      await this.challenges.touch(challenge.id);
      this.events.emit('challenge.answer-edited', { challengeId: challenge.id, answerId, actorId: caller.id });
    }
    return this.view(caller, answer);
  }

  /** The author deletes their answer, under the same rules as editing; its votes and comments go with it. */
  async delete(caller: AuthUser, answerId: string): Promise<string> {
    const { challenge } = await this.ownAnswer(caller, answerId, 'deleted');
    await this.db.transaction(async (manager) => {
      const score = await this.answers.delete(answerId, manager);
      if (score === null) throw DomainException.conflict('An accepted answer cannot be deleted.');
      await this.challenges.bump(challenge.id, { answers: -1, votes: -score }, manager);
    });
    this.events.emit('challenge.answer-deleted', { challengeId: challenge.id, answerId, actorId: caller.id });
    return answerId;
  }

  private async ownAnswer(caller: AuthUser, answerId: string, verb: 'changed' | 'deleted') {
    const found = await this.visibleAnswer(caller, answerId);
    if (found.answer.authorId !== caller.id) throw DomainException.forbidden(`Only its author may ${verb === 'changed' ? 'change' : 'delete'} an answer.`);
    if (found.answer.acceptedAt) throw DomainException.conflict(`An accepted answer cannot be ${verb}.`);
    if (!ANSWERABLE.includes(found.challenge.status)) throw DomainException.conflict(`Answers of a ${found.challenge.status} challenge can no longer be ${verb}.`);
    return found;
  }

  /** The author changes their comment, for as long as the answer exists. */
  async editComment(caller: AuthUser, commentId: string, body: string): Promise<CommentView> {
    const { comment, challengeId } = await this.ownComment(caller, commentId, 'change');
    const edited = await this.answers.editComment(commentId, body);
    if (!edited) throw DomainException.notFound('The comment');
    this.events.emit('challenge.comment-edited', { challengeId, answerId: comment.answerId, commentId, actorId: caller.id });
    return { comment: edited, authorName: null };
  }

  /** The author deletes their comment, for as long as the answer exists. */
  async deleteComment(caller: AuthUser, commentId: string): Promise<string> {
    const { comment, challengeId } = await this.ownComment(caller, commentId, 'delete');
    if (!(await this.answers.deleteComment(commentId))) throw DomainException.notFound('The comment');
    this.events.emit('challenge.comment-deleted', { challengeId, answerId: comment.answerId, commentId, actorId: caller.id });
    return commentId;
  }

  private async ownComment(caller: AuthUser, commentId: string, verb: 'change' | 'delete') {
    const comment = await this.answers.findComment(commentId);
    if (!comment) throw DomainException.notFound('The comment');
    const { challenge } = await this.visibleAnswer(caller, comment.answerId).catch(() => {
      throw DomainException.notFound('The comment');
    });
    if (comment.authorId !== caller.id) throw DomainException.forbidden(`Only its author may ${verb} a comment.`);
    return { comment, challengeId: challenge.id };
  }

  async comments(caller: AuthUser, answerId: string): Promise<CommentView[]> {
    await this.visibleAnswer(caller, answerId);
    return this.answers.comments(answerId);
  }

  /** The posting organisation accepts one or more answers of an open or in-progress challenge. */
  async accept(caller: AuthUser, answerId: string): Promise<AnswerView> {
    const { answer, challenge } = await this.visibleAnswer(caller, answerId);
    await this.access.requirePoster(caller.id, challenge);
    if (!ANSWERABLE.includes(challenge.status) && challenge.status !== ChallengeStatus.SOLVED) {
      throw DomainException.conflict(`Answers of a ${challenge.status} challenge cannot be accepted.`);
    }
    const accepted = await this.db.transaction((manager) => this.answers.accept(answerId, manager));
    if (!accepted) throw DomainException.conflict('This answer is already accepted.');
    await this.challenges.touch(challenge.id);
    this.events.emit('challenge.answer-accepted', { challengeId: challenge.id, answerId, actorId: caller.id });
    return this.view(caller, answer);
  }
}
