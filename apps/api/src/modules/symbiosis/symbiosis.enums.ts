import { MATERIAL_CODES, MATERIAL_FAMILIES } from './data/materials.data.js';

/** OFFER: the organisation has the material (by-product, waste, surplus); WANT: it needs it. */
export enum ListingKind {
  OFFER = 'OFFER',
  WANT = 'WANT',
}

/** DRAFT → ACTIVE → RESERVED → EXCHANGED, or WITHDRAWN / EXPIRED. */
export enum ListingStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  RESERVED = 'RESERVED',
  EXCHANGED = 'EXCHANGED',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
}

export enum QuantityUnit {
  KG = 'KG',
  TONNE = 'TONNE',
  METRE = 'METRE',
  SQUARE_METRE = 'SQUARE_METRE',
  CUBIC_METRE = 'CUBIC_METRE',
  PIECE = 'PIECE',
}

export enum ListingFrequency {
  ONE_OFF = 'ONE_OFF',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  YEARLY = 'YEARLY',
}

export enum ProposalStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  COMPLETED = 'COMPLETED',
}

/** Why a candidate matches; each reason carries its points (see docs/symbiosis.md). */
export enum MatchReasonCode {
  SAME_MATERIAL = 'SAME_MATERIAL',
  COMPATIBLE_MATERIAL = 'COMPATIBLE_MATERIAL',
  SAME_EWC_CODE = 'SAME_EWC_CODE',
  SAME_EWC_SUBCHAPTER = 'SAME_EWC_SUBCHAPTER',
  QUANTITY_FIT = 'QUANTITY_FIT',
  DATES_OVERLAP = 'DATES_OVERLAP',
  WITHIN_REACH = 'WITHIN_REACH',
  DISTANCE = 'DISTANCE',
  SHARED_NETWORK = 'SHARED_NETWORK',
  SHARED_LANGUAGE = 'SHARED_LANGUAGE',
}

export enum ShipmentOutcomeKind {
  PROHIBITED = 'PROHIBITED',
  PRIOR_NOTIFICATION_AND_CONSENT = 'PRIOR_NOTIFICATION_AND_CONSENT',
  GENERAL_INFORMATION = 'GENERAL_INFORMATION',
  DESTINATION_REGIME_DECIDES = 'DESTINATION_REGIME_DECIDES',
  ONLY_TO_LISTED_COUNTRIES = 'ONLY_TO_LISTED_COUNTRIES',
  NATIONAL_RULES = 'NATIONAL_RULES',
}

/** The taxonomy's codes as GraphQL enums; the data files stay the one place they are written. */
export const SymbiosisMaterial: Record<string, string> = Object.fromEntries(MATERIAL_CODES.map((c) => [c, c]));
export const SymbiosisMaterialFamily: Record<string, string> = Object.fromEntries(MATERIAL_FAMILIES.map((c) => [c, c]));

/** The languages listings may be written in (their text-search configurations exist). */
export const LISTING_LANGUAGES = ['it', 'el', 'fr', 'ar', 'en'];

/** Limits: open (DRAFT, ACTIVE, RESERVED) listings per organisation; proposals an organisation makes per 24 h. */
export const MAX_OPEN_LISTINGS_PER_ORGANISATION = 100;
export const MAX_PROPOSALS_PER_DAY = 20;

/** The largest quantity a listing may state, per unit: beyond this it is a typing mistake. */
export const MAX_QUANTITY: Record<QuantityUnit, number> = {
  [QuantityUnit.KG]: 10_000_000,
  [QuantityUnit.TONNE]: 100_000,
  [QuantityUnit.METRE]: 10_000_000,
  [QuantityUnit.SQUARE_METRE]: 10_000_000,
  [QuantityUnit.CUBIC_METRE]: 1_000_000,
  [QuantityUnit.PIECE]: 10_000_000,
};

/** Tonnes per unit where the unit is a mass; other units need the mass stated at completion. */
export const TONNES_PER_UNIT: Partial<Record<QuantityUnit, number>> = { [QuantityUnit.KG]: 0.001, [QuantityUnit.TONNE]: 1 };
