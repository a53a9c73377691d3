import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '@api/platform/graphql/pagination.js';
import { Organisation } from '@api/modules/identity/organisations/organisation.model.js';
import { User } from '@api/modules/identity/users/user.model.js';
import { FAMILY_LABELS, MATERIALS } from './data/materials.data.js';
import {
  ListingFrequency,
  ListingKind,
  ListingStatus,
  MatchReasonCode,
  ProposalStatus,
  QuantityUnit,
  ShipmentOutcomeKind,
  SymbiosisMaterial,
  SymbiosisMaterialFamily,
} from './symbiosis.enums.js';

registerEnumType(ListingKind, { name: 'SymbiosisListingKind', description: 'OFFER: the organisation has the material; WANT: it needs it.', valuesMap: { OFFER: { description: 'A by-product, waste or surplus on offer.' }, WANT: { description: 'A material needed.' } } });
registerEnumType(ListingStatus, {
  name: 'SymbiosisListingStatus',
  description: 'DRAFT → ACTIVE → RESERVED → EXCHANGED, or WITHDRAWN / EXPIRED.',
  valuesMap: {
    DRAFT: { description: 'Seen only by the posting organisation.' },
    ACTIVE: { description: 'Shown to its networks and matched.' },
    RESERVED: { description: 'An accepted proposal holds (part of) the quantity.' },
    EXCHANGED: { description: 'The exchange was completed.' },
    WITHDRAWN: { description: 'Taken back by the posting organisation.' },
    EXPIRED: { description: 'Its availability ended (set by the hub).' },
  },
});
registerEnumType(QuantityUnit, {
  name: 'SymbiosisQuantityUnit',
  description: 'Unit of a quantity.',
  valuesMap: { KG: { description: 'Kilograms.' }, TONNE: { description: 'Tonnes (1,000 kg).' }, METRE: { description: 'Metres (e.g. of fabric roll).' }, SQUARE_METRE: { description: 'Square metres.' }, CUBIC_METRE: { description: 'Cubic metres.' }, PIECE: { description: 'Pieces.' } },
});
registerEnumType(ListingFrequency, {
  name: 'SymbiosisFrequency',
  description: 'Whether the quantity is available once or per period.',
  valuesMap: { ONE_OFF: { description: 'Once.' }, WEEKLY: { description: 'Every week.' }, MONTHLY: { description: 'Every month.' }, YEARLY: { description: 'Every year.' } },
});
registerEnumType(ProposalStatus, {
  name: 'SymbiosisProposalStatus',
  description: 'PENDING → ACCEPTED → COMPLETED, or DECLINED.',
  valuesMap: { PENDING: { description: 'Waiting for the listing’s organisation.' }, ACCEPTED: { description: 'Accepted; the quantity is reserved.' }, DECLINED: { description: 'Declined.' }, COMPLETED: { description: 'Exchanged; the impact is recorded.' } },
});
registerEnumType(MatchReasonCode, {
  name: 'SymbiosisMatchReasonCode',
  description: 'Why a candidate matches (points in docs/symbiosis.md).',
  valuesMap: {
    SAME_MATERIAL: { description: 'The same material of the taxonomy; detail: its code.' },
    COMPATIBLE_MATERIAL: { description: 'A material that feeds a common use; detail: the uses.' },
    SAME_EWC_CODE: { description: 'The same List of Waste code; detail: the code.' },
    SAME_EWC_SUBCHAPTER: { description: 'Codes in the same sub-chapter; detail: its four digits.' },
    QUANTITY_FIT: { description: 'How much of the larger quantity the smaller covers; detail: the percentage.' },
    DATES_OVERLAP: { description: 'The availability periods overlap.' },
    WITHIN_REACH: { description: 'Within the pick-up or delivery radius of one side; detail: the distance.' },
    DISTANCE: { description: 'Farther than either radius, points fading with distance; detail: the distance.' },
    SHARED_NETWORK: { description: 'Both are shown to a common network; detail: how many.' },
    SHARED_LANGUAGE: { description: 'Members of both organisations speak a common language; detail: the languages.' },
  },
});
registerEnumType(ShipmentOutcomeKind, {
  name: 'ShipmentOutcome',
  description: 'What the rules say in general terms about a cross-border shipment; never a legal verdict.',
  valuesMap: {
    PROHIBITED: { description: 'The rules prohibit this shipment.' },
    PRIOR_NOTIFICATION_AND_CONSENT: { description: 'Prior written notification and consent of the authorities.' },
    GENERAL_INFORMATION: { description: 'General information requirements (green list), no prior consent.' },
    DESTINATION_REGIME_DECIDES: { description: 'The regime the destination country declared decides.' },
    ONLY_TO_LISTED_COUNTRIES: { description: 'Allowed only to countries the Commission has listed.' },
    NATIONAL_RULES: { description: 'No EU rule applies; the national laws of both countries decide.' },
  },
});
registerEnumType(SymbiosisMaterial, {
  name: 'SymbiosisMaterial',
  description: 'A material of the shared taxonomy (labels in every language from `symbiosisTaxonomy`).',
  valuesMap: Object.fromEntries(MATERIALS.map((m) => [m.code, { description: `${m.labels.en} (${m.family.toLowerCase()}).` }])),
});
registerEnumType(SymbiosisMaterialFamily, {
  name: 'SymbiosisMaterialFamily',
  description: 'A family of the material taxonomy.',
  valuesMap: Object.fromEntries(Object.entries(FAMILY_LABELS).map(([code, labels]) => [code, { description: `${labels.en}.` }])),
});

