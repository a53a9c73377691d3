import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NotificationKind, type ServerTextCode, type ServerTextParam } from '@app/contracts';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';

/** What a notification points at; ids only, so nothing goes stale when names change. */
export interface NotificationSubject {
  challengeId?: string;
  answerId?: string;
  networkId?: string;
  organisationId?: string;
  requestId?: string;
  invitationId?: string;
  approved?: boolean;
  chatChannelId?: string;
  chatMessageId?: string;
  listingId?: string;
  counterListingId?: string;
}

/** Stored per recipient: a list to read later, not only a live push. */
@Entity('notifications')
@Index('ix_notifications_user_created', ['userId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'enum', enum: NotificationKind, enumName: 'notification_kind' })
  kind: NotificationKind;

  /** The summary in English as it was first worded, kept for logs and database readers; clients get `textCode`/`textParams` worded for them. */
  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** What the summary says (a `ServerTextCode`); text, so adding a code needs no migration. */
  @Column({ type: 'varchar', length: 80 })
  textCode: ServerTextCode;

  /** The values it says it with, as of the moment it happened (a title renamed later stays as it was). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  textParams: ServerTextParam[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  subject: NotificationSubject;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
