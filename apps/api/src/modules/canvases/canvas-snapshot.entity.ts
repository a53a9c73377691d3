import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@api/platform/database/transformers.js';
import { CanvasEntity } from './canvas.entity.js';

/** The document as of update `seq`, encoded as one Yjs update; the updates it folds in are deleted. */
@Entity('canvas_snapshots')
export class CanvasSnapshotEntity {
  @PrimaryColumn({ type: 'uuid' })
  canvasId: string;

  @ManyToOne(() => CanvasEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'canvas_id' })
  canvas?: CanvasEntity;

  @PrimaryColumn({ type: 'bigint', transformer: bigintAsNumber })
  seq: number;

  @Column({ type: 'bytea' })
  state: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
