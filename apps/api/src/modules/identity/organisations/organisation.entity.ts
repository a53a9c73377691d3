import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationKind } from '@app/contracts';

@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_organisations_name')
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'enum', enum: OrganisationKind, enumName: 'organisation_kind' })
  kind: OrganisationKind;

  @Index('ix_organisations_country')
  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 100 })
  city: string;

  /** CciSubsector values. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  subsectors: string[];

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
