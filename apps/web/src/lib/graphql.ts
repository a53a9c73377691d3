import { initGraphQLTada } from 'gql.tada';
import type { introspection } from '../graphql-env.d.ts';

/**
 * Typed GraphQL documents. `graphql-env.d.ts` is generated from the committed schema.graphql
 * (`npm run web:types`, run by build and typecheck) and git-ignored, so a schema change surfaces as a
 * type error in the documents that use it.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
