import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { UuidPipe } from '@api/platform/graphql/uuid.pipe.js';
import { CurrentUser } from '@api/platform/auth/current-user.decorator.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { AnswerIdArgs, AnswerInput, CommentArgs, CommentIdArgs, EditAnswerInput, EditCommentArgs, VoteArgs } from './challenge.input.js';
import { Answer, AnswerComment } from './challenge.model.js';
import { toAnswer, toComment } from './challenge.mapper.js';
import { AnswersService } from './answers.service.js';

@Resolver(() => Answer)
export class AnswersResolver {
  constructor(private readonly answers: AnswersService) {}

  @Mutation(() => Answer, { description: 'Answer an open or in-progress challenge, for an organisation of yours in its network.' })
  async answerChallenge(@CurrentUser() caller: AuthUser, @Args('input', { description: 'The proposal.' }) input: AnswerInput): Promise<Answer> {
    return toAnswer(await this.answers.answer(caller, input), caller.id);
  }

  @Mutation(() => Answer, {
    description: 'Change your answer (its author), while the challenge is OPEN or IN_PROGRESS and the answer is not accepted (CONFLICT otherwise).',
  })
  async editAnswer(
    @CurrentUser() caller: AuthUser,
    @Args('answerId', { type: () => ID, description: 'The answer.' }, UuidPipe) answerId: string,
    @Args('input', { description: 'The fields to change.' }) input: EditAnswerInput,
  ): Promise<Answer> {
    return toAnswer(await this.answers.edit(caller, answerId, input), caller.id);
  }

  @Mutation(() => ID, {
    description:
      'Delete your answer (its author) with its votes and comments, while the challenge is OPEN or IN_PROGRESS; an accepted answer cannot be deleted (CONFLICT). Returns its id.',
  })
  async deleteAnswer(@CurrentUser() caller: AuthUser, @Args() args: AnswerIdArgs): Promise<string> {
    return this.answers.delete(caller, args.answerId);
  }

  @Mutation(() => AnswerComment, { description: 'Change your comment (its author), for as long as its answer exists.' })
  async editAnswerComment(@CurrentUser() caller: AuthUser, @Args() args: EditCommentArgs): Promise<AnswerComment> {
    return toComment(await this.answers.editComment(caller, args.commentId, args.body));
  }

  @Mutation(() => ID, { description: 'Delete your comment (its author), for as long as its answer exists. Returns its id.' })
  async deleteAnswerComment(@CurrentUser() caller: AuthUser, @Args() args: CommentIdArgs): Promise<string> {
    return this.answers.deleteComment(caller, args.commentId);
  }

  @Mutation(() => Answer, { description: 'Vote on an answer: 1 up, -1 down, 0 to take your vote back. Not on your own answers.' })
  async voteOnAnswer(@CurrentUser() caller: AuthUser, @Args() args: VoteArgs): Promise<Answer> {
    return toAnswer(await this.answers.vote(caller, args.answerId, args.value), caller.id);
  }

  @Mutation(() => AnswerComment, { description: 'Comment under an answer (members of the network).' })
  async commentOnAnswer(@CurrentUser() caller: AuthUser, @Args() args: CommentArgs): Promise<AnswerComment> {
    return toComment(await this.answers.comment(caller, args.answerId, args.body));
  }

  @Mutation(() => Answer, { description: 'Accept an answer (the posting organisation); several may be accepted.' })
  async acceptAnswer(@CurrentUser() caller: AuthUser, @Args() args: AnswerIdArgs): Promise<Answer> {
    return toAnswer(await this.answers.accept(caller, args.answerId), caller.id);
  }

  @ResolveField(() => [AnswerComment], { description: 'Comments, oldest first (at most 200).' })
  async comments(@CurrentUser() caller: AuthUser, @Parent() answer: Answer): Promise<AnswerComment[]> {
    return (await this.answers.comments(caller, answer.id)).map(toComment);
  }
}
