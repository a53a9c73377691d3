import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A chat channel kind for two organisations talking about a symbiosis listing. */
export class SymbiosisChannel1796200000000 implements MigrationInterface {
  name = 'SymbiosisChannel1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."chat_channel_kind" ADD VALUE 'SYMBIOSIS'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "chat_channels" WHERE "kind" = 'SYMBIOSIS'`);
    await queryRunner.query(`CREATE TYPE "public"."chat_channel_kind_old" AS ENUM('NETWORK_GENERAL', 'NETWORK_TOPIC', 'CHALLENGE', 'DIRECT', 'MEETING')`);
    await queryRunner.query(`ALTER TABLE "chat_channels" ALTER COLUMN "kind" TYPE "public"."chat_channel_kind_old" USING "kind"::"text"::"public"."chat_channel_kind_old"`);
    await queryRunner.query(`DROP TYPE "public"."chat_channel_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."chat_channel_kind_old" RENAME TO "chat_channel_kind"`);
  }
}
