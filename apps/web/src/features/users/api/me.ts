import { graphql } from '@/lib/graphql';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      displayName
      email
      country
      timeZone
      preferredLanguages
    }
  }
`);

export const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      displayName
      country
      timeZone
      preferredLanguages
    }
  }
`);