@ObjectType({ description: 'A text in each of the hub’s languages.' })
export class Labels {
  @Field({ description: 'Italian.' })
  it: string;
  @Field({ description: 'Greek.' })
  el: string;
  @Field({ description: 'French.' })
  fr: string;
  @Field({ description: 'Arabic.' })
  ar: string;
  @Field({ description: 'English.' })
  en: string;
}

@ObjectType({ description: 'An entry of the European List of Waste.' })
export class EwcEntry {
  @Field({ description: 'Six digits, e.g. 040222.' })
  code: string;
  @Field({ description: 'As printed in the Decision, e.g. "04 02 22" or "20 01 35*" (asterisk: hazardous).' })
  formatted: string;
  @Field({ description: 'Title of the entry (English).' })
  title: string;
  @Field({ description: 'Whether the entry is hazardous.' })
  hazardous: boolean;
  @Field(() => String, { nullable: true, description: 'Indicative green-list (Basel Annex IX) entry of a clean lot, e.g. B3030.' })
  greenListEntry: string | null;
}

@ObjectType({ description: 'A source a rule or factor comes from.' })
export class SymbiosisSource {
  @Field({ description: 'Its title.' })
  title: string;
  @Field({ description: 'Where to read it.' })
  url: string;
}

@ObjectType({ description: 'An OFFER or WANT of a material on the symbiosis exchange.' })
export class SymbiosisListing {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;
  @Field(() => ListingKind, { description: 'OFFER or WANT.' })
  kind: ListingKind;
  @Field(() => ListingStatus, { description: 'Where it stands.' })
  status: ListingStatus;
  @Field({ description: 'Title, as written.' })
  title: string;
  @Field({ description: 'Description, as written.' })
  description: string;
  @Field({ description: 'Language of the text (BCP 47).' })
  language: string;
  @Field(() => SymbiosisMaterial, { description: 'The material.' })
  material: string;
  @Field(() => SymbiosisMaterialFamily, { description: 'Its family.' })
  family: string;
  @Field(() => EwcEntry, { nullable: true, description: 'The List of Waste entry, if given.' })
  ewc: EwcEntry | null;
  @Field({ description: 'Whether its List of Waste entry is hazardous.' })
  hazardous: boolean;
  @Field(() => Float, { description: 'Quantity (per period when recurring).' })
  quantity: number;
  @Field(() => Float, { description: 'Quantity held by accepted proposals.' })
  reservedQuantity: number;
  @Field(() => QuantityUnit, { description: 'Unit of the quantities.' })
  unit: QuantityUnit;
  @Field(() => ListingFrequency, { description: 'One-off or recurring.' })
  frequency: ListingFrequency;
  @Field({ description: 'Condition and specification, as written.' })
  condition: string;
  @Field(() => GraphQLISODateTime, { description: 'Available (or needed) from.' })
  availableFrom: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Available (or needed) until; it expires then.' })
  availableUntil: Date | null;
  @Field({ description: 'City.' })
  city: string;
  @Field({ description: 'Country (ISO 3166-1 alpha-2).' })
  country: string;
  @Field(() => Float, { nullable: true, description: 'Latitude.' })
  latitude: number | null;
  @Field(() => Float, { nullable: true, description: 'Longitude.' })
  longitude: number | null;
  @Field(() => Int, { nullable: true, description: 'Pick-up or delivery radius in km.' })
  radiusKm: number | null;
  @Field(() => String, { nullable: true, description: 'Link to photos or a data sheet.' })
  dataSheetUrl: string | null;
  @Field(() => [ID], { description: 'The networks it is shown to that you can see.' })
  networkIds: string[];
  @Field(() => Organisation, { description: 'The posting organisation.' })
  organisation: Organisation;
  @Field(() => User, { nullable: true, description: 'Who posted it (null if the account is gone).' })
  author: User | null;
  @Field({ description: 'Whether you may edit and move it (a member of the posting organisation).' })
  viewerCanEdit: boolean;
  @Field(() => Float, { nullable: true, description: 'Distance in km from the point of a `near` filter.' })
  distanceKm: number | null;
  @Field(() => GraphQLISODateTime, { description: 'When it was created.' })
  createdAt: Date;
  @Field(() => GraphQLISODateTime, { description: 'When it last changed.' })
  updatedAt: Date;
}

