import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '@api/modules/identity/users/user.entity.js';
import { AnswerEntity } from './answer.entity.js';

/** One vote per user per answer, up (+1) or down (-1), changeable. */
@Entity('answer_votes')
@Index('uq_answer_votes', ['answerId', 'userId'], { unique: true })
export class AnswerVoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  answerId: string;

  @ManyToOne(() => AnswerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'answer_id' })
  answer?: AnswerEntity;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'smallint' })
  value: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
