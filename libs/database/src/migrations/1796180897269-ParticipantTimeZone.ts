import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ParticipantTimeZone1796180897269 implements MigrationInterface {
  name = 'ParticipantTimeZone1796180897269';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Existing participants take their contact's time zone, else the session's; then the column has no default.
    await queryRunner.query(`ALTER TABLE "mm_participants" ADD "time_zone" character varying(64) NOT NULL DEFAULT 'UTC'`);
    await queryRunner.query(
      `UPDATE "mm_participants" p SET "time_zone" = COALESCE((SELECT u."time_zone" FROM "users" u WHERE u."id" = p."contact_user_id"), (SELECT s."time_zone" FROM "mm_sessions" s WHERE s."id" = p."session_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "mm_participants" ALTER COLUMN "time_zone" DROP DEFAULT`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mm_participants" DROP COLUMN "time_zone"`);
  }
}
