import { graphql } from '@/lib/graphql';

export const UnreadCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export const NotificationReceived = graphql(`
  subscription NotificationReceived {
    notificationReceived {
      id
      kind
      message {
        code
        text
        language
      }
      createdAt
      readAt
      challengeId
    }
  }
`);

export const NotificationsQuery = graphql(`
  query Notifications($after: String) {
    notifications(first: 30, after: $after) {
      nodes {
        id
        kind
        message {
          code
          text
          language
        }
        createdAt
        readAt
        challengeId
        organisationId
        networkId
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const MarkReadMutation = graphql(`
  mutation MarkNotificationsRead($notificationIds: [ID!]) {
    markNotificationsRead(notificationIds: $notificationIds)
  }
`);
