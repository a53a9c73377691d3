import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DatabaseService } from './database.service.js';

/**
 * Global: repositories inject `DataSource` (connected, migrated) or `DatabaseService` for
 * transactions. The factory waits for the connection, so nothing starts on an unmigrated schema.
 */
@Global()
@Module({
  providers: [
    DatabaseService,
    { provide: DataSource, inject: [DatabaseService], useFactory: (db: DatabaseService) => db.connect() },
  ],
  exports: [DatabaseService, DataSource],
})
export class DatabaseModule {}
