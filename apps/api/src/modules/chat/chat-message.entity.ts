import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintAsNumber } from '@api/platform/database/transformers.js';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { ChatChannelEntity } from './chat-channel.entity.js';


/**
 * A message. `(authorId, clientId)` is unique: the database, not an instance's memory, is what makes a
 * resend return the original. `(channelId, seq)` is unique and gapless (see ChatChannelEntity).
 */
@Entity('chat_messages')
@Index('uq_chat_messages_channel_seq', ['channelId', 'seq'], { unique: true })
@Index('uq_chat_messages_author_client', ['authorId', 'clientId'], { unique: true })
@Index('ix_chat_messages_channel_revision', ['channelId', 'revision'])
@Index('ix_chat_messages_thread', ['threadRootId', 'seq'], { where: 'thread_root_id IS NOT NULL' })
@Index('ix_chat_messages_search', ['searchDocument'], { type: 'gin' })
export class ChatMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  channelId: string;

  @ManyToOne(() => ChatChannelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: ChatChannelEntity;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  seq: number;

  /** The channel revision of this message's latest change. */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  revision: number;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column({ type: 'varchar', length: 64 })
  clientId: string;

  /** Markdown as the author wrote it; rendering (and sanitising) is the client's. Empty once deleted. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  language: string | null;

  @Column({ type: 'uuid', nullable: true })
  threadRootId: string | null;

  @ManyToOne(() => ChatMessageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_root_id' })
  threadRoot?: ChatMessageEntity;

  @Column({ type: 'int', default: 0 })
  replyCount: number;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  mentions: string[];

  /** Written with the detected language's configuration plus `simple`; null once deleted. */
  @Column({ type: 'tsvector', select: false, nullable: true })
  searchDocument?: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
