import { graphql } from '@/lib/graphql';

export const ParticipantFields = graphql(`
  fragment ParticipantFields on Participant {
    id
    sessionId
    organisationId
    organisationName
    country
    languages
    timeZone
    profile
    unavailableTimes
    opportunities {
      id
      direction
      type
      title
      description
      subsectors
      levers
      languages
    }
  }
`);

export const SessionsQuery = graphql(`
  query MatchmakingSessions($after: String) {
    matchmakingSessions(first: 20, after: $after) {
      nodes {
        id
        title
        phase
        timeZone
        registrationDeadline
        days {
          date
          start
          end
        }
        myParticipations {
          id
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SessionQuery = graphql(
  `
    query MatchmakingSession($sessionId: ID!) {
      matchmakingSession(sessionId: $sessionId) {
        id
        title
        description
        phase
        timeZone
        languages
        slotMinutes
        tables
        maxMeetingsPerParticipant
        registrationDeadline
        requestDeadline
        viewerIsOrganiser
        days {
          date
          start
          end
          breaks {
            start
            end
          }
        }
        slots {
          index
          day
          startsAt
          endsAt
          isBreak
        }
        myParticipations {
          id
          sessionId
          organisationId
          organisationName
          country
          languages
          timeZone
          profile
          unavailableTimes
          opportunities {
            id
            direction
            type
            title
            description
            subsectors
            levers
            languages
          }
        }
      }
    }
  `,
);

export const RegisterMutation = graphql(
  `
    mutation RegisterForMatchmaking($input: MatchmakingRegistrationInput!) {
      registerForMatchmaking(input: $input) {
        id
        sessionId
        organisationId
        organisationName
        country
        languages
        timeZone
        profile
        unavailableTimes
        opportunities {
          id
          direction
          type
          title
          description
          subsectors
          levers
          languages
        }
      }
    }
  `,
);

export const MarketplaceQuery = graphql(
  `
    query MatchmakingParticipants($sessionId: ID!, $filter: ParticipantFilterInput) {
      matchmakingParticipants(sessionId: $sessionId, filter: $filter) {
        id
        sessionId
        organisationId
        organisationName
        country
        languages
        timeZone
        profile
        unavailableTimes
        opportunities {
          id
          direction
          type
          title
          description
          subsectors
          levers
          languages
        }
      }
    }
  `,
);

export const RecommendationsQuery = graphql(`
  query MatchmakingRecommendations($participantId: ID!) {
    matchmakingRecommendations(participantId: $participantId) {
      score
      reasons
      participant {
        id
        organisationName
        country
      }
    }
  }
`);

export const MeetingRequestsQuery = graphql(`
  query MeetingRequests($participantId: ID!) {
    meetingRequests(participantId: $participantId) {
      id
      fromParticipantId
      toParticipantId
      message
      status
      createdAt
    }
  }
`);

export const RequestMeetingMutation = graphql(`
  mutation RequestMeeting($input: RequestMeetingInput!) {
    requestMeeting(input: $input) {
      id
      status
      toParticipantId
    }
  }
`);

export const RespondMutation = graphql(`
  mutation RespondToMeetingRequest($requestId: ID!, $accept: Boolean!) {
    respondToMeetingRequest(requestId: $requestId, accept: $accept) {
      id
      status
    }
  }
`);

export const AgendaQuery = graphql(`
  query MatchmakingAgenda($participantId: ID!, $timeZone: String) {
    matchmakingAgenda(participantId: $participantId, timeZone: $timeZone) {
      participantId
      timeZone
      scheduleVersion
      items {
        startsAt
        endsAt
        counterpart {
          id
          organisationName
          country
          timeZone
        }
        meeting {
          id
          startsAt
          endsAt
          table
          roomUrl
          chatChannelId
          unplacedMessage
          outcome
        }
      }
    }
  }
`);

export const AgendaCalendarQuery = graphql(`
  query MatchmakingAgendaCalendar($participantId: ID!) {
    matchmakingAgendaCalendar(participantId: $participantId)
  }
`);

export const AgendaChangedSubscription = graphql(`
  subscription MatchmakingAgendaChanged($participantId: ID!) {
    matchmakingAgendaChanged(participantId: $participantId) {
      change
      meetingId
      scheduleVersion
    }
  }
`);

/** The organisations the viewer may register (any membership; the hub checks the role). */
export const MyOrganisationsQuery = graphql(`
  query MatchmakingMyOrganisations {
    myOrganisations {
      organisation {
        id
        name
      }
    }
  }
`);
