import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { InvitationStatus, OrganisationRole } from '@app/contracts';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { OrganisationEntity } from './organisation.entity.js';

/** An invitation by email address; the registered user with that address accepts or declines it. */
@Entity('organisation_invitations')
@Index('uq_organisation_invitations_pending', ['organisationId', 'email'], { unique: true, where: `"status" = 'PENDING'` })
export class OrganisationInvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  /** Lower-cased. */
  @Index('ix_organisation_invitations_email')
  @Column({ type: 'varchar', length: 254 })
  email: string;

  // Its own enum type: TypeORM would create a shared one twice.
  @Column({ type: 'enum', enum: OrganisationRole, enumName: 'invitation_role' })
  role: OrganisationRole;

  @Column({ type: 'enum', enum: InvitationStatus, enumName: 'invitation_status', default: InvitationStatus.PENDING })
  status: InvitationStatus;

  @Column({ type: 'uuid', nullable: true })
  invitedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by_id' })
  invitedBy?: UserEntity;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
