import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { NetworkKind, NetworkVisibility } from '@app/contracts';
import { OrganisationEntity } from '@api/modules/identity/organisations/organisation.entity.js';

/** A cluster (one city) or a cross-border network: where challenges, channels and sessions live. */
@Entity('networks')
export class NetworkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: NetworkKind, enumName: 'network_kind' })
  kind: NetworkKind;

  @Index('ix_networks_name')
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** The city or historic centre of a cluster; null for a network. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  /** ISO 3166-1 alpha-2 codes. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  countries: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  subsectors: string[];

  @Column({ type: 'enum', enum: NetworkVisibility, enumName: 'network_visibility' })
  visibility: NetworkVisibility;

  @Column({ type: 'uuid', nullable: true })
  createdByOrganisationId: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_organisation_id' })
  createdByOrganisation?: OrganisationEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
