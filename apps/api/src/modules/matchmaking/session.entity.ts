import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SessionPhase } from '@app/contracts';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { OrganisationEntity } from '@api/modules/identity/organisations/organisation.entity.js';
import { NetworkEntity } from '@api/modules/networks/network.entity.js';

/** One day of a session in the organiser's time zone: local date, opening hours and breaks. */
export interface SessionDay {
  /** `YYYY-MM-DD`. */
  date: string;
  /** `HH:MM`, local. */
  start: string;
  end: string;
  breaks: { start: string; end: string }[];
}

/** A B2B brokerage event an organisation (usually a municipality) hosts. */
@Entity('mm_sessions')
@Index('ix_mm_sessions_network', ['networkId'])
export class MatchmakingSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The hosting organisation; its owners and admins organise. */
  @Column({ type: 'uuid' })
  organiserOrganisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organiser_organisation_id' })
  organiserOrganisation?: OrganisationEntity;

  /** A network session is for the network's member organisations; without one it is public. */
  @Column({ type: 'uuid', nullable: true })
  networkId: string | null;

  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id' })
  network?: NetworkEntity;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** IANA time zone the days are given in. */
  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'jsonb' })
  days: SessionDay[];

  @Column({ type: 'int' })
  slotMinutes: number;

  @Column({ type: 'int' })
  tables: number;

  @Column({ type: 'int' })
  maxMeetingsPerParticipant: number;

  @Column({ type: 'timestamptz' })
  registrationDeadline: Date;

  @Column({ type: 'timestamptz' })
  requestDeadline: Date;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'enum', enum: SessionPhase, enumName: 'mm_session_phase', default: SessionPhase.DRAFT })
  phase: SessionPhase;

  /** Raised on every change of the schedule, so clients can tell an agenda is stale. */
  @Column({ type: 'int', default: 0 })
  scheduleVersion: number;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
