import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { OrganisationEntity } from '@api/modules/identity/organisations/organisation.entity.js';
import { MatchmakingSessionEntity } from './session.entity.js';

/** An organisation registered for a session; any of its members acts for it. */
@Entity('mm_participants')
@Index('uq_mm_participants_session_org', ['sessionId', 'organisationId'], { unique: true })
export class ParticipantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => MatchmakingSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: MatchmakingSessionEntity;

  @Index('ix_mm_participants_org')
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  /** Who registered, and attends the meetings unless another member takes over. */
  @Column({ type: 'uuid', nullable: true })
  contactUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contact_user_id' })
  contactUser?: UserEntity;

  @Column({ type: 'text', default: '' })
  profile: string;

  /** BCP 47 tags of the languages the participant can meet in. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  /** IANA time zone the participant's people live in (given at registration; else the registering user's), so the other side can show their local time. */
  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  /** Slot numbers the participant cannot attend (the API speaks of their start times). */
  @Column({ type: 'int', array: true, default: () => "'{}'" })
  unavailableSlots: number[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
