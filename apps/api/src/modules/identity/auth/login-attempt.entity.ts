import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Failed logins, kept in PostgreSQL so throttling holds across every instance.
 * Rows older than the throttling window are deleted as new failures arrive.
 */
@Entity('login_failures')
@Index('ix_login_failures_account', ['accountKey', 'createdAt'])
@Index('ix_login_failures_address', ['address', 'createdAt'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The normalised email tried, whether or not an account has it. */
  @Column({ type: 'varchar', length: 254 })
  accountKey: string;

  @Column({ type: 'varchar', length: 64 })
  address: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
