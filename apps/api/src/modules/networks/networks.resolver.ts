import { Args, Query, Resolver } from '@nestjs/graphql';
import type { CciSubsector } from '@app/contracts';
import { CurrentUser } from '@api/platform/auth/current-user.decorator.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { decodeCursor, PageArgs, toPage, type Page } from '@api/platform/graphql/pagination.js';
import { Network, NetworkConnection } from './network.model.js';
import { NetworksRepository } from './networks.repository.js';

@Resolver(() => Network)
export class NetworksResolver {
  constructor(private readonly repository: NetworksRepository) {}

  @Query(() => NetworkConnection, { description: 'Networks and clusters you can see: every public one and the private ones your organisations belong to.' })
  async networks(@CurrentUser() caller: AuthUser, @Args() page: PageArgs): Promise<Page<Network>> {
    const rows = await this.repository.listVisibleTo(caller.id, page.first, decodeCursor(page.after));
    const result = toPage(rows, page.first, (n) => ({ key: n.name, id: n.id }));
    return {
      pageInfo: result.pageInfo,
      nodes: result.nodes.map((n) => ({ id: n.id, kind: n.kind, name: n.name, description: n.description, countries: n.countries, subsectors: n.subsectors as CciSubsector[], visibility: n.visibility, createdAt: n.createdAt })),
    };
  }
}
