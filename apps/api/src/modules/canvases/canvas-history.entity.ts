import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintAsNumber } from '@api/platform/database/transformers.js';
import { CanvasEntity } from './canvas.entity.js';

/** Who changed which blocks when, grouped, for updates compaction has folded into a snapshot. */
@Entity('canvas_history')
@Index('ix_canvas_history_canvas', ['canvasId', 'lastSeq'])
export class CanvasHistoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  canvasId: string;

  @ManyToOne(() => CanvasEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'canvas_id' })
  canvas?: CanvasEntity;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'timestamptz' })
  fromAt: Date;

  @Column({ type: 'timestamptz' })
  toAt: Date;

  @Column({ type: 'text', array: true })
  blocks: string[];

  @Column({ type: 'int' })
  updates: number;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  firstSeq: number;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  lastSeq: number;
}
