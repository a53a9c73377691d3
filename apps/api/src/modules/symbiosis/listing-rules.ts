import { DomainException } from '@api/platform/errors/domain.exception.js';
import { EWC_BY_CODE, normaliseEwcCode } from './data/ewc-codes.data.js';
import { LISTING_LANGUAGES, ListingStatus, MAX_QUANTITY, type QuantityUnit } from './symbiosis.enums.js';

const DAY = 86_400_000;

/** The lifecycle: which moves a member of the posting organisation may make. EXPIRED is the sweeper's. */
export const LISTING_MOVES: Record<ListingStatus, ListingStatus[]> = {
  [ListingStatus.DRAFT]: [ListingStatus.ACTIVE, ListingStatus.WITHDRAWN],
  [ListingStatus.ACTIVE]: [ListingStatus.RESERVED, ListingStatus.EXCHANGED, ListingStatus.WITHDRAWN],
  [ListingStatus.RESERVED]: [ListingStatus.ACTIVE, ListingStatus.EXCHANGED, ListingStatus.WITHDRAWN],
  [ListingStatus.EXCHANGED]: [],
  [ListingStatus.WITHDRAWN]: [],
  [ListingStatus.EXPIRED]: [],
};

/** A List of Waste code as stored (six digits), or BAD_USER_INPUT naming `field`. */
export function checkedEwcCode(input: string | null | undefined, field: string): string | null {
  if (input === undefined || input === null || input.trim() === '') return null;
  const code = normaliseEwcCode(input);
  if (!code) throw DomainException.badInput('The List of Waste code must be six digits, such as 04 02 22.', [field]);
  if (!EWC_BY_CODE.has(code)) throw DomainException.badInput(`${input} is not a List of Waste code the hub knows (see symbiosisTaxonomy.ewcEntries).`, [field]);
  return code;
}

export function checkLanguage(language: string, field: string): void {
  if (!LISTING_LANGUAGES.includes(language.split('-')[0]!.toLowerCase())) throw DomainException.badInput('Write listings in Italian, Greek, French, Arabic or English (it, el, fr, ar, en).', [field]);
}

export function checkQuantity(quantity: number, unit: QuantityUnit, field: string): void {
  if (!(quantity > 0)) throw DomainException.badInput('The quantity must be more than 0.', [field]);
  if (quantity > MAX_QUANTITY[unit]) throw DomainException.badInput(`The quantity is more than the ${MAX_QUANTITY[unit].toLocaleString('en')} ${unit} a listing may state.`, [field]);
}

/** Availability: from within a year ago and two years ahead; until after from, in the future, within five years. */
export function checkDates(from: Date, until: Date | null, now: Date, fields: { from: string; until: string }): void {
  if (from.getTime() < now.getTime() - 366 * DAY || from.getTime() > now.getTime() + 2 * 366 * DAY) {
    throw DomainException.badInput('Available from must be within a year ago and two years ahead.', [fields.from]);
  }
  if (until) {
    if (until.getTime() <= from.getTime()) throw DomainException.badInput('Available until must be after available from.', [fields.until]);
    if (until.getTime() <= now.getTime()) throw DomainException.badInput('Available until must be in the future.', [fields.until]);
    if (until.getTime() > from.getTime() + 5 * 366 * DAY) throw DomainException.badInput('Available until must be within five years of available from.', [fields.until]);
  }
}

export function checkCoordinates(latitude: number | null, longitude: number | null, fields: { latitude: string; longitude: string }): void {
  if ((latitude === null) !== (longitude === null)) throw DomainException.badInput('Give latitude and longitude together, or neither.', [latitude === null ? fields.latitude : fields.longitude]);
}
