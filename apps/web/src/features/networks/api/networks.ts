import { graphql } from '@/lib/graphql';

export const NetworksQuery = graphql(`
  query Networks {
    networks(first: 100) {
      nodes {
        id
        name
        kind
        city
        countries
        memberCount
        viewerRole
      }
    }
  }
`);

export const NetworkQuery = graphql(`
  query Network($networkId: ID!) {
    network(networkId: $networkId) {
      id
      name
      kind
      city
      countries
      description
      memberCount
      viewerRole
      visibility
      members(first: 50) {
        nodes {
          role
          joinedAt
          organisation {
            id
            name
            city
            country
            kind
          }
        }
      }
    }
    myOrganisations {
      role
      organisation {
        id
        name
      }
    }
  }
`);

export const JoinRequestsQuery = graphql(`
  query NetworkJoinRequests($networkId: ID!) {
    networkJoinRequests(networkId: $networkId) {
      id
      message
      direction
      status
      createdAt
      organisation {
        id
        name
        city
        country
      }
    }
  }
`);

export const RequestToJoinMutation = graphql(`
  mutation RequestToJoinNetwork($input: RequestToJoinInput!) {
    requestToJoinNetwork(input: $input) {
      id
      status
    }
  }
`);

export const DecideJoinRequestMutation = graphql(`
  mutation DecideNetworkJoinRequest($requestId: ID!, $approve: Boolean!) {
    decideNetworkJoinRequest(requestId: $requestId, approve: $approve) {
      id
      status
    }
  }
`);
