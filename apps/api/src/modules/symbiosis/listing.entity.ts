import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationEntity } from '@api/modules/identity/organisations/organisation.entity.js';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { ListingFrequency, ListingKind, ListingStatus, QuantityUnit } from './symbiosis.enums.js';
import { decimalAsNumber } from './decimal.transformer.js';

/** An OFFER or WANT of a material on the symbiosis exchange, shown to the networks it names. */
@Entity('symbiosis_listings')
@Index('ix_symbiosis_listings_match', ['status', 'kind', 'material'])
@Index('ix_symbiosis_listings_networks', ['networkIds'], { type: 'gin' })
@Index('ix_symbiosis_listings_search', ['searchDocument'], { type: 'gin' })
@Index('ix_symbiosis_listings_created', ['createdAt'])
export class ListingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: ListingKind, enumName: 'symbiosis_listing_kind' })
  kind: ListingKind;

  @Column({ type: 'enum', enum: ListingStatus, enumName: 'symbiosis_listing_status', default: ListingStatus.DRAFT })
  status: ListingStatus;

  @Index('ix_symbiosis_listings_organisation')
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  /** BCP 47 tag of the text (it, el, fr, ar, en); picks the text-search configuration. */
  @Column({ type: 'varchar', length: 35 })
  language: string;

  /** A material code of the taxonomy (data/materials.data.ts). */
  @Column({ type: 'varchar', length: 40 })
  material: string;

  /** The material's family, kept beside it so filters need no lookup. */
  @Column({ type: 'varchar', length: 20 })
  family: string;

  /** Six-digit List of Waste code, validated against data/ewc-codes.data.ts. */
  @Column({ type: 'varchar', length: 6, nullable: true })
  ewcCode: string | null;

  /** From the code's entry: hazardous entries carry an asterisk in the List of Waste. */
  @Column({ type: 'boolean', default: false })
  hazardous: boolean;

  @Column({ type: 'numeric', precision: 14, scale: 3, transformer: decimalAsNumber })
  quantity: number;

  /** Quantity held by accepted proposals. */
  @Column({ type: 'numeric', precision: 14, scale: 3, default: 0, transformer: decimalAsNumber })
  reservedQuantity: number;

  @Column({ type: 'enum', enum: QuantityUnit, enumName: 'symbiosis_quantity_unit' })
  unit: QuantityUnit;

  @Column({ type: 'enum', enum: ListingFrequency, enumName: 'symbiosis_listing_frequency', default: ListingFrequency.ONE_OFF })
  frequency: ListingFrequency;

  /** Condition and specification, as written. */
  @Column({ type: 'text', default: '' })
  condition: string;

  @Column({ type: 'timestamptz' })
  availableFrom: Date;

  /** The listing expires (swept) after this moment. */
  @Index('ix_symbiosis_listings_until')
  @Column({ type: 'timestamptz', nullable: true })
  availableUntil: Date | null;

  @Column({ type: 'varchar', length: 100 })
  city: string;

  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  /** Pick-up or delivery radius in km. */
  @Column({ type: 'int', nullable: true })
  radiusKm: number | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  dataSheetUrl: string | null;

  /** The networks it is shown to; visibility follows theirs. */
  @Column({ type: 'uuid', array: true })
  networkIds: string[];

  /** Title and description in the text's language, plus the material's labels in every hub language. */
  @Column({ type: 'tsvector', select: false, nullable: true })
  searchDocument?: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
