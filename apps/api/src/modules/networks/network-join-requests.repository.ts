import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { RequestStatus } from '@app/contracts';
import { NetworkJoinRequestEntity, type NetworkJoinDirection } from './network-join-request.entity.js';

@Injectable()
export class NetworkJoinRequestsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(NetworkJoinRequestEntity);
  }

  create(request: { direction: NetworkJoinDirection; networkId: string; organisationId: string; message: string; createdById: string }): Promise<NetworkJoinRequestEntity> {
    return this.repo().save(this.repo().create(request));
  }

  findById(id: string): Promise<NetworkJoinRequestEntity | null> {
    return this.repo().findOne({ where: { id }, relations: { network: true, organisation: true } });
  }

  listForNetwork(networkId: string, status: RequestStatus): Promise<NetworkJoinRequestEntity[]> {
    return this.repo().find({ where: { networkId, status }, relations: { network: true, organisation: true }, order: { createdAt: 'DESC' }, take: 100 });
  }

  listPendingForOrganisations(organisationIds: string[]): Promise<NetworkJoinRequestEntity[]> {
    if (organisationIds.length === 0) return Promise.resolve([]);
    return this.repo().find({
      where: { organisationId: In(organisationIds), status: RequestStatus.PENDING },
      relations: { network: true, organisation: true },
      order: { createdAt: 'DESC' },
      take: 100,
    });
  }

  /** Moves a pending request to its outcome; false when it was no longer pending. */
  async close(id: string, status: RequestStatus, decidedById: string, manager?: EntityManager): Promise<boolean> {
    const result = await this.repo(manager).update({ id, status: RequestStatus.PENDING }, { status, decidedById, decidedAt: () => 'now()' });
    return (result.affected ?? 0) === 1;
  }
}
