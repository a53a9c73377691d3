import { Injectable } from '@nestjs/common';
import type { OrganisationKind } from '@app/contracts';
import { DomainEventBus } from '@app/events';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { DatabaseService } from '@api/platform/database/database.service.js';
import { decodeCursor, toPage, type Page } from '@api/platform/graphql/pagination.js';
import { ANY_MEMBER, MANAGERS, OrganisationAccessService } from './organisation-access.service.js';
import type { CreateOrganisationInput, UpdateOrganisationInput } from './organisation.input.js';
import type { OrganisationEntity } from './organisation.entity.js';
import type { OrganisationMembershipEntity } from './organisation-membership.entity.js';
import { OrganisationMembersRepository } from './organisation-members.repository.js';
import { OrganisationsRepository } from './organisations.repository.js';

function cleanFields<T extends Partial<CreateOrganisationInput>>(input: T) {
  return {
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.country !== undefined ? { country: input.country.toUpperCase() } : {}),
    ...(input.city !== undefined ? { city: input.city.trim() } : {}),
    ...(input.subsectors !== undefined ? { subsectors: [...new Set(input.subsectors)] } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.website !== undefined ? { website: input.website } : {}),
  };
}

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly organisations: OrganisationsRepository,
    private readonly members: OrganisationMembersRepository,
    private readonly access: OrganisationAccessService,
    private readonly events: DomainEventBus,
  ) {}

  async create(caller: AuthUser, input: CreateOrganisationInput): Promise<OrganisationEntity> {
    const fields = cleanFields(input);
    return this.db.transaction((manager) =>
      this.organisations.createWithOwner(
        { name: fields.name!, kind: fields.kind!, country: fields.country!, city: fields.city!, subsectors: fields.subsectors ?? [], description: fields.description ?? '', website: fields.website ?? null },
        caller.id,
        manager,
      ),
    );
  }

  /** Organisations are listed in the directory for every signed-in user. */
  get(organisationId: string): Promise<OrganisationEntity> {
    return this.access.load(organisationId);
  }

  list(filter: { country?: string; kind?: OrganisationKind }, first: number, after?: string): Promise<Page<OrganisationEntity>> {
    const cursor = decodeCursor(after);
    return this.organisations
      .listPage({ country: filter.country?.toUpperCase(), kind: filter.kind }, first, cursor)
      .then((rows) => toPage(rows, first, (o) => ({ key: o.name, id: o.id })));
  }

  async update(caller: AuthUser, organisationId: string, input: UpdateOrganisationInput): Promise<OrganisationEntity> {
    await this.access.require(caller.id, organisationId, MANAGERS);
    const updated = await this.organisations.update(organisationId, cleanFields(input));
    if (!updated) throw new Error('organisation vanished during update');
    this.events.emit('organisation.updated', { organisationId, actorId: caller.id });
    return updated;
  }

  /** Members are visible to the organisation's own members. */
  async membersPage(caller: AuthUser, organisationId: string, first: number, after?: string): Promise<Page<OrganisationMembershipEntity>> {
    await this.access.require(caller.id, organisationId, ANY_MEMBER);
    const rows = await this.members.listPage(organisationId, first, decodeCursor(after, 'timestamp'));
    return toPage(rows, first, (m) => ({ key: m.createdAt.toISOString(), id: m.id }));
  }

  myMemberships(caller: AuthUser): Promise<OrganisationMembershipEntity[]> {
    return this.members.listForUser(caller.id);
  }

  async viewerRole(caller: AuthUser, organisationId: string) {
    return (await this.members.find(organisationId, caller.id))?.role ?? null;
  }
}
