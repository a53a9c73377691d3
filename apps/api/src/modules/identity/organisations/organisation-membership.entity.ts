import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationRole } from '@app/contracts';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { OrganisationEntity } from './organisation.entity.js';

@Entity('organisation_memberships')
@Index('uq_organisation_memberships', ['organisationId', 'userId'], { unique: true })
export class OrganisationMembershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Index('ix_organisation_memberships_user')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'enum', enum: OrganisationRole, enumName: 'organisation_role' })
  role: OrganisationRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
