import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CciSubsector, ChallengeActivityKind, ChallengeStatus, ResolveLever } from '@app/contracts';
import { Connection } from '@api/platform/graphql/pagination.js';
import { ServerTextModel } from '@api/platform/i18n/server-text.model.js';
import { User } from '@api/modules/identity/users/user.model.js';
import { Organisation } from '@api/modules/identity/organisations/organisation.model.js';
import { Network } from '@api/modules/networks/network.model.js';

registerEnumType(ResolveLever, {
  name: 'ResolveLever',
  description: 'The ReSOLVE levers of the circular economy: Regenerate, Share, Optimise, Loop, Virtualise, Exchange.',
  valuesMap: {
    REGENERATE: { description: 'Regenerate: renewable energy and materials, restoring ecosystems.' },
    SHARE: { description: 'Share: use assets together, reuse, extend their life.' },
    OPTIMISE: { description: 'Optimise: more performance and less waste, in production and supply chains.' },
    LOOP: { description: 'Loop: keep products and materials in cycles (remanufacture, recycle).' },
    VIRTUALISE: { description: 'Virtualise: deliver the value digitally instead of materially.' },
    EXCHANGE: { description: 'Exchange: replace old materials and technologies with better ones.' },
  },
});
registerEnumType(ChallengeActivityKind, {
  name: 'ChallengeActivityKind',
  description: 'What happened on a challenge.',
  valuesMap: {
    ANSWER_ADDED: { description: 'An answer was posted; `answerId` names it.' },
    ANSWER_EDITED: { description: 'Its author edited an answer; `answerId` names it.' },
    ANSWER_DELETED: { description: 'Its author deleted an answer, with its votes and comments; `answerId` names it.' },
    COMMENT_ADDED: { description: 'A comment was added under an answer; `answerId` names the answer, `commentId` the comment.' },
    COMMENT_EDITED: { description: 'Its author edited a comment; `answerId` and `commentId` name it.' },
    COMMENT_DELETED: { description: 'Its author deleted a comment; `answerId` and `commentId` name it.' },
    VOTE_SCORE_CHANGED: { description: 'An answer’s vote score changed; `answerId` and `score` say which and to what.' },
    STATUS_CHANGED: { description: 'The challenge moved in its lifecycle; `status` is the new status.' },
    ANSWER_ACCEPTED: { description: 'The posting organisation accepted an answer; `answerId` names it.' },
    CHALLENGE_DELETED: { description: 'The posting organisation deleted the challenge (a draft); nothing follows.' },
  },
});
registerEnumType(ChallengeStatus, {
  name: 'ChallengeStatus',
  description: 'DRAFT → OPEN → IN_PROGRESS → SOLVED or CLOSED.',
  valuesMap: {
    DRAFT: { description: 'Being written; visible to the posting organisation only.' },
    OPEN: { description: 'Published to its network and taking answers.' },
    IN_PROGRESS: { description: 'Being worked on with one or more answers; still taking answers.' },
    SOLVED: { description: 'Solved; final.' },
    CLOSED: { description: 'Closed without a solution; final.' },
  },
});

@ObjectType({ description: 'A link attached to a challenge.' })
export class Attachment {
  @Field({ description: 'What it is.' })
  title: string;

  @Field({ description: 'Where it is.' })
  url: string;
}

@ObjectType({ description: 'A problem an organisation puts to a network.' })
export class Challenge {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field({ description: 'Title.' })
  title: string;

  @Field({ description: 'Description in Markdown as written; render it safely, it is never HTML from the server.' })
  description: string;

  @Field(() => [ResolveLever], { description: 'ReSOLVE levers involved.' })
  levers: ResolveLever[];

  @Field(() => [String], { description: 'Materials or waste streams (free tags).' })
  materials: string[];

  @Field(() => [CciSubsector], { description: 'CCI subsectors concerned.' })
  subsectors: CciSubsector[];

  @Field({ description: 'Language of the text (BCP 47).' })
  language: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Deadline for answers.' })
  deadline: Date | null;

  @Field(() => [Attachment], { description: 'Links.' })
  attachments: Attachment[];

  @Field(() => ChallengeStatus, { description: 'Where it stands.' })
  status: ChallengeStatus;

  @Field(() => Int, { description: 'Number of answers.' })
  answerCount: number;

  @Field(() => Int, { description: 'Sum of the votes on its answers.' })
  voteScore: number;

