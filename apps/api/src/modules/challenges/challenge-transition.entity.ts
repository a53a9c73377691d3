import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ChallengeStatus } from '@app/contracts';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { ChallengeEntity } from './challenge.entity.js';

/** Every status change of a challenge: who moved it, from what, to what, when. */
@Entity('challenge_transitions')
export class ChallengeTransitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_challenge_transitions_challenge')
  @Column({ type: 'uuid' })
  challengeId: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: ChallengeEntity;

  @Column({ type: 'enum', enum: ChallengeStatus, enumName: 'challenge_status_from', nullable: true })
  fromStatus: ChallengeStatus | null;

  @Column({ type: 'enum', enum: ChallengeStatus, enumName: 'challenge_status_to' })
  toStatus: ChallengeStatus;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
