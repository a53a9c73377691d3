import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintAsNumber } from '@api/platform/database/transformers.js';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { ChatChannelEntity } from './chat-channel.entity.js';

/** How far a user has read a channel; it only moves forward. */
@Entity('chat_read_markers')
export class ChatReadMarkerEntity {
  @PrimaryColumn({ type: 'uuid' })
  channelId: string;

  @ManyToOne(() => ChatChannelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: ChatChannelEntity;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  lastReadSeq: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
