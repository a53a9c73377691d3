import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ChatChannelKind } from '@app/contracts';
import { bigintAsNumber } from '@api/platform/database/transformers.js';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { NetworkEntity } from '@api/modules/networks/network.entity.js';
import { ChallengeEntity } from '@api/modules/challenges/challenge.entity.js';

/**
 * A conversation. Its two counters are the delivery log's cursors: `lastSeq` numbers its messages and
 * `revision` numbers every change (new message, edit, delete, reaction). Both move only in the statement
 * that stores the change, under this row's lock, so they rise by one with no gaps across instances.
 */
@Entity('chat_channels')
@Index('uq_chat_channels_network_general', ['networkId'], { unique: true, where: `kind = 'NETWORK_GENERAL'` })
@Index('uq_chat_channels_challenge', ['challengeId'], { unique: true, where: `kind = 'CHALLENGE'` })
@Index('ix_chat_channels_network', ['networkId', 'kind'])
export class ChatChannelEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: ChatChannelKind, enumName: 'chat_channel_kind' })
  kind: ChatChannelKind;

  /** Topic, group and meeting channels have a title; the others take their network's or challenge's. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  title: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Column({ type: 'uuid', nullable: true })
  networkId: string | null;

  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id' })
  network?: NetworkEntity;

  @Column({ type: 'uuid', nullable: true })
  challengeId: string | null;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: ChallengeEntity;

  /** Meeting and symbiosis channels: the owning feature's key for the meeting or conversation, so it finds its channel again. */
  @Index('uq_chat_channels_meeting_ref', { unique: true })
  @Column({ type: 'varchar', length: 120, nullable: true })
  meetingRef: string | null;

  /** One-to-one conversations: the two user ids in order, so a second "open" returns the first. */
  @Index('uq_chat_channels_direct_key', { unique: true })
  @Column({ type: 'varchar', length: 80, nullable: true })
  directKey: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  lastSeq: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  revision: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastMessageAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
