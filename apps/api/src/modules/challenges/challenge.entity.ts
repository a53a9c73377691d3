import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ChallengeStatus } from '@app/contracts';
import { OrganisationEntity } from '@api/modules/identity/organisations/organisation.entity.js';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { NetworkEntity } from '@api/modules/networks/network.entity.js';

export interface AttachmentLink {
  title: string;
  url: string;
}

/** A problem an organisation puts to a network. The description is Markdown, stored as written. */
@Entity('challenges')
@Index('ix_challenges_network_created', ['networkId', 'createdAt'])
@Index('ix_challenges_search', ['searchDocument'], { type: 'gin' })
export class ChallengeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id' })
  network?: NetworkEntity;

  @Index('ix_challenges_organisation')
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

  /** ResolveLever values. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  levers: string[];

  /** Materials or waste streams, free tags, lower-cased. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  materials: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  subsectors: string[];

  /** BCP 47 tag of the text; picks the text-search configuration. */
  @Column({ type: 'varchar', length: 35 })
  language: string;

  @Column({ type: 'timestamptz', nullable: true })
  deadline: Date | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments: AttachmentLink[];

  @Index('ix_challenges_status')
  @Column({ type: 'enum', enum: ChallengeStatus, enumName: 'challenge_status', default: ChallengeStatus.DRAFT })
  status: ChallengeStatus;

  /** Kept with every answer in the same transaction, so a feed page needs no count query. */
  @Column({ type: 'int', default: 0 })
  answerCount: number;

  /** Sum of the votes on its answers, kept with every vote. */
  @Column({ type: 'int', default: 0 })
  voteScore: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastActivityAt: Date;

  /**
   * Written by the repository with the configuration of `language` plus the `simple` one, so a search
   * finds stemmed words of the text's language and exact words of any.
   */
  @Column({ type: 'tsvector', select: false, nullable: true })
  searchDocument?: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
