import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CanvasRole } from '@app/contracts';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { OrganisationEntity } from '@api/modules/identity/organisations/organisation.entity.js';
import { CanvasEntity } from './canvas.entity.js';

/** A role on a canvas given to an organisation (all its members) or to one user. */
@Entity('canvas_access')
@Index('uq_canvas_access_org', ['canvasId', 'organisationId'], { unique: true, where: 'organisation_id IS NOT NULL' })
@Index('uq_canvas_access_user', ['canvasId', 'userId'], { unique: true, where: 'user_id IS NOT NULL' })
export class CanvasAccessEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  canvasId: string;

  @ManyToOne(() => CanvasEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'canvas_id' })
  canvas?: CanvasEntity;

  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Index('ix_canvas_access_user')
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'enum', enum: CanvasRole, enumName: 'canvas_role' })
  role: CanvasRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
