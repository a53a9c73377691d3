import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ListingEntity } from './listing.entity.js';
import type { MatchReasonCode } from './symbiosis.enums.js';

export interface StoredReason {
  code: MatchReasonCode;
  points: number;
  detail: string;
}

/**
 * A match found when a listing became active, stored once per OFFER/WANT pair so each side is told
 * once and an organisation's digest can list them; live candidates are scored again on each read.
 */
@Entity('symbiosis_matches')
@Index('ux_symbiosis_matches_pair', ['offerId', 'wantId'], { unique: true })
export class MatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  offerId: string;

  @ManyToOne(() => ListingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offer_id' })
  offer?: ListingEntity;

  @Index('ix_symbiosis_matches_want')
  @Column({ type: 'uuid' })
  wantId: string;

  @ManyToOne(() => ListingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'want_id' })
  want?: ListingEntity;

  @Column({ type: 'int' })
  score: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  reasons: StoredReason[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