export const SymbiosisListingConnection = Connection(SymbiosisListing, 'SymbiosisListing');

@ObjectType({ description: 'One reason a candidate matches, with its points.' })
export class SymbiosisMatchReason {
  @Field(() => MatchReasonCode, { description: 'The criterion.' })
  code: MatchReasonCode;
  @Field(() => Int, { description: 'Points it adds (the criteria add up to 100).' })
  points: number;
  @Field({ description: 'Language-independent detail: a code, a percentage, a distance.' })
  detail: string;
}

@ObjectType({ description: 'What the shipment rules say, in general terms, when the two sides are in different countries.' })
export class ShipmentGuidance {
  @Field({ description: 'Country the material leaves (the OFFER’s).' })
  originCountry: string;
  @Field({ description: 'Country it goes to (the WANT’s).' })
  destinationCountry: string;
  @Field({ description: 'Whether the List of Waste entry is hazardous.' })
  hazardous: boolean;
  @Field({ description: 'GREEN (green-listed, non-hazardous entry) or AMBER (anything else, including a missing code).' })
  wasteList: string;
  @Field(() => String, { nullable: true, description: 'Indicative green-list entry, e.g. B3030.' })
  greenListEntry: string | null;
  @Field(() => ShipmentOutcomeKind, { description: 'What the rule says.' })
  outcome: ShipmentOutcomeKind;
  @Field(() => String, { nullable: true, description: 'The rule applied (data/shipment-rules.data.ts).' })
  ruleId: string | null;
  @Field({ description: 'The rule in general terms.' })
  summary: string;
  @Field(() => [SymbiosisSource], { description: 'Where the rule comes from.' })
  sources: SymbiosisSource[];
  @Field({ description: 'Always true: the parties must check with the competent authorities.' })
  checkRequired: boolean;
  @Field({ description: 'That this is guidance, not a legal verdict.' })
  disclaimer: string;
}

@ObjectType({ description: 'A candidate counterpart for a listing, scored on taxonomy and codes, never on words.' })
export class SymbiosisCandidate {
  @Field(() => SymbiosisListing, { description: 'The candidate listing (the opposite kind).' })
  listing: SymbiosisListing;
  @Field(() => Int, { description: 'Score, 0–100.' })
  score: number;
  @Field(() => [SymbiosisMatchReason], { description: 'Why, criterion by criterion.' })
  reasons: SymbiosisMatchReason[];
  @Field(() => Float, { nullable: true, description: 'Distance in km, when both sides have coordinates.' })
  distanceKm: number | null;
  @Field(() => ShipmentGuidance, { nullable: true, description: 'Shipment guidance when the countries differ; null within one country.' })
  shipment: ShipmentGuidance | null;
}

@ObjectType({ description: 'A match the hub found and told both sides about.' })
export class SymbiosisMatch {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;
  @Field(() => ID, { description: 'The OFFER.' })
  offerId: string;
  @Field(() => ID, { description: 'The WANT.' })
  wantId: string;
  @Field(() => ID, { description: 'The organisation of the OFFER.' })
  offerOrganisationId: string;
  @Field(() => ID, { description: 'The organisation of the WANT.' })
  wantOrganisationId: string;
  @Field({ description: 'Title of the OFFER, as written.' })
  offerTitle: string;
  @Field({ description: 'Title of the WANT, as written.' })
  wantTitle: string;
  @Field(() => Int, { description: 'Score when it was found, 0–100.' })
  score: number;
  @Field(() => [SymbiosisMatchReason], { description: 'Why, when it was found.' })
  reasons: SymbiosisMatchReason[];
  @Field(() => GraphQLISODateTime, { description: 'When it was found.' })
  createdAt: Date;
}

