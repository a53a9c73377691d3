import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NetworkRole } from '@app/contracts';
import { OrganisationEntity } from '@api/modules/identity/organisations/organisation.entity.js';
import { NetworkEntity } from './network.entity.js';

/** Membership is per organisation; its users act through it. */
@Entity('network_memberships')
@Index('uq_network_memberships', ['networkId', 'organisationId'], { unique: true })
export class NetworkMembershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id' })
  network?: NetworkEntity;

  @Index('ix_network_memberships_organisation')
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'enum', enum: NetworkRole, enumName: 'network_role' })
  role: NetworkRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
