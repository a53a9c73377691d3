import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CciSubsector, OpportunityDirection, OpportunityType, ResolveLever } from '@app/contracts';
import { ParticipantEntity } from './participant.entity.js';

/** A cooperation opportunity a participant offers or looks for. */
@Entity('mm_opportunities')
export class OpportunityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_mm_opportunities_participant')
  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: ParticipantEntity;

  @Column({ type: 'enum', enum: OpportunityDirection, enumName: 'mm_opportunity_direction' })
  direction: OpportunityDirection;

  @Column({ type: 'enum', enum: OpportunityType, enumName: 'mm_opportunity_type' })
  type: OpportunityType;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'enum', enum: CciSubsector, enumName: 'mm_cci_subsector', array: true, default: () => "'{}'" })
  subsectors: CciSubsector[];

  @Column({ type: 'enum', enum: ResolveLever, enumName: 'mm_resolve_lever', array: true, default: () => "'{}'" })
  levers: ResolveLever[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];
}
