import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Challenges1795734385877 implements MigrationInterface {
  name = 'Challenges1795734385877';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."challenge_status" AS ENUM('DRAFT', 'OPEN', 'IN_PROGRESS', 'SOLVED', 'CLOSED')`);
    await queryRunner.query(`CREATE TABLE "challenges" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "author_id" uuid, "title" character varying(200) NOT NULL, "description" text NOT NULL, "levers" text array NOT NULL DEFAULT '{}', "materials" text array NOT NULL DEFAULT '{}', "subsectors" text array NOT NULL DEFAULT '{}', "language" character varying(35) NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE, "attachments" jsonb NOT NULL DEFAULT '[]', "status" "public"."challenge_status" NOT NULL DEFAULT 'DRAFT', "answer_count" integer NOT NULL DEFAULT '0', "vote_score" integer NOT NULL DEFAULT '0', "last_activity_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "search_document" tsvector, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1e664e93171e20fe4d6125466af" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_challenges_organisation" ON "challenges"  ("organisation_id") `);
    await queryRunner.query(`CREATE INDEX "ix_challenges_status" ON "challenges"  ("status") `);
    await queryRunner.query(`CREATE INDEX "ix_challenges_search" ON "challenges" USING gin ("search_document") `);
    await queryRunner.query(`CREATE INDEX "ix_challenges_network_created" ON "challenges"  ("network_id", "created_at") `);
    await queryRunner.query(`CREATE TYPE "public"."challenge_status_from" AS ENUM('DRAFT', 'OPEN', 'IN_PROGRESS', 'SOLVED', 'CLOSED')`);
    await queryRunner.query(`CREATE TYPE "public"."challenge_status_to" AS ENUM('DRAFT', 'OPEN', 'IN_PROGRESS', 'SOLVED', 'CLOSED')`);
    await queryRunner.query(`CREATE TABLE "challenge_transitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_id" uuid NOT NULL, "from_status" "public"."challenge_status_from", "to_status" "public"."challenge_status_to" NOT NULL, "actor_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_486c62d9bfb86b872304f6656c9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_challenge_transitions_challenge" ON "challenge_transitions"  ("challenge_id") `);
    await queryRunner.query(`CREATE TABLE "challenge_answers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_id" uuid NOT NULL, "author_id" uuid, "organisation_id" uuid NOT NULL, "body" text NOT NULL, "levers" text array NOT NULL DEFAULT '{}', "effort_estimate" character varying(200), "score" integer NOT NULL DEFAULT '0', "accepted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5130ecd516603a0adbe2d7765e9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_challenge_answers_challenge" ON "challenge_answers"  ("challenge_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "answer_comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "answer_id" uuid NOT NULL, "author_id" uuid, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e603f3af7df58b1f4c8bf222748" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_answer_comments_answer" ON "answer_comments"  ("answer_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "answer_votes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "answer_id" uuid NOT NULL, "user_id" uuid NOT NULL, "value" smallint NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_767f6bc508e4f2d6d08d65beb31" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_answer_votes" ON "answer_votes"  ("answer_id", "user_id") `);
    await queryRunner.query(`CREATE TABLE "challenge_follows" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d67dde5df8c983906e8db8c222e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_challenge_follows_user" ON "challenge_follows"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_challenge_follows" ON "challenge_follows"  ("challenge_id", "user_id") `);
    await queryRunner.query(`ALTER TABLE "challenges" ADD CONSTRAINT "FK_2dab457f85abbb9811376f25855" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "challenges" ADD CONSTRAINT "FK_0e4be0aa6a0913c2739e23698ab" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "challenges" ADD CONSTRAINT "FK_5afdb3ba1bc453064d77a1e885c" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "challenge_transitions" ADD CONSTRAINT "FK_698e7d03ab4597727c7cc0c3ffe" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "challenge_transitions" ADD CONSTRAINT "FK_85e4c671d518e624000e8663a95" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "challenge_answers" ADD CONSTRAINT "FK_0acd217e096a00028b035f48764" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "challenge_answers" ADD CONSTRAINT "FK_f001802d9f03316b14350f38da9" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "challenge_answers" ADD CONSTRAINT "FK_ffbd9c804de73a2b09742b27a0e" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "answer_comments" ADD CONSTRAINT "FK_0c7851cd006eaf9a581afcea91a" FOREIGN KEY ("answer_id") REFERENCES "challenge_answers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "answer_comments" ADD CONSTRAINT "FK_b772b291ce415aee4c34573103b" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "answer_votes" ADD CONSTRAINT "FK_f0157023465e675660fd1709118" FOREIGN KEY ("answer_id") REFERENCES "challenge_answers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "answer_votes" ADD CONSTRAINT "FK_ab3699386b605aa8235fde46cc4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "challenge_follows" ADD CONSTRAINT "FK_f771a60a51c4f59bc6dd5bda612" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "challenge_follows" ADD CONSTRAINT "FK_bc8b8a5851c38b8751b6726a077" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "challenge_follows" DROP CONSTRAINT "FK_bc8b8a5851c38b8751b6726a077"`);
    await queryRunner.query(`ALTER TABLE "challenge_follows" DROP CONSTRAINT "FK_f771a60a51c4f59bc6dd5bda612"`);
    await queryRunner.query(`ALTER TABLE "answer_votes" DROP CONSTRAINT "FK_ab3699386b605aa8235fde46cc4"`);
    await queryRunner.query(`ALTER TABLE "answer_votes" DROP CONSTRAINT "FK_f0157023465e675660fd1709118"`);
    await queryRunner.query(`ALTER TABLE "answer_comments" DROP CONSTRAINT "FK_b772b291ce415aee4c34573103b"`);
    await queryRunner.query(`ALTER TABLE "answer_comments" DROP CONSTRAINT "FK_0c7851cd006eaf9a581afcea91a"`);
    await queryRunner.query(`ALTER TABLE "challenge_answers" DROP CONSTRAINT "FK_ffbd9c804de73a2b09742b27a0e"`);
    await queryRunner.query(`ALTER TABLE "challenge_answers" DROP CONSTRAINT "FK_f001802d9f03316b14350f38da9"`);
    await queryRunner.query(`ALTER TABLE "challenge_answers" DROP CONSTRAINT "FK_0acd217e096a00028b035f48764"`);
    await queryRunner.query(`ALTER TABLE "challenge_transitions" DROP CONSTRAINT "FK_85e4c671d518e624000e8663a95"`);
    await queryRunner.query(`ALTER TABLE "challenge_transitions" DROP CONSTRAINT "FK_698e7d03ab4597727c7cc0c3ffe"`);
    await queryRunner.query(`ALTER TABLE "challenges" DROP CONSTRAINT "FK_5afdb3ba1bc453064d77a1e885c"`);
    await queryRunner.query(`ALTER TABLE "challenges" DROP CONSTRAINT "FK_0e4be0aa6a0913c2739e23698ab"`);
    await queryRunner.query(`ALTER TABLE "challenges" DROP CONSTRAINT "FK_2dab457f85abbb9811376f25855"`);
    await queryRunner.query(`DROP INDEX "public"."uq_challenge_follows"`);
    await queryRunner.query(`DROP INDEX "public"."ix_challenge_follows_user"`);
    await queryRunner.query(`DROP TABLE "challenge_follows"`);
    await queryRunner.query(`DROP INDEX "public"."uq_answer_votes"`);
    await queryRunner.query(`DROP TABLE "answer_votes"`);
    await queryRunner.query(`DROP INDEX "public"."ix_answer_comments_answer"`);
    await queryRunner.query(`DROP TABLE "answer_comments"`);
    await queryRunner.query(`DROP INDEX "public"."ix_challenge_answers_challenge"`);
    await queryRunner.query(`DROP TABLE "challenge_answers"`);
    await queryRunner.query(`DROP INDEX "public"."ix_challenge_transitions_challenge"`);
    await queryRunner.query(`DROP TABLE "challenge_transitions"`);
    await queryRunner.query(`DROP TYPE "public"."challenge_status_to"`);
    await queryRunner.query(`DROP TYPE "public"."challenge_status_from"`);
    await queryRunner.query(`DROP INDEX "public"."ix_challenges_network_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_challenges_search"`);
    await queryRunner.query(`DROP INDEX "public"."ix_challenges_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_challenges_organisation"`);
    await queryRunner.query(`DROP TABLE "challenges"`);
    await queryRunner.query(`DROP TYPE "public"."challenge_status"`);
  }
}
