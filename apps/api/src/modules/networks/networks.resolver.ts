import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '@api/platform/auth/current-user.decorator.js';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { PageArgs, type Page } from '@api/platform/graphql/pagination.js';
import { Network, NetworkConnection } from './network.model.js';
import { toNetwork } from './network.mapper.js';
import { NetworksService } from './networks.service.js';

@Resolver(() => Network)
export class NetworksResolver {
  constructor(private readonly service: NetworksService) {}

  @Query(() => NetworkConnection, { description: 'Networks and clusters you can see: every public one and the private ones your organisations belong to.' })
  async networks(@CurrentUser() caller: AuthUser, @Args() page: PageArgs): Promise<Page<Network>> {
    const result = await this.service.visiblePage(caller, page.first, page.after);
    return { nodes: result.nodes.map(toNetwork), pageInfo: result.pageInfo };
  }
}
