import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '@api/modules/identity/organisations/organisation.entity.js';
import { ProposalStatus } from './symbiosis.enums.js';
import { decimalAsNumber } from './decimal.transformer.js';
import { ListingEntity } from './listing.entity.js';

/**
 * A proposal to exchange part of a listing, made by another organisation and accepted or declined by
 * the listing's; on completion it records what was exchanged and the impact computed from the factors.
 */
@Entity('symbiosis_proposals')
@Index('ix_symbiosis_proposals_from_created', ['fromOrganisationId', 'createdAt'])
export class ProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_symbiosis_proposals_listing')
  @Column({ type: 'uuid' })
  listingId: string;

  @ManyToOne(() => ListingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'listing_id' })
  listing?: ListingEntity;

  /** The proposer's own listing it answers with (their WANT for an OFFER, or the reverse), if any. */
  @Column({ type: 'uuid', nullable: true })
  counterListingId: string | null;

  @ManyToOne(() => ListingEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'counter_listing_id' })
  counterListing?: ListingEntity;

  @Column({ type: 'uuid' })
  fromOrganisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_organisation_id' })
  fromOrganisation?: OrganisationEntity;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 3, transformer: decimalAsNumber })
  quantity: number;

  @Column({ type: 'timestamptz' })
  proposedDate: Date;

  @Column({ type: 'text', default: '' })
  terms: string;

  @Column({ type: 'enum', enum: ProposalStatus, enumName: 'symbiosis_proposal_status', default: ProposalStatus.PENDING })
  status: ProposalStatus;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'numeric', precision: 14, scale: 3, nullable: true, transformer: decimalAsNumber })
  exchangedQuantity: number | null;

  /** Mass exchanged in tonnes (from the unit, or stated at completion for other units). */
  @Column({ type: 'numeric', precision: 14, scale: 3, nullable: true, transformer: decimalAsNumber })
  exchangedTonnes: number | null;

  @Column({ type: 'numeric', precision: 14, scale: 3, nullable: true, transformer: decimalAsNumber })
  divertedTonnes: number | null;

  @Column({ type: 'numeric', precision: 14, scale: 3, nullable: true, transformer: decimalAsNumber })
  co2eAvoidedTonnes: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
