import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@api/platform/database/transformers.js';
import { CanvasEntity } from './canvas.entity.js';

/**
 * One Yjs update, appended before anyone sees it. `blocks` and `userId` feed the history; compaction
 * folds old updates into a snapshot and their authorship into `canvas_history`.
 */
@Entity('canvas_updates')
export class CanvasUpdateEntity {
  @PrimaryColumn({ type: 'uuid' })
  canvasId: string;

  @ManyToOne(() => CanvasEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'canvas_id' })
  canvas?: CanvasEntity;

  @PrimaryColumn({ type: 'bigint', transformer: bigintAsNumber })
  seq: number;

  @Column({ type: 'bytea' })
  data: Buffer;

  /** Null for changes the hub made (a restored version records its restorer). */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  blocks: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