export const SymbiosisMatchConnection = Connection(SymbiosisMatch, 'SymbiosisMatch');

@ObjectType({ description: 'A proposal to exchange part or all of a listing.' })
export class SymbiosisProposal {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;
  @Field(() => ID, { description: 'The listing.' })
  listingId: string;
  @Field(() => ID, { nullable: true, description: 'The proposer’s own listing it answers with.' })
  counterListingId: string | null;
  @Field(() => Organisation, { description: 'The proposing organisation.' })
  fromOrganisation: Organisation;
  @Field(() => Float, { description: 'Quantity proposed, in the listing’s unit.' })
  quantity: number;
  @Field(() => QuantityUnit, { description: 'The listing’s unit.' })
  unit: QuantityUnit;
  @Field(() => GraphQLISODateTime, { description: 'When the exchange would take place.' })
  proposedDate: Date;
  @Field({ description: 'Terms, as written.' })
  terms: string;
  @Field(() => ProposalStatus, { description: 'Where it stands.' })
  status: ProposalStatus;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was accepted or declined.' })
  decidedAt: Date | null;
  @Field(() => Float, { nullable: true, description: 'Quantity actually exchanged, in the listing’s unit.' })
  exchangedQuantity: number | null;
  @Field(() => Float, { nullable: true, description: 'Mass exchanged, tonnes.' })
  exchangedTonnes: number | null;
  @Field(() => Float, { nullable: true, description: 'Tonnes diverted from landfill or incineration.' })
  divertedTonnes: number | null;
  @Field(() => Float, { nullable: true, description: 'Tonnes of CO2-equivalent avoided.' })
  co2eAvoidedTonnes: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the exchange was completed.' })
  completedAt: Date | null;
  @Field(() => GraphQLISODateTime, { description: 'When it was made.' })
  createdAt: Date;
}

@ObjectType({ description: 'Impact of the completed exchanges of a network’s listings.' })
export class SymbiosisImpact {
  @Field(() => Int, { description: 'Completed exchanges.' })
  exchanges: number;
  @Field(() => Float, { description: 'Mass exchanged, tonnes.' })
  exchangedTonnes: number;
  @Field(() => Float, { description: 'Tonnes diverted from landfill or incineration.' })
  divertedTonnes: number;
  @Field(() => Float, { description: 'Tonnes of CO2-equivalent avoided.' })
  co2eAvoidedTonnes: number;
  @Field(() => SymbiosisSource, { description: 'Where the factors come from.' })
  factorSource: SymbiosisSource;
}

@ObjectType({ description: 'A material of the taxonomy.' })
export class SymbiosisMaterialInfo {
  @Field(() => SymbiosisMaterial, { description: 'Its code.' })
  code: string;
  @Field(() => SymbiosisMaterialFamily, { description: 'Its family.' })
  family: string;
  @Field(() => Labels, { description: 'Its name in each language.' })
  labels: Labels;
  @Field(() => [String], { description: 'List of Waste codes it is usually declared under.' })
  usualEwcCodes: string[];
  @Field(() => Float, { description: 'Tonnes of CO2-equivalent avoided per tonne exchanged (impact factor).' })
  co2eAvoidedPerTonne: number;
}

@ObjectType({ description: 'A family of the taxonomy.' })
export class SymbiosisFamilyInfo {
  @Field(() => SymbiosisMaterialFamily, { description: 'Its code.' })
  code: string;
  @Field(() => Labels, { description: 'Its name in each language.' })
  labels: Labels;
}

@ObjectType({ description: 'The data the exchange works from, with its sources.' })
export class SymbiosisTaxonomy {
  @Field(() => [SymbiosisFamilyInfo], { description: 'Material families.' })
  families: SymbiosisFamilyInfo[];
  @Field(() => [SymbiosisMaterialInfo], { description: 'Materials.' })
  materials: SymbiosisMaterialInfo[];
  @Field(() => [EwcEntry], { description: 'The List of Waste entries the hub accepts.' })
  ewcEntries: EwcEntry[];
  @Field(() => SymbiosisSource, { description: 'Source of the List of Waste.' })
  ewcSource: SymbiosisSource;
  @Field(() => SymbiosisSource, { description: 'Source of the impact factors.' })
  impactSource: SymbiosisSource;
}
