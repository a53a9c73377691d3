import type { Scenario } from '../lib/scenario.js';
import { challengeFeed } from './challenge-feed.js';
import { chatFanout } from './chat-fanout.js';
import { cocreate } from './cocreate.js';
import { graphqlBaseline } from './graphql-baseline.js';
import { matchmaking } from './matchmaking.js';
import { symbiosisMatching } from './symbiosis-matching.js';

/** Every scenario, in the order `npm run bench` runs them. */
export const SCENARIOS: Scenario[] = [graphqlBaseline, challengeFeed, chatFanout, matchmaking, cocreate, symbiosisMatching];
