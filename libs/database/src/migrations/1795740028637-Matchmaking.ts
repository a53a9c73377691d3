import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Matchmaking1795740028637 implements MigrationInterface {
  name = 'Matchmaking1795740028637';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."mm_session_phase" AS ENUM('DRAFT', 'REGISTRATION', 'REQUESTS', 'SCHEDULED', 'LIVE', 'CLOSED')`);
    await queryRunner.query(`CREATE TABLE "mm_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organiser_organisation_id" uuid NOT NULL, "network_id" uuid, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "time_zone" character varying(64) NOT NULL, "days" jsonb NOT NULL, "slot_minutes" integer NOT NULL, "tables" integer NOT NULL, "max_meetings_per_participant" integer NOT NULL, "registration_deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "request_deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "languages" text array NOT NULL DEFAULT '{}', "phase" "public"."mm_session_phase" NOT NULL DEFAULT 'DRAFT', "schedule_version" integer NOT NULL DEFAULT '0', "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7f2fc547727620be31dc35b590d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_mm_sessions_network" ON "mm_sessions"  ("network_id") `);
    await queryRunner.query(`CREATE TABLE "mm_participants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "contact_user_id" uuid, "profile" text NOT NULL DEFAULT '', "languages" text array NOT NULL DEFAULT '{}', "unavailable_slots" integer array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f0d3738b5b17e31338c5508c7ac" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_mm_participants_org" ON "mm_participants"  ("organisation_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_mm_participants_session_org" ON "mm_participants"  ("session_id", "organisation_id") `);
    await queryRunner.query(`CREATE TYPE "public"."mm_opportunity_direction" AS ENUM('OFFER', 'REQUEST')`);
    await queryRunner.query(`CREATE TYPE "public"."mm_opportunity_type" AS ENUM('PARTNERSHIP', 'SUPPLIER', 'CUSTOMER', 'EXPERTISE', 'MATERIAL_EXCHANGE', 'FUNDING')`);
    await queryRunner.query(`CREATE TYPE "public"."mm_cci_subsector" AS ENUM('ARCHITECTURE', 'ARCHIVES_LIBRARIES_MUSEUMS', 'ARTISTIC_CRAFTS', 'AUDIOVISUAL_MULTIMEDIA', 'CULTURAL_HERITAGE', 'DESIGN_FASHION', 'DESIGN_GRAPHIC', 'DESIGN_INTERIOR', 'DESIGN_PRODUCT', 'FESTIVALS', 'MUSIC', 'PERFORMING_ARTS', 'PUBLISHING', 'VISUAL_ARTS')`);
    await queryRunner.query(`CREATE TYPE "public"."mm_resolve_lever" AS ENUM('REGENERATE', 'SHARE', 'OPTIMISE', 'LOOP', 'VIRTUALISE', 'EXCHANGE')`);
    await queryRunner.query(`CREATE TABLE "mm_opportunities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participant_id" uuid NOT NULL, "direction" "public"."mm_opportunity_direction" NOT NULL, "type" "public"."mm_opportunity_type" NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "subsectors" "public"."mm_cci_subsector" array NOT NULL DEFAULT '{}', "levers" "public"."mm_resolve_lever" array NOT NULL DEFAULT '{}', "languages" text array NOT NULL DEFAULT '{}', CONSTRAINT "PK_5d4da9069b2c2ae1b945a9dea33" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_mm_opportunities_participant" ON "mm_opportunities"  ("participant_id") `);
    await queryRunner.query(`CREATE TYPE "public"."mm_request_status" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED')`);
    await queryRunner.query(`CREATE TABLE "mm_meeting_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "from_participant_id" uuid NOT NULL, "to_participant_id" uuid NOT NULL, "pair_key" character varying(80) NOT NULL, "message" text NOT NULL DEFAULT '', "status" "public"."mm_request_status" NOT NULL DEFAULT 'PENDING', "requested_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_30fd7d113e120aa02f1aa070aa8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_mm_requests_from" ON "mm_meeting_requests"  ("from_participant_id", "status") `);
    await queryRunner.query(`CREATE INDEX "ix_mm_requests_to" ON "mm_meeting_requests"  ("to_participant_id", "status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_mm_requests_open_pair" ON "mm_meeting_requests"  ("session_id", "pair_key") WHERE status IN ('PENDING', 'ACCEPTED')`);
    await queryRunner.query(`CREATE TYPE "public"."mm_attendance" AS ENUM('EXPECTED', 'CHECKED_IN', 'NO_SHOW')`);
    await queryRunner.query(`CREATE TYPE "public"."mm_outcome" AS ENUM('NONE', 'FOLLOW_UP', 'PARTNERSHIP', 'DEAL')`);
    await queryRunner.query(`CREATE TABLE "mm_meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "request_id" uuid NOT NULL, "participant_a_id" uuid NOT NULL, "participant_b_id" uuid NOT NULL, "slot" integer, "table_number" integer, "pinned" boolean NOT NULL DEFAULT false, "unplaced_reason" character varying(40), "unplaced_message" text, "chat_channel_id" uuid, "attendance_a" "public"."mm_attendance" NOT NULL DEFAULT 'EXPECTED', "attendance_b" "public"."mm_attendance" NOT NULL DEFAULT 'EXPECTED', "outcome" "public"."mm_outcome", "outcome_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1b40d7a8941b217590c1066cf43" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_mm_meetings_request" ON "mm_meetings"  ("request_id") `);
    await queryRunner.query(`CREATE INDEX "ix_mm_meetings_a" ON "mm_meetings"  ("participant_a_id") `);
    await queryRunner.query(`CREATE INDEX "ix_mm_meetings_b" ON "mm_meetings"  ("participant_b_id") `);
    await queryRunner.query(`CREATE INDEX "ix_mm_meetings_session" ON "mm_meetings"  ("session_id", "slot") `);
    await queryRunner.query(`ALTER TABLE "mm_sessions" ADD CONSTRAINT "FK_69cb8b624c713195f84837e82f1" FOREIGN KEY ("organiser_organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mm_sessions" ADD CONSTRAINT "FK_51e63186265d462a73e1dec21cd" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mm_sessions" ADD CONSTRAINT "FK_758b9de452cebc85642f1a5f268" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mm_participants" ADD CONSTRAINT "FK_a42783a4e47161e54602a56db55" FOREIGN KEY ("session_id") REFERENCES "mm_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mm_participants" ADD CONSTRAINT "FK_79dcd8522ba7155c5e38098413f" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mm_participants" ADD CONSTRAINT "FK_bd74f76d08ad89451b019f0f3d2" FOREIGN KEY ("contact_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mm_opportunities" ADD CONSTRAINT "FK_4ce1ee639b1ecf4f708606aba61" FOREIGN KEY ("participant_id") REFERENCES "mm_participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mm_meeting_requests" ADD CONSTRAINT "FK_94434a14c949b4a92359f09d543" FOREIGN KEY ("session_id") REFERENCES "mm_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mm_meeting_requests" ADD CONSTRAINT "FK_2f9e2562cb386a67be9bb349108" FOREIGN KEY ("from_participant_id") REFERENCES "mm_participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mm_meeting_requests" ADD CONSTRAINT "FK_4f583b987341ef7e9e2e17fb261" FOREIGN KEY ("to_participant_id") REFERENCES "mm_participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mm_meeting_requests" ADD CONSTRAINT "FK_6cb5ac1c6d579b7f8177bac174d" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mm_meetings" ADD CONSTRAINT "FK_ca66ac5ec685e7e2c6424c43dfb" FOREIGN KEY ("session_id") REFERENCES "mm_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mm_meetings" ADD CONSTRAINT "FK_d9af96cae2e71b07df178a01be4" FOREIGN KEY ("request_id") REFERENCES "mm_meeting_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mm_meetings" ADD CONSTRAINT "FK_6f1b19e81ad6e737345cbd052dd" FOREIGN KEY ("participant_a_id") REFERENCES "mm_participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mm_meetings" ADD CONSTRAINT "FK_0aad43152d5601298a2bd61f577" FOREIGN KEY ("participant_b_id") REFERENCES "mm_participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mm_meetings" DROP CONSTRAINT "FK_0aad43152d5601298a2bd61f577"`);
    await queryRunner.query(`ALTER TABLE "mm_meetings" DROP CONSTRAINT "FK_6f1b19e81ad6e737345cbd052dd"`);
    await queryRunner.query(`ALTER TABLE "mm_meetings" DROP CONSTRAINT "FK_d9af96cae2e71b07df178a01be4"`);
    await queryRunner.query(`ALTER TABLE "mm_meetings" DROP CONSTRAINT "FK_ca66ac5ec685e7e2c6424c43dfb"`);
    await queryRunner.query(`ALTER TABLE "mm_meeting_requests" DROP CONSTRAINT "FK_6cb5ac1c6d579b7f8177bac174d"`);
    await queryRunner.query(`ALTER TABLE "mm_meeting_requests" DROP CONSTRAINT "FK_4f583b987341ef7e9e2e17fb261"`);
    await queryRunner.query(`ALTER TABLE "mm_meeting_requests" DROP CONSTRAINT "FK_2f9e2562cb386a67be9bb349108"`);
    await queryRunner.query(`ALTER TABLE "mm_meeting_requests" DROP CONSTRAINT "FK_94434a14c949b4a92359f09d543"`);
    await queryRunner.query(`ALTER TABLE "mm_opportunities" DROP CONSTRAINT "FK_4ce1ee639b1ecf4f708606aba61"`);
    await queryRunner.query(`ALTER TABLE "mm_participants" DROP CONSTRAINT "FK_bd74f76d08ad89451b019f0f3d2"`);
    await queryRunner.query(`ALTER TABLE "mm_participants" DROP CONSTRAINT "FK_79dcd8522ba7155c5e38098413f"`);
    await queryRunner.query(`ALTER TABLE "mm_participants" DROP CONSTRAINT "FK_a42783a4e47161e54602a56db55"`);
    await queryRunner.query(`ALTER TABLE "mm_sessions" DROP CONSTRAINT "FK_758b9de452cebc85642f1a5f268"`);
    await queryRunner.query(`ALTER TABLE "mm_sessions" DROP CONSTRAINT "FK_51e63186265d462a73e1dec21cd"`);
    await queryRunner.query(`ALTER TABLE "mm_sessions" DROP CONSTRAINT "FK_69cb8b624c713195f84837e82f1"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mm_meetings_session"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mm_meetings_b"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mm_meetings_a"`);
    await queryRunner.query(`DROP INDEX "public"."uq_mm_meetings_request"`);
    await queryRunner.query(`DROP TABLE "mm_meetings"`);
    await queryRunner.query(`DROP TYPE "public"."mm_outcome"`);
    await queryRunner.query(`DROP TYPE "public"."mm_attendance"`);
    await queryRunner.query(`DROP INDEX "public"."uq_mm_requests_open_pair"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mm_requests_to"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mm_requests_from"`);
    await queryRunner.query(`DROP TABLE "mm_meeting_requests"`);
    await queryRunner.query(`DROP TYPE "public"."mm_request_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mm_opportunities_participant"`);
    await queryRunner.query(`DROP TABLE "mm_opportunities"`);
    await queryRunner.query(`DROP TYPE "public"."mm_resolve_lever"`);
    await queryRunner.query(`DROP TYPE "public"."mm_cci_subsector"`);
    await queryRunner.query(`DROP TYPE "public"."mm_opportunity_type"`);
    await queryRunner.query(`DROP TYPE "public"."mm_opportunity_direction"`);
    await queryRunner.query(`DROP INDEX "public"."uq_mm_participants_session_org"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mm_participants_org"`);
    await queryRunner.query(`DROP TABLE "mm_participants"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mm_sessions_network"`);
    await queryRunner.query(`DROP TABLE "mm_sessions"`);
    await queryRunner.query(`DROP TYPE "public"."mm_session_phase"`);
  }
}
