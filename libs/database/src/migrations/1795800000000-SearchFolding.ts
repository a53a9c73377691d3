import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search documents gain their folded words (accents, Arabic letter forms and article; see
 * `foldSql` in platform/database/text-search.ts), so existing challenges and messages match prefixes
 * and folded spellings like new ones. Data only; the SQL is what `foldedDocumentSql` produced.
 */
export class SearchFolding1795800000000 implements MigrationInterface {
  name = 'SearchFolding1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "challenges" SET "search_document" = "search_document" || to_tsvector('simple', regexp_replace(regexp_replace(translate(lower(title || ' ' || description), 'àáâãäåāÀÁÂÃÄÅĀçÇèéêëēÈÉÊËĒìíîïīÌÍÎÏĪñÑòóôõöøōÒÓÔÕÖØŌùúûüūÙÚÛÜŪýÿÝάΆΑΒΓΔέΈΕΖήΉΗΘίϊΐΊΪΙΚΛΜΝΞόΌΟΠΡςΣΤύϋΰΎΫΥΦΧΨώΏΩأإآٱةى', 'aaaaaaaaaaaaaacceeeeeeeeeeiiiiiiiiiinnoooooooooooooouuuuuuuuuuyyyαααβγδεεεζηηηθιιιιιικλμνξοοοπρσστυυυυυυφχψωωωااااهي'), '[ً-ٰٟـ]', '', 'g'), '(^|\\s)(وال|بال|كال|فال|ال|لل)([^\\s]{2,})', '\\1\\3', 'g')) WHERE "search_document" IS NOT NULL`);
    await queryRunner.query(`UPDATE "chat_messages" SET "search_document" = "search_document" || to_tsvector('simple', regexp_replace(regexp_replace(translate(lower(body), 'àáâãäåāÀÁÂÃÄÅĀçÇèéêëēÈÉÊËĒìíîïīÌÍÎÏĪñÑòóôõöøōÒÓÔÕÖØŌùúûüūÙÚÛÜŪýÿÝάΆΑΒΓΔέΈΕΖήΉΗΘίϊΐΊΪΙΚΛΜΝΞόΌΟΠΡςΣΤύϋΰΎΫΥΦΧΨώΏΩأإآٱةى', 'aaaaaaaaaaaaaacceeeeeeeeeeiiiiiiiiiinnoooooooooooooouuuuuuuuuuyyyαααβγδεεεζηηηθιιιιιικλμνξοοοπρσστυυυυυυφχψωωωااااهي'), '[ً-ٰٟـ]', '', 'g'), '(^|\\s)(وال|بال|كال|فال|ال|لل)([^\\s]{2,})', '\\1\\3', 'g')) WHERE "search_document" IS NOT NULL`);
  }

  public async down(): Promise<void> {
    // The folded words only widen matching; documents with them stay valid for the previous code.
  }
}
