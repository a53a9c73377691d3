import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Symbiosis1796181271939 implements MigrationInterface {
  name = 'Symbiosis1796181271939';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."symbiosis_listing_kind" AS ENUM('OFFER', 'WANT')`);
    await queryRunner.query(`CREATE TYPE "public"."symbiosis_listing_status" AS ENUM('DRAFT', 'ACTIVE', 'RESERVED', 'EXCHANGED', 'WITHDRAWN', 'EXPIRED')`);
    await queryRunner.query(`CREATE TYPE "public"."symbiosis_quantity_unit" AS ENUM('KG', 'TONNE', 'METRE', 'SQUARE_METRE', 'CUBIC_METRE', 'PIECE')`);
    await queryRunner.query(`CREATE TYPE "public"."symbiosis_listing_frequency" AS ENUM('ONE_OFF', 'WEEKLY', 'MONTHLY', 'YEARLY')`);
    await queryRunner.query(`CREATE TABLE "symbiosis_listings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."symbiosis_listing_kind" NOT NULL, "status" "public"."symbiosis_listing_status" NOT NULL DEFAULT 'DRAFT', "organisation_id" uuid NOT NULL, "author_id" uuid, "title" character varying(200) NOT NULL, "description" text NOT NULL, "language" character varying(35) NOT NULL, "material" character varying(40) NOT NULL, "family" character varying(20) NOT NULL, "ewc_code" character varying(6), "hazardous" boolean NOT NULL DEFAULT false, "quantity" numeric(14,3) NOT NULL, "reserved_quantity" numeric(14,3) NOT NULL DEFAULT '0', "unit" "public"."symbiosis_quantity_unit" NOT NULL, "frequency" "public"."symbiosis_listing_frequency" NOT NULL DEFAULT 'ONE_OFF', "condition" text NOT NULL DEFAULT '', "available_from" TIMESTAMP WITH TIME ZONE NOT NULL, "available_until" TIMESTAMP WITH TIME ZONE, "city" character varying(100) NOT NULL, "country" character(2) NOT NULL, "latitude" double precision, "longitude" double precision, "radius_km" integer, "data_sheet_url" character varying(2000), "network_ids" uuid array NOT NULL, "search_document" tsvector, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_36fe45003461d726718d55297f9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_symbiosis_listings_organisation" ON "symbiosis_listings"  ("organisation_id") `);
    await queryRunner.query(`CREATE INDEX "ix_symbiosis_listings_until" ON "symbiosis_listings"  ("available_until") `);
    await queryRunner.query(`CREATE INDEX "ix_symbiosis_listings_created" ON "symbiosis_listings"  ("created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_symbiosis_listings_search" ON "symbiosis_listings" USING gin ("search_document") `);
    await queryRunner.query(`CREATE INDEX "ix_symbiosis_listings_networks" ON "symbiosis_listings" USING gin ("network_ids") `);
    await queryRunner.query(`CREATE INDEX "ix_symbiosis_listings_match" ON "symbiosis_listings"  ("status", "kind", "material") `);
    await queryRunner.query(`CREATE TABLE "symbiosis_matches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "offer_id" uuid NOT NULL, "want_id" uuid NOT NULL, "score" integer NOT NULL, "reasons" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a07da5dc97054de1c01ca0a0b7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_symbiosis_matches_want" ON "symbiosis_matches"  ("want_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_symbiosis_matches_pair" ON "symbiosis_matches"  ("offer_id", "want_id") `);
    await queryRunner.query(`CREATE TYPE "public"."symbiosis_proposal_status" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED', 'COMPLETED')`);
    await queryRunner.query(`CREATE TABLE "symbiosis_proposals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "listing_id" uuid NOT NULL, "counter_listing_id" uuid, "from_organisation_id" uuid NOT NULL, "author_id" uuid, "quantity" numeric(14,3) NOT NULL, "proposed_date" TIMESTAMP WITH TIME ZONE NOT NULL, "terms" text NOT NULL DEFAULT '', "status" "public"."symbiosis_proposal_status" NOT NULL DEFAULT 'PENDING', "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "exchanged_quantity" numeric(14,3), "exchanged_tonnes" numeric(14,3), "diverted_tonnes" numeric(14,3), "co2e_avoided_tonnes" numeric(14,3), "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f8800fc8b632faf79d19a4441f3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_symbiosis_proposals_listing" ON "symbiosis_proposals"  ("listing_id") `);
    await queryRunner.query(`CREATE INDEX "ix_symbiosis_proposals_from_created" ON "symbiosis_proposals"  ("from_organisation_id", "created_at") `);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'SYMBIOSIS_MATCH'`);
    await queryRunner.query(`ALTER TABLE "symbiosis_listings" ADD CONSTRAINT "FK_4206c62eec98af7db0484cc6ca7" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "symbiosis_listings" ADD CONSTRAINT "FK_6c5591b1533bc13654a436eba78" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "symbiosis_matches" ADD CONSTRAINT "FK_4e10f51a17e35c12b9c3bbc9f23" FOREIGN KEY ("offer_id") REFERENCES "symbiosis_listings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "symbiosis_matches" ADD CONSTRAINT "FK_1c48175557152340a00775716ed" FOREIGN KEY ("want_id") REFERENCES "symbiosis_listings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "symbiosis_proposals" ADD CONSTRAINT "FK_444a26e5a4cb05cd39fa5f1271a" FOREIGN KEY ("listing_id") REFERENCES "symbiosis_listings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "symbiosis_proposals" ADD CONSTRAINT "FK_807e1073f4613b194b7f9364c18" FOREIGN KEY ("counter_listing_id") REFERENCES "symbiosis_listings"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "symbiosis_proposals" ADD CONSTRAINT "FK_95ef257a1a6559929df9cdfb8c3" FOREIGN KEY ("from_organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "symbiosis_proposals" DROP CONSTRAINT "FK_95ef257a1a6559929df9cdfb8c3"`);
    await queryRunner.query(`ALTER TABLE "symbiosis_proposals" DROP CONSTRAINT "FK_807e1073f4613b194b7f9364c18"`);
    await queryRunner.query(`ALTER TABLE "symbiosis_proposals" DROP CONSTRAINT "FK_444a26e5a4cb05cd39fa5f1271a"`);
    await queryRunner.query(`ALTER TABLE "symbiosis_matches" DROP CONSTRAINT "FK_1c48175557152340a00775716ed"`);
    await queryRunner.query(`ALTER TABLE "symbiosis_matches" DROP CONSTRAINT "FK_4e10f51a17e35c12b9c3bbc9f23"`);
    await queryRunner.query(`ALTER TABLE "symbiosis_listings" DROP CONSTRAINT "FK_6c5591b1533bc13654a436eba78"`);
    await queryRunner.query(`ALTER TABLE "symbiosis_listings" DROP CONSTRAINT "FK_4206c62eec98af7db0484cc6ca7"`);
    await queryRunner.query(`CREATE TYPE "public"."notification_kind_old" AS ENUM('ANSWER_ON_MY_CHALLENGE', 'ANSWER_ON_FOLLOWED_CHALLENGE', 'ANSWER_ACCEPTED', 'JOIN_REQUEST_DECIDED', 'NETWORK_INVITATION_RECEIVED', 'INVITATION_RECEIVED', 'CHAT_MENTION')`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`);
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_symbiosis_proposals_from_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_symbiosis_proposals_listing"`);
    await queryRunner.query(`DROP TABLE "symbiosis_proposals"`);
    await queryRunner.query(`DROP TYPE "public"."symbiosis_proposal_status"`);
    await queryRunner.query(`DROP INDEX "public"."ux_symbiosis_matches_pair"`);
    await queryRunner.query(`DROP INDEX "public"."ix_symbiosis_matches_want"`);
    await queryRunner.query(`DROP TABLE "symbiosis_matches"`);
    await queryRunner.query(`DROP INDEX "public"."ix_symbiosis_listings_match"`);
    await queryRunner.query(`DROP INDEX "public"."ix_symbiosis_listings_networks"`);
    await queryRunner.query(`DROP INDEX "public"."ix_symbiosis_listings_search"`);
    await queryRunner.query(`DROP INDEX "public"."ix_symbiosis_listings_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_symbiosis_listings_until"`);
    await queryRunner.query(`DROP INDEX "public"."ix_symbiosis_listings_organisation"`);
    await queryRunner.query(`DROP TABLE "symbiosis_listings"`);
    await queryRunner.query(`DROP TYPE "public"."symbiosis_listing_frequency"`);
    await queryRunner.query(`DROP TYPE "public"."symbiosis_quantity_unit"`);
    await queryRunner.query(`DROP TYPE "public"."symbiosis_listing_status"`);
    await queryRunner.query(`DROP TYPE "public"."symbiosis_listing_kind"`);
  }
}
