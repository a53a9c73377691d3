import { Injectable } from '@nestjs/common';
import { DataSource, MoreThan, type EntityManager } from 'typeorm';
import { InvitationStatus, type OrganisationRole } from '@app/contracts';
import { OrganisationInvitationEntity } from './organisation-invitation.entity.js';

@Injectable()
export class OrganisationInvitationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(OrganisationInvitationEntity);
  }

  create(invitation: { organisationId: string; email: string; role: OrganisationRole; invitedById: string; expiresAt: Date }): Promise<OrganisationInvitationEntity> {
    return this.repo().save(this.repo().create(invitation));
  }

  findById(id: string, manager?: EntityManager): Promise<OrganisationInvitationEntity | null> {
    return this.repo(manager).findOne({ where: { id }, relations: { organisation: true } });
  }

  /** Pending, unexpired invitations addressed to an email, newest first. */
  listOpenForEmail(email: string): Promise<OrganisationInvitationEntity[]> {
    return this.repo().find({
      where: { email, status: InvitationStatus.PENDING, expiresAt: MoreThan(new Date()) },
      relations: { organisation: true },
      order: { createdAt: 'DESC' },
      take: 100,
    });
  }

  listPendingForOrganisation(organisationId: string): Promise<OrganisationInvitationEntity[]> {
    return this.repo().find({ where: { organisationId, status: InvitationStatus.PENDING }, relations: { organisation: true }, order: { createdAt: 'DESC' }, take: 100 });
  }

  /** Moves a pending invitation to its final status; false when it was no longer pending. */
  async close(id: string, status: InvitationStatus, manager?: EntityManager): Promise<boolean> {
    const result = await this.repo(manager).update({ id, status: InvitationStatus.PENDING }, { status, respondedAt: () => 'now()' });
    return (result.affected ?? 0) === 1;
  }
}
