import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * pg_trgm for the typo fallback of challenge and chat search (`typoSimilaritySql` in
 * platform/database/text-search.ts). A PostgreSQL server needs its contrib package (part of the
 * official images and packages); the embedded PGlite loads it as a contrib extension. No trigram
 * index: the similarity is taken on folded text computed per row, which an index on the stored columns
 * would not serve; the visibility and channel filters bound the rows it is computed for.
 */
export class TrigramSearch1796185561313 implements MigrationInterface {
  name = 'TrigramSearch1796185561313';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP EXTENSION IF EXISTS pg_trgm');
  }
}
