import { graphql } from '@/lib/graphql';

export const ChallengeCard = graphql(`
  fragment ChallengeCard on Challenge {
    id
    title
    status
    language
    answerCount
    voteScore
    lastActivityAt
    levers
    subsectors
    organisation {
      id
      name
      country
      city
    }
    network {
      id
      name
    }
  }
`);

export const ChallengesQuery = graphql(
  `
    query Challenges($filter: ChallengeFilter, $after: String) {
      challenges(filter: $filter, first: 15, after: $after) {
        nodes {
          ...ChallengeCard
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [ChallengeCard],
);

export const AnswerFields = graphql(`
  fragment AnswerFields on Answer {
    id
    body
    accepted
    score
    viewerVote
    effortEstimate
    createdAt
    author {
      id
      displayName
    }
    organisation {
      id
      name
    }
    comments {
      id
      body
      authorName
      createdAt
    }
  }
`);

export const ChallengeQuery = graphql(
  `
    query Challenge($challengeId: ID!) {
      challenge(challengeId: $challengeId) {
        id
        title
        description
        status
        language
        deadline
        createdAt
        voteScore
        answerCount
        viewerFollows
        levers
        subsectors
        materials
        author {
          id
          displayName
        }
        organisation {
          id
          name
          city
          country
          viewerRole
        }
        network {
          id
          name
          viewerRole
        }
        answers(first: 10) {
          nodes {
            ...AnswerFields
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  `,
  [AnswerFields],
);

/** Further answers, ten at a time (the hub's cost limit keeps one read of a challenge small). */
export const MoreAnswersQuery = graphql(
  `
    query MoreAnswers($challengeId: ID!, $after: String) {
      challenge(challengeId: $challengeId) {
        id
        answers(first: 10, after: $after) {
          nodes {
            ...AnswerFields
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  `,
  [AnswerFields],
);

export const ChallengeActivitySubscription = graphql(`
  subscription ChallengeActivity($challengeId: ID!) {
    challengeActivity(challengeId: $challengeId) {
      challengeId
      kind
      answerId
      score
      status
      at
    }
  }
`);

export const SuggestedExpertsQuery = graphql(`
  query SuggestedExperts($challengeId: ID!) {
    suggestedExperts(challengeId: $challengeId) {
      score
      reasonMessages {
        code
        text
        language
      }
      organisation {
        id
        name
        city
        country
      }
      people {
        id
        displayName
      }
    }
  }
`);

export const AnswerMutation = graphql(
  `
    mutation AnswerChallenge($input: AnswerInput!) {
      answerChallenge(input: $input) {
        ...AnswerFields
      }
    }
  `,
  [AnswerFields],
);

export const VoteMutation = graphql(`
  mutation VoteOnAnswer($answerId: ID!, $value: Int!) {
    voteOnAnswer(answerId: $answerId, value: $value) {
      id
      score
      viewerVote
    }
  }
`);

export const CommentMutation = graphql(`
  mutation CommentOnAnswer($answerId: ID!, $body: String!) {
    commentOnAnswer(answerId: $answerId, body: $body) {
      id
      body
      authorName
      createdAt
    }
  }
`);

export const AcceptAnswerMutation = graphql(`
  mutation AcceptAnswer($answerId: ID!) {
    acceptAnswer(answerId: $answerId) {
      id
      accepted
      acceptedAt
    }
  }
`);

export const FollowMutation = graphql(`
  mutation FollowChallenge($challengeId: ID!, $follow: Boolean!) {
    followChallenge(challengeId: $challengeId, follow: $follow) {
      id
      viewerFollows
    }
  }
`);

export const MoveMutation = graphql(`
  mutation MoveChallenge($challengeId: ID!, $to: ChallengeStatus!) {
    moveChallenge(challengeId: $challengeId, to: $to) {
      id
      status
    }
  }
`);

export const PostChallengeMutation = graphql(`
  mutation PostChallenge($input: PostChallengeInput!) {
    postChallenge(input: $input) {
      id
    }
  }
`);

export const UpdateChallengeMutation = graphql(`
  mutation UpdateChallenge($challengeId: ID!, $input: UpdateChallengeInput!) {
    updateChallenge(challengeId: $challengeId, input: $input) {
      id
      title
      description
      language
      levers
      subsectors
    }
  }
`);

/** Where the viewer may post from: their organisations, and the networks they can see. */
export const PostingContextQuery = graphql(`
  query PostingContext {
    myOrganisations {
      role
      organisation {
        id
        name
      }
    }
    networks(first: 100) {
      nodes {
        id
        name
        viewerRole
      }
    }
  }
`);
