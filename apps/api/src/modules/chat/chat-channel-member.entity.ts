import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { ChatChannelEntity } from './chat-channel.entity.js';

/** Members of direct and meeting channels; other channels derive their members from networks and challenges. */
@Entity('chat_channel_members')
export class ChatChannelMemberEntity {
  @PrimaryColumn({ type: 'uuid' })
  channelId: string;

  @ManyToOne(() => ChatChannelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: ChatChannelEntity;

  @Index('ix_chat_channel_members_user')
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
