import type { ResultOf } from '@/lib/graphql';
import type { ChallengeQuery } from './challenges';

type Challenge = ResultOf<typeof ChallengeQuery>['challenge'];
export type ChallengeStatus = Challenge['status'];
export type ResolveLever = Challenge['levers'][number];
export type CciSubsector = Challenge['subsectors'][number];

// Typed against the schema: a value added or renamed there fails here until the lists and the
// catalogues follow.
export const STATUSES: readonly ChallengeStatus[] = ['DRAFT', 'OPEN', 'IN_PROGRESS', 'SOLVED', 'CLOSED'];
export const LEVERS: readonly ResolveLever[] = ['REGENERATE', 'SHARE', 'OPTIMISE', 'LOOP', 'VIRTUALISE', 'EXCHANGE'];
export const SUBSECTORS: readonly CciSubsector[] = [
  'ARCHITECTURE',
  'ARCHIVES_LIBRARIES_MUSEUMS',
  'ARTISTIC_CRAFTS',
  'AUDIOVISUAL_MULTIMEDIA',
  'CULTURAL_HERITAGE',
  'DESIGN_FASHION',
  'DESIGN_GRAPHIC',
  'DESIGN_INTERIOR',
  'DESIGN_PRODUCT',
  'FESTIVALS',
  'MUSIC',
  'PERFORMING_ARTS',
  'PUBLISHING',
  'VISUAL_ARTS',
];

/** The lifecycle as the hub enforces it (challenges.service.ts): which states follow which. */
export const NEXT_STATUSES: Record<ChallengeStatus, readonly ChallengeStatus[]> = {
  DRAFT: ['OPEN', 'CLOSED'],
  OPEN: ['IN_PROGRESS', 'SOLVED', 'CLOSED'],
  IN_PROGRESS: ['OPEN', 'SOLVED', 'CLOSED'],
  SOLVED: [],
  CLOSED: [],
};

export const CONTENT_LANGUAGES = ['it', 'el', 'fr', 'ar', 'en'] as const;
