import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintAsNumber } from '@api/platform/database/transformers.js';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { OrganisationEntity } from '@api/modules/identity/organisations/organisation.entity.js';
import { NetworkEntity } from '@api/modules/networks/network.entity.js';
import { ChallengeEntity } from '@api/modules/challenges/challenge.entity.js';

/**
 * A circular business model canvas. Its content is a Yjs document stored as a log of updates
 * (`canvas_updates`, numbered by `lastSeq` under this row's lock) compacted into snapshots.
 */
@Entity('canvases')
@Index('ix_canvases_network_activity', ['networkId', 'lastActivityAt'])
export class CanvasEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id' })
  network?: NetworkEntity;

  /** Its members edit; the organisation's owners and admins manage access. */
  @Column({ type: 'uuid' })
  ownerOrganisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_organisation_id' })
  ownerOrganisation?: OrganisationEntity;

  @Index('ix_canvases_challenge')
  @Column({ type: 'uuid', nullable: true })
  challengeId: string | null;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: ChallengeEntity;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  lastSeq: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastActivityAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
