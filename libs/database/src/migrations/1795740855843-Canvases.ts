import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Canvases1795740855843 implements MigrationInterface {
  name = 'Canvases1795740855843';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "canvases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "owner_organisation_id" uuid NOT NULL, "challenge_id" uuid, "title" character varying(200) NOT NULL, "last_seq" bigint NOT NULL DEFAULT '0', "last_activity_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "archived_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_59fc8025e679185eda05ba8aa60" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_canvases_challenge" ON "canvases"  ("challenge_id") `);
    await queryRunner.query(`CREATE INDEX "ix_canvases_network_activity" ON "canvases"  ("network_id", "last_activity_at") `);
    await queryRunner.query(`CREATE TYPE "public"."canvas_role" AS ENUM('EDITOR', 'VIEWER')`);
    await queryRunner.query(`CREATE TABLE "canvas_access" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "canvas_id" uuid NOT NULL, "organisation_id" uuid, "user_id" uuid, "role" "public"."canvas_role" NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2f4498894baaca69c38a094fc68" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_canvas_access_user" ON "canvas_access"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_canvas_access_user" ON "canvas_access"  ("canvas_id", "user_id") WHERE user_id IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_canvas_access_org" ON "canvas_access"  ("canvas_id", "organisation_id") WHERE organisation_id IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "canvas_updates" ("canvas_id" uuid NOT NULL, "seq" bigint NOT NULL, "data" bytea NOT NULL, "user_id" uuid, "blocks" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_335fbfb91cb09503021db9d0740" PRIMARY KEY ("canvas_id", "seq"))`);
    await queryRunner.query(`CREATE TABLE "canvas_snapshots" ("canvas_id" uuid NOT NULL, "seq" bigint NOT NULL, "state" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_88134699f0693c7fa796d42038d" PRIMARY KEY ("canvas_id", "seq"))`);
    await queryRunner.query(`CREATE TABLE "canvas_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "canvas_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "seq" bigint NOT NULL, "state" bytea NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_018bc24286faa9dec13a95c183e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_canvas_versions_canvas" ON "canvas_versions"  ("canvas_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "canvas_history" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "canvas_id" uuid NOT NULL, "user_id" uuid, "from_at" TIMESTAMP WITH TIME ZONE NOT NULL, "to_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocks" text array NOT NULL, "updates" integer NOT NULL, "first_seq" bigint NOT NULL, "last_seq" bigint NOT NULL, CONSTRAINT "PK_0dba61e5850e698a0ba76a9403f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_canvas_history_canvas" ON "canvas_history"  ("canvas_id", "last_seq") `);
    await queryRunner.query(`ALTER TABLE "canvases" ADD CONSTRAINT "FK_f99d01d74971b5e9e1ceae5766b" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "canvases" ADD CONSTRAINT "FK_bc4a73e97d3db3421a9849b257c" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "canvases" ADD CONSTRAINT "FK_0d4091f96b59f44bae173a2ee12" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "canvases" ADD CONSTRAINT "FK_be2361b36cf03394395cca77f1d" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "canvas_access" ADD CONSTRAINT "FK_519cf2f49f6d0543d1bf7adc839" FOREIGN KEY ("canvas_id") REFERENCES "canvases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "canvas_access" ADD CONSTRAINT "FK_52f85196876cab3a8f207f5f9ba" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "canvas_access" ADD CONSTRAINT "FK_cdc4f269bedb0d05b89bf818089" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "canvas_updates" ADD CONSTRAINT "FK_bc9d065deee67c7534fe53ef3a2" FOREIGN KEY ("canvas_id") REFERENCES "canvases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "canvas_snapshots" ADD CONSTRAINT "FK_b4af510440c90de1a504ccaa403" FOREIGN KEY ("canvas_id") REFERENCES "canvases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "canvas_versions" ADD CONSTRAINT "FK_4d32a59856047df19b0649f10d7" FOREIGN KEY ("canvas_id") REFERENCES "canvases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "canvas_versions" ADD CONSTRAINT "FK_24c324e117220b4832ee28a2181" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "canvas_history" ADD CONSTRAINT "FK_0eafcc8f35924a6084b066e03d7" FOREIGN KEY ("canvas_id") REFERENCES "canvases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "canvas_history" DROP CONSTRAINT "FK_0eafcc8f35924a6084b066e03d7"`);
    await queryRunner.query(`ALTER TABLE "canvas_versions" DROP CONSTRAINT "FK_24c324e117220b4832ee28a2181"`);
    await queryRunner.query(`ALTER TABLE "canvas_versions" DROP CONSTRAINT "FK_4d32a59856047df19b0649f10d7"`);
    await queryRunner.query(`ALTER TABLE "canvas_snapshots" DROP CONSTRAINT "FK_b4af510440c90de1a504ccaa403"`);
    await queryRunner.query(`ALTER TABLE "canvas_updates" DROP CONSTRAINT "FK_bc9d065deee67c7534fe53ef3a2"`);
    await queryRunner.query(`ALTER TABLE "canvas_access" DROP CONSTRAINT "FK_cdc4f269bedb0d05b89bf818089"`);
    await queryRunner.query(`ALTER TABLE "canvas_access" DROP CONSTRAINT "FK_52f85196876cab3a8f207f5f9ba"`);
    await queryRunner.query(`ALTER TABLE "canvas_access" DROP CONSTRAINT "FK_519cf2f49f6d0543d1bf7adc839"`);
    await queryRunner.query(`ALTER TABLE "canvases" DROP CONSTRAINT "FK_be2361b36cf03394395cca77f1d"`);
    await queryRunner.query(`ALTER TABLE "canvases" DROP CONSTRAINT "FK_0d4091f96b59f44bae173a2ee12"`);
    await queryRunner.query(`ALTER TABLE "canvases" DROP CONSTRAINT "FK_bc4a73e97d3db3421a9849b257c"`);
    await queryRunner.query(`ALTER TABLE "canvases" DROP CONSTRAINT "FK_f99d01d74971b5e9e1ceae5766b"`);
    await queryRunner.query(`DROP INDEX "public"."ix_canvas_history_canvas"`);
    await queryRunner.query(`DROP TABLE "canvas_history"`);
    await queryRunner.query(`DROP INDEX "public"."ix_canvas_versions_canvas"`);
    await queryRunner.query(`DROP TABLE "canvas_versions"`);
    await queryRunner.query(`DROP TABLE "canvas_snapshots"`);
    await queryRunner.query(`DROP TABLE "canvas_updates"`);
    await queryRunner.query(`DROP INDEX "public"."uq_canvas_access_org"`);
    await queryRunner.query(`DROP INDEX "public"."uq_canvas_access_user"`);
    await queryRunner.query(`DROP INDEX "public"."ix_canvas_access_user"`);
    await queryRunner.query(`DROP TABLE "canvas_access"`);
    await queryRunner.query(`DROP TYPE "public"."canvas_role"`);
    await queryRunner.query(`DROP INDEX "public"."ix_canvases_network_activity"`);
    await queryRunner.query(`DROP INDEX "public"."ix_canvases_challenge"`);
    await queryRunner.query(`DROP TABLE "canvases"`);
  }
}
