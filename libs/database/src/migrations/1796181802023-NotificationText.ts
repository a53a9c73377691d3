import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification summaries as a code and parameters (worded per reader), instead of English only.
 * Rows stored before keep their English title; their code comes from their kind (and, for a decided
 * join request, its outcome) and their one parameter is read back out of that title.
 */
export class NotificationText1796181802023 implements MigrationInterface {
  name = 'NotificationText1796181802023';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "text_code" character varying(80)`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "text_params" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`
      UPDATE "notifications" SET
        "text_code" = b.code,
        "text_params" = jsonb_build_array(jsonb_build_object('name', b.param, 'type', 'TEXT', 'values', jsonb_build_array(coalesce(substring("notifications"."title" from b.pattern), "notifications"."title"))))
      FROM (
        SELECT n.id,
          CASE n.kind
            WHEN 'ANSWER_ON_MY_CHALLENGE' THEN 'NOTIFICATION_ANSWER_ON_MY_CHALLENGE'
            WHEN 'ANSWER_ON_FOLLOWED_CHALLENGE' THEN 'NOTIFICATION_ANSWER_ON_FOLLOWED_CHALLENGE'
            WHEN 'ANSWER_ACCEPTED' THEN 'NOTIFICATION_ANSWER_ACCEPTED'
            WHEN 'JOIN_REQUEST_DECIDED' THEN CASE WHEN (n.subject->>'approved')::boolean THEN 'NOTIFICATION_JOIN_REQUEST_APPROVED' ELSE 'NOTIFICATION_JOIN_REQUEST_DECLINED' END
            WHEN 'NETWORK_INVITATION_RECEIVED' THEN 'NOTIFICATION_NETWORK_INVITATION'
            WHEN 'INVITATION_RECEIVED' THEN 'NOTIFICATION_ORGANISATION_INVITATION'
            ELSE 'NOTIFICATION_CHAT_MENTION'
          END AS code,
          CASE n.kind
            WHEN 'ANSWER_ON_MY_CHALLENGE' THEN 'challengeTitle'
            WHEN 'ANSWER_ON_FOLLOWED_CHALLENGE' THEN 'challengeTitle'
            WHEN 'ANSWER_ACCEPTED' THEN 'challengeTitle'
            WHEN 'JOIN_REQUEST_DECIDED' THEN 'networkName'
            WHEN 'NETWORK_INVITATION_RECEIVED' THEN 'networkName'
            WHEN 'INVITATION_RECEIVED' THEN 'organisationName'
            ELSE 'actorName'
          END AS param,
          CASE n.kind
            WHEN 'ANSWER_ON_MY_CHALLENGE' THEN '^New answer on “(.*)”$'
            WHEN 'ANSWER_ON_FOLLOWED_CHALLENGE' THEN '^New answer on “(.*)”, which you follow$'
            WHEN 'ANSWER_ACCEPTED' THEN '^Your answer to “(.*)” was accepted$'
            WHEN 'JOIN_REQUEST_DECIDED' THEN '^(.*): (?:your organisation is now a member|the request to join was declined)$'
            WHEN 'NETWORK_INVITATION_RECEIVED' THEN '^Your organisation is invited to join (.*)$'
            WHEN 'INVITATION_RECEIVED' THEN '^You are invited to join (.*)$'
            ELSE '^(.*) mentioned you in a conversation$'
          END AS pattern
        FROM "notifications" n
      ) b
      WHERE b.id = "notifications"."id"`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "text_code" SET NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "text_params"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "text_code"`);
  }
}
