import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Chat1795739163162 implements MigrationInterface {
  name = 'Chat1795739163162';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."chat_channel_kind" AS ENUM('NETWORK_GENERAL', 'NETWORK_TOPIC', 'CHALLENGE', 'DIRECT', 'MEETING')`);
    await queryRunner.query(`CREATE TABLE "chat_channels" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."chat_channel_kind" NOT NULL, "title" character varying(120), "description" character varying(500), "network_id" uuid, "challenge_id" uuid, "meeting_ref" character varying(120), "direct_key" character varying(80), "created_by_id" uuid, "last_seq" bigint NOT NULL DEFAULT '0', "revision" bigint NOT NULL DEFAULT '0', "last_message_at" TIMESTAMP WITH TIME ZONE, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_efecd102855fb96e1428306ec6f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_chat_channels_meeting_ref" ON "chat_channels"  ("meeting_ref") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_chat_channels_direct_key" ON "chat_channels"  ("direct_key") `);
    await queryRunner.query(`CREATE INDEX "ix_chat_channels_network" ON "chat_channels"  ("network_id", "kind") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_chat_channels_challenge" ON "chat_channels"  ("challenge_id") WHERE kind = 'CHALLENGE'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_chat_channels_network_general" ON "chat_channels"  ("network_id") WHERE kind = 'NETWORK_GENERAL'`);
    await queryRunner.query(`CREATE TABLE "chat_channel_members" ("channel_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_922ce8594086f2f5c832187553f" PRIMARY KEY ("channel_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_chat_channel_members_user" ON "chat_channel_members"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "chat_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel_id" uuid NOT NULL, "seq" bigint NOT NULL, "revision" bigint NOT NULL, "author_id" uuid, "client_id" character varying(64) NOT NULL, "body" text NOT NULL, "language" character varying(8), "thread_root_id" uuid, "reply_count" integer NOT NULL DEFAULT '0', "mentions" uuid array NOT NULL DEFAULT '{}', "search_document" tsvector, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "edited_at" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_40c55ee0e571e268b0d3cd37d10" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_chat_messages_search" ON "chat_messages" USING gin ("search_document") `);
    await queryRunner.query(`CREATE INDEX "ix_chat_messages_thread" ON "chat_messages"  ("thread_root_id", "seq") WHERE thread_root_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_chat_messages_channel_revision" ON "chat_messages"  ("channel_id", "revision") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_chat_messages_author_client" ON "chat_messages"  ("author_id", "client_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_chat_messages_channel_seq" ON "chat_messages"  ("channel_id", "seq") `);
    await queryRunner.query(`CREATE TABLE "chat_reactions" ("message_id" uuid NOT NULL, "user_id" uuid NOT NULL, "emoji" character varying(32) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4aaf2f987600d88bae0eb5ed5d1" PRIMARY KEY ("message_id", "user_id", "emoji"))`);
    await queryRunner.query(`CREATE TABLE "chat_read_markers" ("channel_id" uuid NOT NULL, "user_id" uuid NOT NULL, "last_read_seq" bigint NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_51b467361e12aab02e5ab411d95" PRIMARY KEY ("channel_id", "user_id"))`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'CHAT_MENTION'`);
    await queryRunner.query(`ALTER TABLE "chat_channels" ADD CONSTRAINT "FK_bf38024425a3d6653a140146763" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "chat_channels" ADD CONSTRAINT "FK_954d2a31c315d1e0094b297232b" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "chat_channels" ADD CONSTRAINT "FK_06d99f91323dcb208617c21ce3d" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "chat_channel_members" ADD CONSTRAINT "FK_a49d74c5d1884fc204ca26b509d" FOREIGN KEY ("channel_id") REFERENCES "chat_channels"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "chat_channel_members" ADD CONSTRAINT "FK_b77ccc33bc9d952c6df8302b2b0" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "chat_messages" ADD CONSTRAINT "FK_31c45c915d0e437e80a63b17749" FOREIGN KEY ("channel_id") REFERENCES "chat_channels"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "chat_messages" ADD CONSTRAINT "FK_85a3fc9253b9b06d74fec69241d" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "chat_messages" ADD CONSTRAINT "FK_01b4db892385057609f61f35113" FOREIGN KEY ("thread_root_id") REFERENCES "chat_messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "chat_reactions" ADD CONSTRAINT "FK_b3409942f1ea185576f1adce065" FOREIGN KEY ("message_id") REFERENCES "chat_messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "chat_reactions" ADD CONSTRAINT "FK_11f9bf8d7f071cfa85b4181bf94" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "chat_read_markers" ADD CONSTRAINT "FK_5f72bbd2665dd317d3a9c5dcded" FOREIGN KEY ("channel_id") REFERENCES "chat_channels"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "chat_read_markers" ADD CONSTRAINT "FK_f62bdf94d8fef3e962007749ccb" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "chat_read_markers" DROP CONSTRAINT "FK_f62bdf94d8fef3e962007749ccb"`);
    await queryRunner.query(`ALTER TABLE "chat_read_markers" DROP CONSTRAINT "FK_5f72bbd2665dd317d3a9c5dcded"`);
    await queryRunner.query(`ALTER TABLE "chat_reactions" DROP CONSTRAINT "FK_11f9bf8d7f071cfa85b4181bf94"`);
    await queryRunner.query(`ALTER TABLE "chat_reactions" DROP CONSTRAINT "FK_b3409942f1ea185576f1adce065"`);
    await queryRunner.query(`ALTER TABLE "chat_messages" DROP CONSTRAINT "FK_01b4db892385057609f61f35113"`);
    await queryRunner.query(`ALTER TABLE "chat_messages" DROP CONSTRAINT "FK_85a3fc9253b9b06d74fec69241d"`);
    await queryRunner.query(`ALTER TABLE "chat_messages" DROP CONSTRAINT "FK_31c45c915d0e437e80a63b17749"`);
    await queryRunner.query(`ALTER TABLE "chat_channel_members" DROP CONSTRAINT "FK_b77ccc33bc9d952c6df8302b2b0"`);
    await queryRunner.query(`ALTER TABLE "chat_channel_members" DROP CONSTRAINT "FK_a49d74c5d1884fc204ca26b509d"`);
    await queryRunner.query(`ALTER TABLE "chat_channels" DROP CONSTRAINT "FK_06d99f91323dcb208617c21ce3d"`);
    await queryRunner.query(`ALTER TABLE "chat_channels" DROP CONSTRAINT "FK_954d2a31c315d1e0094b297232b"`);
    await queryRunner.query(`ALTER TABLE "chat_channels" DROP CONSTRAINT "FK_bf38024425a3d6653a140146763"`);
    await queryRunner.query(`CREATE TYPE "public"."notification_kind_old" AS ENUM('ANSWER_ON_MY_CHALLENGE', 'ANSWER_ON_FOLLOWED_CHALLENGE', 'ANSWER_ACCEPTED', 'JOIN_REQUEST_DECIDED', 'NETWORK_INVITATION_RECEIVED', 'INVITATION_RECEIVED')`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`);
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);
    await queryRunner.query(`DROP TABLE "chat_read_markers"`);
    await queryRunner.query(`DROP TABLE "chat_reactions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_chat_messages_channel_seq"`);
    await queryRunner.query(`DROP INDEX "public"."uq_chat_messages_author_client"`);
    await queryRunner.query(`DROP INDEX "public"."ix_chat_messages_channel_revision"`);
    await queryRunner.query(`DROP INDEX "public"."ix_chat_messages_thread"`);
    await queryRunner.query(`DROP INDEX "public"."ix_chat_messages_search"`);
    await queryRunner.query(`DROP TABLE "chat_messages"`);
    await queryRunner.query(`DROP INDEX "public"."ix_chat_channel_members_user"`);
    await queryRunner.query(`DROP TABLE "chat_channel_members"`);
    await queryRunner.query(`DROP INDEX "public"."uq_chat_channels_network_general"`);
    await queryRunner.query(`DROP INDEX "public"."uq_chat_channels_challenge"`);
    await queryRunner.query(`DROP INDEX "public"."ix_chat_channels_network"`);
    await queryRunner.query(`DROP INDEX "public"."uq_chat_channels_direct_key"`);
    await queryRunner.query(`DROP INDEX "public"."uq_chat_channels_meeting_ref"`);
    await queryRunner.query(`DROP TABLE "chat_channels"`);
    await queryRunner.query(`DROP TYPE "public"."chat_channel_kind"`);
  }
}
