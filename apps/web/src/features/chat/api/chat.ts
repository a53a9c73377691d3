import { graphql } from '@/lib/graphql';

export const ChatChannelItem = graphql(`
  fragment ChatChannelItem on ChatChannel {
    id
    kind
    title
    networkId
    challengeId
    lastSeq
    lastReadSeq
    lastMessageAt
    unreadCount
    mentionCount
  }
`);

export const MyChatChannelsQuery = graphql(
  `
    query MyChatChannels {
      myChatChannels(first: 50) {
        nodes {
          ...ChatChannelItem
        }
      }
    }
  `,
  [ChatChannelItem],
);

export const ChatMessageFields = graphql(`
  fragment ChatMessageFields on ChatMessage {
    id
    channelId
    seq
    revision
    authorId
    clientId
    body
    language
    threadRootId
    replyCount
    mentions
    reactions {
      emoji
      count
      userIds
    }
    createdAt
    editedAt
    deletedAt
  }
`);

/** The channel and its latest page of history, read together when the channel opens. */
export const ChatChannelQuery = graphql(
  `
    query ChatChannel($channelId: ID!) {
      chatChannel(channelId: $channelId) {
        ...ChatChannelItem
        description
        archivedAt
      }
      chatMessages(channelId: $channelId, limit: 50) {
        hasMore
        messages {
          ...ChatMessageFields
        }
      }
    }
  `,
  [ChatChannelItem, ChatMessageFields],
);

export const OlderChatMessagesQuery = graphql(
  `
    query OlderChatMessages($channelId: ID!, $beforeSeq: Int!) {
      chatMessages(channelId: $channelId, beforeSeq: $beforeSeq, limit: 50) {
        hasMore
        messages {
          ...ChatMessageFields
        }
      }
    }
  `,
  [ChatMessageFields],
);

export const MarkChatReadMutation = graphql(`
  mutation MarkChatRead($channelId: ID!, $seq: Int!) {
    markChatRead(channelId: $channelId, seq: $seq)
  }
`);

/** The network a network channel belongs to, for naming the channel (Graphcache shares it with other pages). */
export const ChatNetworkNameQuery = graphql(`
  query ChatNetworkName($networkId: ID!) {
    network(networkId: $networkId) {
      id
      name
    }
  }
`);
