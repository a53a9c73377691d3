import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Counts (and logs at debug) every SQL statement when DATABASE_TRACE_QUERIES is on: a developer sees
 * what a request costs, and tests hold feeds to a fixed number of statements.
 */
export class QueryTrace implements TypeOrmLogger {
  private readonly logger = new Logger('SQL');
  count = 0;

  logQuery(query: string): void {
    this.count += 1;
    this.logger.debug(query.replace(/\s+/g, ' ').slice(0, 500));
  }
  logQueryError(error: string | Error, query: string): void {
    this.logger.debug(`failed: ${query.replace(/\s+/g, ' ').slice(0, 500)} (${error instanceof Error ? error.message : error})`);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
