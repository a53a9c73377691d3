import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationEntity } from '@api/modules/identity/organisations/organisation.entity.js';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { ChallengeEntity } from './challenge.entity.js';

/** A proposal answering a challenge. */
@Entity('challenge_answers')
@Index('ix_challenge_answers_challenge', ['challengeId', 'createdAt'])
export class AnswerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  challengeId: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: ChallengeEntity;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  /** The member organisation the author answered through. */
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  levers: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  effortEstimate: string | null;

  /** Sum of the votes, kept with every vote. */
  @Column({ type: 'int', default: 0 })
  score: number;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
