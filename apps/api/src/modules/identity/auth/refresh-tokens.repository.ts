import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity.js';

@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(RefreshTokenEntity);
  }

  async issue(token: Pick<RefreshTokenEntity, 'userId' | 'familyId' | 'tokenHash' | 'expiresAt'>, manager?: EntityManager): Promise<void> {
    await this.repo(manager).insert(token);
  }

  findByHash(tokenHash: string, manager?: EntityManager): Promise<RefreshTokenEntity | null> {
    return this.repo(manager).findOneBy({ tokenHash });
  }

  /** Spends a token atomically; false when it was already spent or revoked (a concurrent reuse). */
  async spend(id: string, manager: EntityManager): Promise<boolean> {
    const result = await this.repo(manager).update({ id, usedAt: IsNull(), revokedAt: IsNull() }, { usedAt: () => 'now()' });
    return (result.affected ?? 0) === 1;
  }

  /** Ends a whole login session. */
  async revokeFamily(familyId: string, manager?: EntityManager): Promise<number> {
    const result = await this.repo(manager).update({ familyId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    return result.affected ?? 0;
  }
}
