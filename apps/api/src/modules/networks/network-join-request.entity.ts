import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RequestStatus } from '@app/contracts';
import { OrganisationEntity } from '@api/modules/identity/organisations/organisation.entity.js';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { NetworkEntity } from './network.entity.js';

/**
 * An organisation asks to join a network (join request) or a network asks an organisation in
 * (invitation): the same record, told apart by `direction`. Network admins decide requests; the
 * organisation's owners and admins answer invitations.
 */
export enum NetworkJoinDirection {
  REQUEST = 'REQUEST',
  INVITATION = 'INVITATION',
}

@Entity('network_join_requests')
@Index('uq_network_join_requests_pending', ['networkId', 'organisationId'], { unique: true, where: `"status" = 'PENDING'` })
export class NetworkJoinRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: NetworkJoinDirection, enumName: 'network_join_direction' })
  direction: NetworkJoinDirection;

  @Index('ix_network_join_requests_network')
  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id' })
  network?: NetworkEntity;

  @Index('ix_network_join_requests_organisation')
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'text', default: '' })
  message: string;

  @Column({ type: 'enum', enum: RequestStatus, enumName: 'request_status', default: RequestStatus.PENDING })
  status: RequestStatus;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by_id' })
  decidedBy?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
