import type { Scenario } from '../lib/scenario.js';
import { graphqlBaseline } from './graphql-baseline.js';

/** Every scenario, in the order `npm run bench` runs them. */
export const SCENARIOS: Scenario[] = [graphqlBaseline];
