import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NetworkMembership1795734089699 implements MigrationInterface {
  name = 'NetworkMembership1795734089699';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."network_join_direction" AS ENUM('REQUEST', 'INVITATION')`);
    await queryRunner.query(`CREATE TYPE "public"."request_status" AS ENUM('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')`);
    await queryRunner.query(`CREATE TABLE "network_join_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "direction" "public"."network_join_direction" NOT NULL, "network_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "message" text NOT NULL DEFAULT '', "status" "public"."request_status" NOT NULL DEFAULT 'PENDING', "created_by_id" uuid, "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_42706fc4fca918013ac15f957d1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_network_join_requests_network" ON "network_join_requests"  ("network_id") `);
    await queryRunner.query(`CREATE INDEX "ix_network_join_requests_organisation" ON "network_join_requests"  ("organisation_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_network_join_requests_pending" ON "network_join_requests"  ("network_id", "organisation_id") WHERE "status" = 'PENDING'`);
    await queryRunner.query(`ALTER TABLE "networks" ADD "city" character varying(100)`);
    await queryRunner.query(`ALTER TABLE "network_join_requests" ADD CONSTRAINT "FK_34ef6d947e9d548e79417f41138" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "network_join_requests" ADD CONSTRAINT "FK_7cf8770ffcc661eab04a6afec16" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "network_join_requests" ADD CONSTRAINT "FK_75be75ee3bf86680a50cb860d2c" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "network_join_requests" ADD CONSTRAINT "FK_59b6c756e0b2d0492a0e51df7ed" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "network_join_requests" DROP CONSTRAINT "FK_59b6c756e0b2d0492a0e51df7ed"`);
    await queryRunner.query(`ALTER TABLE "network_join_requests" DROP CONSTRAINT "FK_75be75ee3bf86680a50cb860d2c"`);
    await queryRunner.query(`ALTER TABLE "network_join_requests" DROP CONSTRAINT "FK_7cf8770ffcc661eab04a6afec16"`);
    await queryRunner.query(`ALTER TABLE "network_join_requests" DROP CONSTRAINT "FK_34ef6d947e9d548e79417f41138"`);
    await queryRunner.query(`ALTER TABLE "networks" DROP COLUMN "city"`);
    await queryRunner.query(`DROP INDEX "public"."uq_network_join_requests_pending"`);
    await queryRunner.query(`DROP INDEX "public"."ix_network_join_requests_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_network_join_requests_network"`);
    await queryRunner.query(`DROP TABLE "network_join_requests"`);
    await queryRunner.query(`DROP TYPE "public"."request_status"`);
    await queryRunner.query(`DROP TYPE "public"."network_join_direction"`);
  }
}
