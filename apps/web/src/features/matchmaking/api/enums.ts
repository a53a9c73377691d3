import type { ResultOf } from '@/lib/graphql';
import type { ParticipantFields, SessionQuery } from './matchmaking';

type Opportunity = ResultOf<typeof ParticipantFields>['opportunities'][number];
export type OpportunityType = Opportunity['type'];
export type OpportunityDirection = Opportunity['direction'];
export type SessionPhase = ResultOf<typeof SessionQuery>['matchmakingSession']['phase'];

// Typed against the schema: a value added or renamed there fails here until the lists and the
// catalogues follow.
export const OPPORTUNITY_TYPES: readonly OpportunityType[] = ['PARTNERSHIP', 'SUPPLIER', 'CUSTOMER', 'EXPERTISE', 'MATERIAL_EXCHANGE', 'FUNDING'];
export const DIRECTIONS: readonly OpportunityDirection[] = ['OFFER', 'REQUEST'];
export const PHASES: readonly SessionPhase[] = ['DRAFT', 'REGISTRATION', 'REQUESTS', 'SCHEDULED', 'LIVE', 'CLOSED'];
