import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { DatabaseService } from '@api/platform/database/database.service.js';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { decodeCursor, toPage, type Page } from '@api/platform/graphql/pagination.js';
import { canonicalLanguage } from '@api/modules/identity/users/locale.validators.js';
import { EWC_BY_CODE } from './data/ewc-codes.data.js';
import { ListingAccessService } from './listing-access.service.js';
import { LISTING_MOVES, checkCoordinates, checkDates, checkLanguage, checkQuantity, checkedEwcCode } from './listing-rules.js';
import type { ListingEntity } from './listing.entity.js';
import type { ListingFilter, PostListingInput, UpdateListingInput } from './listing.input.js';
import { ListingsRepository, type ListingFields, type ListingView } from './listings.repository.js';
import { MatchingService } from './matching.service.js';
import { ListingFrequency, ListingStatus, MAX_OPEN_LISTINGS_PER_ORGANISATION } from './symbiosis.enums.js';
import { material } from './taxonomy.js';

const FIELD_KEYS = [
  'kind', 'organisationId', 'authorId', 'title', 'description', 'language', 'material', 'family', 'ewcCode', 'hazardous', 'quantity', 'unit', 'frequency',
  'condition', 'availableFrom', 'availableUntil', 'city', 'country', 'latitude', 'longitude', 'radiusKm', 'dataSheetUrl', 'networkIds',
] as const satisfies readonly (keyof ListingFields)[];

function fieldsOf(listing: ListingEntity): ListingFields {
  return Object.fromEntries(FIELD_KEYS.map((k) => [k, listing[k]])) as unknown as ListingFields;
}

const REQUIRED_ON_UPDATE = ['title', 'description', 'language', 'material', 'quantity', 'unit', 'frequency', 'condition', 'availableFrom', 'city', 'country', 'networkIds'] as const satisfies readonly (keyof UpdateListingInput)[];

/** How often each instance sweeps expired listings (reads also sweep, at most this often). */
const SWEEP_EVERY_MS = 60_000;
const SWEEP_ON_READ_EVERY_MS = 5_000;

