import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795730953174 implements MigrationInterface {
  name = 'Initial1795730953174';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "password_hash" text NOT NULL, "display_name" character varying(100) NOT NULL, "preferred_languages" text array NOT NULL DEFAULT '{}', "country" character(2), "time_zone" character varying(64) NOT NULL DEFAULT 'UTC', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users"  ("email") `);
    await queryRunner.query(`CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_refresh_tokens_user" ON "refresh_tokens"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "ix_refresh_tokens_family" ON "refresh_tokens"  ("family_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_refresh_tokens_hash" ON "refresh_tokens"  ("token_hash") `);
    await queryRunner.query(`CREATE TABLE "login_failures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_key" character varying(254) NOT NULL, "address" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8211e8ec810fd7f976b98ce97a0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_login_failures_address" ON "login_failures"  ("address", "created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_login_failures_account" ON "login_failures"  ("account_key", "created_at") `);
    await queryRunner.query(`CREATE TYPE "public"."organisation_kind" AS ENUM('SME', 'EXPERT', 'MUNICIPALITY', 'UNIVERSITY', 'NGO')`);
    await queryRunner.query(`CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "kind" "public"."organisation_kind" NOT NULL, "country" character(2) NOT NULL, "city" character varying(100) NOT NULL, "subsectors" text array NOT NULL DEFAULT '{}', "description" text NOT NULL DEFAULT '', "website" character varying(300), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_organisations_name" ON "organisations"  ("name") `);
    await queryRunner.query(`CREATE INDEX "ix_organisations_country" ON "organisations"  ("country") `);
    await queryRunner.query(`CREATE TYPE "public"."organisation_role" AS ENUM('OWNER', 'ADMIN', 'MEMBER')`);
    await queryRunner.query(`CREATE TABLE "organisation_memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" "public"."organisation_role" NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_85987e3af9e0c0198354087c331" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_organisation_memberships_user" ON "organisation_memberships"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_organisation_memberships" ON "organisation_memberships"  ("organisation_id", "user_id") `);
    await queryRunner.query(`CREATE TYPE "public"."invitation_role" AS ENUM('OWNER', 'ADMIN', 'MEMBER')`);
    await queryRunner.query(`CREATE TYPE "public"."invitation_status" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED')`);
    await queryRunner.query(`CREATE TABLE "organisation_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "role" "public"."invitation_role" NOT NULL, "status" "public"."invitation_status" NOT NULL DEFAULT 'PENDING', "invited_by_id" uuid, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "responded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d9657c67b15006843b0472d8a75" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_organisation_invitations_email" ON "organisation_invitations"  ("email") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_organisation_invitations_pending" ON "organisation_invitations"  ("organisation_id", "email") WHERE "status" = 'PENDING'`);
    await queryRunner.query(`CREATE TYPE "public"."network_kind" AS ENUM('CLUSTER', 'NETWORK')`);
    await queryRunner.query(`CREATE TYPE "public"."network_visibility" AS ENUM('PUBLIC', 'PRIVATE')`);
    await queryRunner.query(`CREATE TABLE "networks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."network_kind" NOT NULL, "name" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "countries" text array NOT NULL DEFAULT '{}', "subsectors" text array NOT NULL DEFAULT '{}', "visibility" "public"."network_visibility" NOT NULL, "created_by_organisation_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_61b1ee921bf79550d9d4742b9f7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_networks_name" ON "networks"  ("name") `);
    await queryRunner.query(`CREATE TYPE "public"."network_role" AS ENUM('ADMIN', 'MEMBER')`);
    await queryRunner.query(`CREATE TABLE "network_memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "role" "public"."network_role" NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_de8ec57df455bec66217fd5744f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_network_memberships_organisation" ON "network_memberships"  ("organisation_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_network_memberships" ON "network_memberships"  ("network_id", "organisation_id") `);
    await queryRunner.query(`ALTER TABLE "refresh_tokens" ADD CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organisation_memberships" ADD CONSTRAINT "FK_9635442addd2ae591c3d2c01b13" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organisation_memberships" ADD CONSTRAINT "FK_72bdc2e7ec09a8e892fd96420b2" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organisation_invitations" ADD CONSTRAINT "FK_6b846f2e4a21943d2e6c0439b75" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organisation_invitations" ADD CONSTRAINT "FK_b98978389fef398262f656792e7" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "networks" ADD CONSTRAINT "FK_2e7b7607834c8ef965234618ba7" FOREIGN KEY ("created_by_organisation_id") REFERENCES "organisations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "network_memberships" ADD CONSTRAINT "FK_538e8b5f654409dbe3262329119" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "network_memberships" ADD CONSTRAINT "FK_18609e31e7e4f98e9fe9abee509" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "network_memberships" DROP CONSTRAINT "FK_18609e31e7e4f98e9fe9abee509"`);
    await queryRunner.query(`ALTER TABLE "network_memberships" DROP CONSTRAINT "FK_538e8b5f654409dbe3262329119"`);
    await queryRunner.query(`ALTER TABLE "networks" DROP CONSTRAINT "FK_2e7b7607834c8ef965234618ba7"`);
    await queryRunner.query(`ALTER TABLE "organisation_invitations" DROP CONSTRAINT "FK_b98978389fef398262f656792e7"`);
    await queryRunner.query(`ALTER TABLE "organisation_invitations" DROP CONSTRAINT "FK_6b846f2e4a21943d2e6c0439b75"`);
    await queryRunner.query(`ALTER TABLE "organisation_memberships" DROP CONSTRAINT "FK_72bdc2e7ec09a8e892fd96420b2"`);
    await queryRunner.query(`ALTER TABLE "organisation_memberships" DROP CONSTRAINT "FK_9635442addd2ae591c3d2c01b13"`);
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4"`);
    await queryRunner.query(`DROP INDEX "public"."uq_network_memberships"`);
    await queryRunner.query(`DROP INDEX "public"."ix_network_memberships_organisation"`);
    await queryRunner.query(`DROP TABLE "network_memberships"`);
    await queryRunner.query(`DROP TYPE "public"."network_role"`);
    await queryRunner.query(`DROP INDEX "public"."ix_networks_name"`);
    await queryRunner.query(`DROP TABLE "networks"`);
    await queryRunner.query(`DROP TYPE "public"."network_visibility"`);
    await queryRunner.query(`DROP TYPE "public"."network_kind"`);
    await queryRunner.query(`DROP INDEX "public"."uq_organisation_invitations_pending"`);
    await queryRunner.query(`DROP INDEX "public"."ix_organisation_invitations_email"`);
    await queryRunner.query(`DROP TABLE "organisation_invitations"`);
    await queryRunner.query(`DROP TYPE "public"."invitation_status"`);
    await queryRunner.query(`DROP TYPE "public"."invitation_role"`);
    await queryRunner.query(`DROP INDEX "public"."uq_organisation_memberships"`);
    await queryRunner.query(`DROP INDEX "public"."ix_organisation_memberships_user"`);
    await queryRunner.query(`DROP TABLE "organisation_memberships"`);
    await queryRunner.query(`DROP TYPE "public"."organisation_role"`);
    await queryRunner.query(`DROP INDEX "public"."ix_organisations_country"`);
    await queryRunner.query(`DROP INDEX "public"."ix_organisations_name"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
    await queryRunner.query(`DROP TYPE "public"."organisation_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_login_failures_account"`);
    await queryRunner.query(`DROP INDEX "public"."ix_login_failures_address"`);
    await queryRunner.query(`DROP TABLE "login_failures"`);
    await queryRunner.query(`DROP INDEX "public"."uq_refresh_tokens_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_refresh_tokens_family"`);
    await queryRunner.query(`DROP INDEX "public"."ix_refresh_tokens_user"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_email"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
