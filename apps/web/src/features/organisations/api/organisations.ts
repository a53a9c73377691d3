import { graphql } from '@/lib/graphql';

export const MyOrganisationsQuery = graphql(`
  query MyOrganisations {
    myOrganisations {
      role
      organisation {
        id
        name
        kind
        city
        country
      }
    }
  }
`);

export const OrganisationQuery = graphql(`
  query Organisation($organisationId: ID!) {
    organisation(organisationId: $organisationId) {
      id
      name
      kind
      city
      country
      description
      website
      subsectors
      viewerRole
      members(first: 50) {
        nodes {
          role
          joinedAt
          user {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const OrganisationInvitationsQuery = graphql(`
  query OrganisationInvitations($organisationId: ID!) {
    organisationInvitations(organisationId: $organisationId) {
      id
      email
      role
      status
      expiresAt
    }
  }
`);

export const CreateOrganisationMutation = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
    }
  }
`);

export const UpdateOrganisationMutation = graphql(`
  mutation UpdateOrganisation($organisationId: ID!, $input: UpdateOrganisationInput!) {
    updateOrganisation(organisationId: $organisationId, input: $input) {
      id
      name
      kind
      city
      country
      description
      website
    }
  }
`);

export const InviteMemberMutation = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      id
      email
      role
      status
      expiresAt
    }
  }
`);

export const LeaveOrganisationMutation = graphql(`
  mutation LeaveOrganisation($organisationId: ID!) {
    leaveOrganisation(organisationId: $organisationId)
  }
`);

export const MyInvitationsQuery = graphql(`
  query MyInvitations {
    myInvitations {
      id
      role
      status
      expiresAt
      organisation {
        id
        name
        city
        country
      }
    }
  }
`);

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($invitationId: ID!) {
    acceptInvitation(invitationId: $invitationId) {
      id
      status
    }
  }
`);

export const DeclineInvitationMutation = graphql(`
  mutation DeclineInvitation($invitationId: ID!) {
    declineInvitation(invitationId: $invitationId) {
      id
      status
    }
  }
`);
