import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { MeetingAttendance, MeetingOutcome } from '@app/contracts';
import { MatchmakingSessionEntity } from './session.entity.js';
import { ParticipantEntity } from './participant.entity.js';
import { MeetingRequestEntity } from './meeting-request.entity.js';

/** An accepted request becomes a meeting; the scheduler gives it a slot and a table. */
@Entity('mm_meetings')
@Index('ix_mm_meetings_session', ['sessionId', 'slot'])
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => MatchmakingSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: MatchmakingSessionEntity;

  @Index('uq_mm_meetings_request', { unique: true })
  @Column({ type: 'uuid' })
  requestId: string;

  @ManyToOne(() => MeetingRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: MeetingRequestEntity;

  @Index('ix_mm_meetings_a')
  @Column({ type: 'uuid' })
  participantAId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_a_id' })
  participantA?: ParticipantEntity;

  @Index('ix_mm_meetings_b')
  @Column({ type: 'uuid' })
  participantBId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_b_id' })
  participantB?: ParticipantEntity;

  /** Slot number (0-based over the session's usable and break slots); null while unplaced. */
  @Column({ type: 'int', nullable: true })
  slot: number | null;

  @Column({ type: 'int', nullable: true })
  tableNumber: number | null;

  /** Put there by the organiser: the scheduler keeps it. */
  @Column({ type: 'boolean', default: false })
  pinned: boolean;

  /** Why the last scheduling could not place it (a scheduler reason code), with its message. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  unplacedReason: string | null;

  @Column({ type: 'text', nullable: true })
  unplacedMessage: string | null;

  @Column({ type: 'uuid', nullable: true })
  chatChannelId: string | null;

  @Column({ type: 'enum', enum: MeetingAttendance, enumName: 'mm_attendance', default: MeetingAttendance.EXPECTED })
  attendanceA: MeetingAttendance;

  @Column({ type: 'enum', enum: MeetingAttendance, enumName: 'mm_attendance', default: MeetingAttendance.EXPECTED })
  attendanceB: MeetingAttendance;

  @Column({ type: 'enum', enum: MeetingOutcome, enumName: 'mm_outcome', nullable: true })
  outcome: MeetingOutcome | null;

  @Column({ type: 'text', nullable: true })
  outcomeNote: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
