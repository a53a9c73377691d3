import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintAsNumber } from '@api/platform/database/transformers.js';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { CanvasEntity } from './canvas.entity.js';

/** A named version ("after Tunis workshop"): the document as of `seq`. */
@Entity('canvas_versions')
@Index('ix_canvas_versions_canvas', ['canvasId', 'createdAt'])
export class CanvasVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  canvasId: string;

  @ManyToOne(() => CanvasEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'canvas_id' })
  canvas?: CanvasEntity;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  seq: number;

  @Column({ type: 'bytea', select: false })
  state?: Buffer;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
