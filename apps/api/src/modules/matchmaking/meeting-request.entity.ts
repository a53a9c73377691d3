import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MeetingRequestStatus } from '@app/contracts';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { MatchmakingSessionEntity } from './session.entity.js';
import { ParticipantEntity } from './participant.entity.js';

/**
 * One participant asking another for a meeting. At most one open (pending or accepted) request per
 * pair, whichever side asked: the unique index on the ordered pair says so, across instances.
 */
@Entity('mm_meeting_requests')
@Index('uq_mm_requests_open_pair', ['sessionId', 'pairKey'], { unique: true, where: `status IN ('PENDING', 'ACCEPTED')` })
@Index('ix_mm_requests_to', ['toParticipantId', 'status'])
@Index('ix_mm_requests_from', ['fromParticipantId', 'status'])
export class MeetingRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => MatchmakingSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: MatchmakingSessionEntity;

  @Column({ type: 'uuid' })
  fromParticipantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_participant_id' })
  fromParticipant?: ParticipantEntity;

  @Column({ type: 'uuid' })
  toParticipantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_participant_id' })
  toParticipant?: ParticipantEntity;

  /** The two participant ids in order, `a:b`. */
  @Column({ type: 'varchar', length: 80 })
  pairKey: string;

  @Column({ type: 'text', default: '' })
  message: string;

  @Column({ type: 'enum', enum: MeetingRequestStatus, enumName: 'mm_request_status', default: MeetingRequestStatus.PENDING })
  status: MeetingRequestStatus;

  @Column({ type: 'uuid', nullable: true })
  requestedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by_id' })
  requestedBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
