import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import { decodeCursor, toPage, type Page } from '@api/platform/graphql/pagination.js';
import type { NetworkEntity } from './network.entity.js';
import { NetworksRepository } from './networks.repository.js';

/** Who may see which networks: public ones to everyone, private ones to their member organisations' users. */
@Injectable()
export class NetworksService {
  constructor(private readonly networks: NetworksRepository) {}

  async visiblePage(caller: AuthUser, first: number, after?: string): Promise<Page<NetworkEntity>> {
    const rows = await this.networks.listVisibleTo(caller.id, first, decodeCursor(after));
    return toPage(rows, first, (n) => ({ key: n.name, id: n.id }));
  }
}
