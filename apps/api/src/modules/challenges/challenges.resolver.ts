import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { PubSubEngine } from 'graphql-subscriptions';
import { CurrentUser } from '@api/platform/auth/current-user.decorator.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import type { GraphQLRequestContext } from '@api/platform/graphql/graphql-context.js';
import { PageArgs, type Page } from '@api/platform/graphql/pagination.js';
import { UuidPipe } from '@api/platform/graphql/uuid.pipe.js';
import { PUB_SUB } from '@api/platform/realtime/pub-sub.provider.js';
import { Topics } from '@api/platform/realtime/topics.js';
import { ChallengeAccessService } from './challenge-access.service.js';
import { ChallengeIdArgs, ChallengesArgs, FollowArgs, PostChallengeInput, TransitionArgs, UpdateChallengeInput } from './challenge.input.js';
import { Answer, AnswerConnection, Challenge, ChallengeActivity, ChallengeConnection, ChallengeTransition, ExpertSuggestion } from './challenge.model.js';
import { ExpertSuggestionsService } from './expert-suggestions.service.js';
import { toOrganisation } from '@api/modules/identity/organisations/organisation.mapper.js';
import { toUser } from '@api/modules/identity/users/user.mapper.js';
import { toAnswer, toChallenge, toTransition } from './challenge.mapper.js';
import { AnswersService } from './answers.service.js';
import { ChallengesService } from './challenges.service.js';

@Resolver(() => Challenge)
export class ChallengesResolver {
  constructor(
    private readonly challengeService: ChallengesService,
    private readonly answerService: AnswersService,
    private readonly access: ChallengeAccessService,
    private readonly experts: ExpertSuggestionsService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  @Query(() => ChallengeConnection, { description: 'Challenges you can see, newest first, or by relevance when searching.' })
  async challenges(@CurrentUser() caller: AuthUser, @Args() args: ChallengesArgs): Promise<Page<Challenge>> {
    const page = await this.challengeService.feed(caller, args.filter ?? {}, args.first, args.after);
    return { nodes: page.nodes.map((v) => toChallenge(v, caller.id)), pageInfo: page.pageInfo };
  }

  @Query(() => Challenge, { description: 'One challenge (NOT_FOUND if you may not see it).' })
  async challenge(@CurrentUser() caller: AuthUser, @Args() args: ChallengeIdArgs): Promise<Challenge> {
    return toChallenge(await this.challengeService.view(caller, args.challengeId), caller.id);
  }

  @Query(() => [ExpertSuggestion], {
    description: 'Expert organisations ranked by the levers, materials, subsectors and language they share with the challenge, preferring other countries; at most 10, each with its reasons.',
  })
  async suggestedExperts(@CurrentUser() caller: AuthUser, @Args() args: ChallengeIdArgs): Promise<ExpertSuggestion[]> {
    return (await this.experts.suggest(caller, args.challengeId)).map((s) => ({
      organisation: toOrganisation(s.organisation),
      score: s.score,
      reasons: s.reasons.map((reason) => reason.text),
      reasonMessages: s.reasons,
      people: s.people.map((p) => toUser(p, caller.id)),
    }));
  }

  @Mutation(() => Challenge, { description: 'Post a challenge to a network as DRAFT, for an organisation of yours that is a member.' })
  async postChallenge(@CurrentUser() caller: AuthUser, @Args('input', { description: 'The challenge.' }) input: PostChallengeInput): Promise<Challenge> {
    return toChallenge(await this.challengeService.post(caller, input), caller.id);
  }

  @Mutation(() => Challenge, { description: 'Change a challenge (the posting organisation), until it is solved or closed.' })
  async updateChallenge(
    @CurrentUser() caller: AuthUser,
    @Args('challengeId', { type: () => ID, description: 'The challenge.' }, UuidPipe) challengeId: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateChallengeInput,
  ): Promise<Challenge> {
    return toChallenge(await this.challengeService.update(caller, challengeId, input), caller.id);
  }

  @Mutation(() => ID, {
    description: 'Delete a DRAFT challenge (the posting organisation); an opened challenge can only be moved to CLOSED (CONFLICT). Returns its id.',
  })
  async deleteChallenge(@CurrentUser() caller: AuthUser, @Args() args: ChallengeIdArgs): Promise<string> {
    return this.challengeService.deleteDraft(caller, args.challengeId);
  }

  @Mutation(() => Challenge, { description: 'Move a challenge along DRAFT → OPEN → IN_PROGRESS → SOLVED or CLOSED (the posting organisation; network admins may close).' })
  async moveChallenge(@CurrentUser() caller: AuthUser, @Args() args: TransitionArgs): Promise<Challenge> {
    return toChallenge(await this.challengeService.transition(caller, args.challengeId, args.to), caller.id);
  }

  @Mutation(() => Challenge, { description: 'Follow a challenge, or stop following it.' })
  async followChallenge(@CurrentUser() caller: AuthUser, @Args() args: FollowArgs): Promise<Challenge> {
    return toChallenge(await this.challengeService.follow(caller, args.challengeId, args.follow), caller.id);
  }

  @ResolveField(() => AnswerConnection, { description: 'Answers, oldest first.' })
  async answers(@CurrentUser() caller: AuthUser, @Parent() challenge: Challenge, @Args() page: PageArgs): Promise<Page<Answer>> {
    const result = await this.answerService.page(caller, challenge.id, page.first, page.after);
    return { nodes: result.nodes.map((v) => toAnswer(v, caller.id)), pageInfo: result.pageInfo };
  }

  @ResolveField(() => [ChallengeTransition], { description: 'Every status change, oldest first.' })
  async transitions(@CurrentUser() caller: AuthUser, @Parent() challenge: Challenge): Promise<ChallengeTransition[]> {
    return (await this.challengeService.transitions(caller, challenge.id)).map(toTransition);
  }

  @Subscription(() => ChallengeActivity, {
    description: 'Activity on a challenge you can see: answers, comments (added, edited, deleted), vote scores, status changes, acceptances, and the deletion of a draft.',
    filter: async function (this: ChallengesResolver, payload: { challengeActivity: ChallengeActivity & { posterOrganisationId?: string } }, _args: unknown, ctx: GraphQLRequestContext) {
      if (!ctx.user) return false;
      // A deleted draft no longer exists to check against; only its organisation could see it.
      const deletedBy = payload.challengeActivity.posterOrganisationId;
      if (deletedBy) return this.access.isPoster(ctx.user.id, { organisationId: deletedBy });
      return this.access.requireVisible(ctx.user.id, payload.challengeActivity.challengeId).then(
        () => true,
        () => false,
      );
    },
    resolve: (payload: { challengeActivity: ChallengeActivity }) => ({ ...payload.challengeActivity, at: new Date(payload.challengeActivity.at) }),
  })
  async challengeActivity(@CurrentUser() caller: AuthUser, @Args() args: ChallengeIdArgs) {
    await this.access.requireVisible(caller.id, args.challengeId);
    return this.pubSub.asyncIterableIterator(Topics.challengeActivity(args.challengeId));
  }
}
