import type { ResultOf } from '@/lib/graphql';
import type { OrganisationQuery } from './organisations';

type Organisation = ResultOf<typeof OrganisationQuery>['organisation'];
export type OrganisationKind = Organisation['kind'];
export type OrganisationRole = NonNullable<Organisation['viewerRole']>;

export const KINDS: readonly OrganisationKind[] = ['SME', 'EXPERT', 'MUNICIPALITY', 'UNIVERSITY', 'NGO'];
export const ROLES: readonly OrganisationRole[] = ['MEMBER', 'ADMIN', 'OWNER'];