@Injectable()
export class ListingsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ListingsService.name);
  private timer?: NodeJS.Timeout;
  private lastSweep = 0;

  constructor(
    private readonly db: DatabaseService,
    private readonly listings: ListingsRepository,
    private readonly access: ListingAccessService,
    private readonly matching: MatchingService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweepExpired().catch((error: unknown) => this.logger.warn({ err: error }, 'listing expiry sweep failed')), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** ACTIVE listings past their `availableUntil` become EXPIRED. */
  async sweepExpired(): Promise<number> {
    this.lastSweep = Date.now();
    return this.listings.expireDue();
  }

  private async sweepIfDue(): Promise<void> {
    if (Date.now() - this.lastSweep >= SWEEP_ON_READ_EVERY_MS) await this.sweepExpired();
  }

  async post(caller: AuthUser, input: PostListingInput): Promise<ListingView> {
    const fields = this.validated(
      {
        kind: input.kind,
        organisationId: input.organisationId,
        authorId: caller.id,
        title: input.title.trim(),
        description: input.description,
        language: input.language,
        material: input.material,
        family: '',
        ewcCode: input.ewcCode ?? null,
        hazardous: false,
        quantity: input.quantity,
        unit: input.unit,
        frequency: input.frequency ?? ListingFrequency.ONE_OFF,
        condition: input.condition ?? '',
        availableFrom: input.availableFrom,
        availableUntil: input.availableUntil ?? null,
        city: input.city.trim(),
        country: input.country.toUpperCase(),
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        radiusKm: input.radiusKm ?? null,
        dataSheetUrl: input.dataSheetUrl ?? null,
        networkIds: [...new Set(input.networkIds)],
      },
      new Date(),
    );
    await this.access.requireActingMember(caller.id, input.organisationId, fields.networkIds);
    const listing = await this.db.transaction(async (manager) => {
      await this.listings.lockOrganisation(input.organisationId, manager);
      if ((await this.listings.countOpen(input.organisationId, manager)) >= MAX_OPEN_LISTINGS_PER_ORGANISATION) {
        throw DomainException.limitReached(`An organisation may have at most ${MAX_OPEN_LISTINGS_PER_ORGANISATION} open listings (draft, active or reserved); withdraw some first.`);
      }
      return this.listings.create(fields, manager);
    });
    return this.view(caller, listing.id);
  }

  async update(caller: AuthUser, listingId: string, input: UpdateListingInput): Promise<ListingView> {
    // Optional in the input type, but these cannot be cleared: an explicit null is refused, not a crash.
    const cleared = REQUIRED_ON_UPDATE.find((key) => input[key] === null);
    if (cleared) throw DomainException.badInput(`${cleared} cannot be cleared; give a value or leave it out.`, [`input.${cleared}`]);
    const current = await this.access.requireEditor(caller.id, listingId);
    if (current.status !== ListingStatus.DRAFT && current.status !== ListingStatus.ACTIVE) throw DomainException.conflict(`A ${current.status} listing can no longer be edited; only DRAFT and ACTIVE ones can.`);
    const merged = this.validated(
      {
        ...fieldsOf(current),
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.language !== undefined ? { language: input.language } : {}),
        ...(input.material !== undefined ? { material: input.material } : {}),
        ...(input.ewcCode !== undefined ? { ewcCode: input.ewcCode } : {}),
        ...(input.quantity !== undefined ? { quantity: input.quantity } : {}),
        ...(input.unit !== undefined ? { unit: input.unit } : {}),
        ...(input.frequency !== undefined ? { frequency: input.frequency } : {}),
        ...(input.condition !== undefined ? { condition: input.condition } : {}),
        ...(input.availableFrom !== undefined ? { availableFrom: input.availableFrom } : {}),
        ...(input.availableUntil !== undefined ? { availableUntil: input.availableUntil } : {}),
        ...(input.city !== undefined ? { city: input.city.trim() } : {}),
        ...(input.country !== undefined ? { country: input.country.toUpperCase() } : {}),
        ...(input.latitude !== undefined ? { latitude: input.latitude } : {}),
        ...(input.longitude !== undefined ? { longitude: input.longitude } : {}),
        ...(input.radiusKm !== undefined ? { radiusKm: input.radiusKm } : {}),
        ...(input.dataSheetUrl !== undefined ? { dataSheetUrl: input.dataSheetUrl } : {}),
        ...(input.networkIds !== undefined ? { networkIds: [...new Set(input.networkIds)] } : {}),
      },
      new Date(),
    );
    if (merged.quantity < current.reservedQuantity) throw DomainException.badInput('The quantity cannot go below what accepted proposals reserve.', ['input.quantity']);
    if (input.networkIds !== undefined) await this.access.requireActingMember(caller.id, current.organisationId, merged.networkIds);
    const { kind: _kind, organisationId: _organisationId, authorId: _authorId, ...changes } = merged;
    await this.db.transaction((manager) => this.listings.update(listingId, changes, manager));
    return this.view(caller, listingId);
  }

  /** Field checks that need more than one field or the data files; every failure names its field. */
  private validated(fields: ListingFields, now: Date): ListingFields {
    checkLanguage(fields.language, 'input.language');
    const ewcCode = checkedEwcCode(fields.ewcCode, 'input.ewcCode');
    checkQuantity(fields.quantity, fields.unit, 'input.quantity');
    checkDates(fields.availableFrom, fields.availableUntil, now, { from: 'input.availableFrom', until: 'input.availableUntil' });
    checkCoordinates(fields.latitude, fields.longitude, { latitude: 'input.latitude', longitude: 'input.longitude' });
    if (fields.title.length < 5) throw DomainException.badInput('The title needs at least 5 characters besides spaces.', ['input.title']);
    if (fields.city.length === 0) throw DomainException.badInput('Name the city.', ['input.city']);
    return {
      ...fields,
      language: canonicalLanguage(fields.language),
      ewcCode,
      hazardous: ewcCode ? EWC_BY_CODE.get(ewcCode)!.hazardous : false,
      family: material(fields.material).family,
    };
  }

  async move(caller: AuthUser, listingId: string, to: ListingStatus): Promise<ListingView> {
    await this.access.requireEditor(caller.id, listingId);
    const from = await this.db.transaction(async (manager) => {
      const current = await this.listings.lockById(listingId, manager);
      if (!current) throw DomainException.notFound('The listing');
      if (!LISTING_MOVES[current.status].includes(to)) {
        const allowed = LISTING_MOVES[current.status];
        throw DomainException.conflict(`A ${current.status} listing cannot move to ${to}; ${allowed.length ? `it can move to ${allowed.join(', ')}` : 'it is final'}.`);
      }
      if (to === ListingStatus.ACTIVE && current.availableUntil && current.availableUntil.getTime() <= Date.now()) {
        throw DomainException.conflict('The listing’s availability has ended; change `availableUntil` first.');
      }
      await this.listings.setStatus(listingId, to, manager);
      return current;
    });
    if (to === ListingStatus.ACTIVE && from.status === ListingStatus.DRAFT) await this.matching.recordNewMatches({ ...from, status: to }, caller.id);
    return this.view(caller, listingId);
  }

  async view(caller: AuthUser, listingId: string): Promise<ListingView> {
    await this.sweepIfDue();
    return this.access.requireVisible(caller.id, listingId);
  }

  async feed(caller: AuthUser, filter: ListingFilter, first: number, after?: string): Promise<Page<ListingView>> {
    await this.sweepIfDue();
    const search = filter.search?.trim() || undefined;
    const cursor = decodeCursor(after, search ? 'text' : 'timestamp');
    if (search && cursor && !/^\d+(\.\d+)?$/.test(cursor.key)) throw DomainException.badInput('The cursor is not one this server gave out.', ['after']);
    if (filter.quantityMin !== undefined && filter.quantityMax !== undefined && filter.quantityMin > filter.quantityMax) {
      throw DomainException.badInput('quantityMin must not be more than quantityMax.', ['filter.quantityMin']);
    }
    const rows = await this.listings.views(caller.id, { ...filter, search, country: filter.country?.toUpperCase() }, first, cursor);
    return toPage(rows, first, (v) => ({ key: search ? (v.rank ?? '0') : new Date(v.listing.createdAt).toISOString(), id: v.listing.id }));
  }

  /** For mappers: which of a listing's networks the viewer may see. */
  visibleNetworkIds(caller: AuthUser, listings: ListingEntity[]): Promise<Set<string>> {
    return this.listings.visibleNetworkIds(caller.id, [...new Set(listings.flatMap((l) => l.networkIds))]);
  }
}