  @Field(() => GraphQLISODateTime, { description: 'When it was last posted to, answered, commented or voted on.' })
  lastActivityAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'When it was created.' })
  createdAt: Date;

  @Field(() => User, { nullable: true, description: 'Who wrote it (null if the account is gone).' })
  author: User | null;

  @Field(() => Organisation, { description: 'The posting organisation.' })
  organisation: Organisation;

  @Field(() => Network, { description: 'The network it was posted to.' })
  network: Network;

  @Field({ description: 'Whether you follow it.' })
  viewerFollows: boolean;
}

export const ChallengeConnection = Connection(Challenge, 'Challenge');

@ObjectType({ description: 'A status change of a challenge.' })
export class ChallengeTransition {
  @Field(() => ChallengeStatus, { nullable: true, description: 'The status before (null for the creation).' })
  from: ChallengeStatus | null;

  @Field(() => ChallengeStatus, { description: 'The status after.' })
  to: ChallengeStatus;

  @Field(() => ID, { nullable: true, description: 'Who made the change.' })
  actorId: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When.' })
  at: Date;
}

@ObjectType({ description: 'A comment under an answer.' })
export class AnswerComment {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field({ description: 'The comment as written.' })
  body: string;

  @Field(() => ID, { nullable: true, description: 'Who wrote it.' })
  authorId: string | null;

  @Field(() => String, { nullable: true, description: 'Their display name.' })
  authorName: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When.' })
  createdAt: Date;
}

@ObjectType({ description: 'A proposal answering a challenge.' })
export class Answer {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => ID, { description: 'The challenge it answers.' })
  challengeId: string;

  @Field({ description: 'The proposal in Markdown as written.' })
  body: string;

  @Field(() => [ResolveLever], { description: 'ReSOLVE levers it uses.' })
  levers: ResolveLever[];

  @Field(() => String, { nullable: true, description: 'Estimate of the effort.' })
  effortEstimate: string | null;

  @Field(() => Int, { description: 'Sum of the votes.' })
  score: number;

  @Field(() => Int, { description: 'Your vote: 1, -1 or 0.' })
  viewerVote: number;

  @Field({ description: 'Whether the posting organisation accepted it.' })
  accepted: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was accepted.' })
  acceptedAt: Date | null;

  @Field(() => User, { nullable: true, description: 'Who wrote it.' })
  author: User | null;

  @Field(() => Organisation, { description: 'The organisation it was written for.' })
  organisation: Organisation;

  @Field(() => GraphQLISODateTime, { description: 'When it was written.' })
  createdAt: Date;
}

export const AnswerConnection = Connection(Answer, 'Answer');

@ObjectType({ description: 'An expert organisation suggested for a challenge, and why.' })
export class ExpertSuggestion {
  @Field(() => Organisation, { description: 'The expert organisation.' })
  organisation: Organisation;

  @Field(() => Int, { description: 'How well it fits; higher is better.' })
  score: number;

  @Field(() => [String], { description: 'What it shares with the challenge, in your preferred language.', deprecationReason: 'Use `reasonMessages` (their `text`, or their `code` and `params`).' })
  reasons: string[];

  @Field(() => [ServerTextModel], { description: 'What it shares with the challenge: a code and parameters for each reason, and the hub’s wording in your preferred language.' })
  reasonMessages: ServerTextModel[];

  @Field(() => [User], { description: 'Its members who speak the challenge’s language.' })
  people: User[];
}

@ObjectType({ description: 'Something happened on a challenge you can see.' })
export class ChallengeActivity {
  @Field(() => ID, { description: 'The challenge.' })
  challengeId: string;

  @Field(() => ChallengeActivityKind, { description: 'What happened.' })
  kind: ChallengeActivityKind;

  @Field(() => ID, { nullable: true, description: 'The answer concerned.' })
  answerId: string | null;

  @Field(() => ID, { nullable: true, description: 'The comment concerned, for COMMENT_ADDED, COMMENT_EDITED and COMMENT_DELETED.' })
  commentId: string | null;

  @Field(() => Int, { nullable: true, description: 'The answer’s new score, for VOTE_SCORE_CHANGED.' })
  score: number | null;

  @Field(() => ChallengeStatus, { nullable: true, description: 'The new status, for STATUS_CHANGED.' })
  status: ChallengeStatus | null;

  @Field(() => GraphQLISODateTime, { description: 'When it happened.' })
  at: Date;
}
