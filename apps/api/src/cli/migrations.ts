/**
 * Migration commands, run from the build (`npm run migration:*`):
 *   generate <Name>  write the migration that brings the schema up to the entities
 *   check            fail when the entities and the migrations disagree (CI)
 *   run | revert     apply / undo against DATABASE_URL (the app also applies them at start)
 * generate and check work on a throw-away embedded database, so they need no server.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { EmbeddedPostgres, dataSourceOptions } from '@app/database';
import { ENTITIES } from '@api/database.entities.js';

const MIGRATIONS_DIR = resolve(process.cwd(), 'libs/database/src/migrations');

async function withDataSource<T>(url: string | undefined, work: (source: DataSource) => Promise<T>): Promise<T> {
  const embedded = url ? undefined : await EmbeddedPostgres.start('memory://');
  const source = new DataSource(dataSourceOptions({ url: url ?? embedded!.url, poolSize: 2, entities: ENTITIES, applicationName: 'innomed-hub-migrations' }));
  await source.initialize();
  try {
    return await work(source);
  } finally {
    await source.destroy();
    await embedded?.stop();
  }
}

async function pendingSchemaChanges(source: DataSource) {
  await source.runMigrations({ transaction: 'each' });
  return source.driver.createSchemaBuilder().log();
}

function quote(sql: string): string {
  return '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

async function generate(name: string) {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Name the migration in PascalCase, e.g. AddChallenges');
  const sql = await withDataSource(undefined, pendingSchemaChanges);
  if (sql.upQueries.length === 0) {
    console.log('The migrations already match the entities; nothing to generate.');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const up = sql.upQueries.map((q) => `    await queryRunner.query(${quote(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`);
  const down = sql.downQueries.reverse().map((q) => `    await queryRunner.query(${quote(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`);
  const file = `${timestamp}-${name}`;
  writeFileSync(
    resolve(MIGRATIONS_DIR, `${file}.ts`),
    `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up.join('\n')}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${down.join('\n')}\n  }\n}\n`,
  );
  const indexFile = resolve(MIGRATIONS_DIR, 'index.ts');
  const index = readFileSync(indexFile, 'utf8')
    .replace(/(\/\/ migrations: imports\n)/, `$1import { ${className} } from './${file}.js';\n`)
    .replace(/(\/\/ migrations: list\n)/, `$1  ${className},\n`);
  writeFileSync(indexFile, index);
  console.log(`Wrote libs/database/src/migrations/${file}.ts (${sql.upQueries.length} statements). Read it before committing.`);
}

async function check() {
  const sql = await withDataSource(undefined, pendingSchemaChanges);
  if (sql.upQueries.length > 0) {
    console.error('The entities and the migrations disagree. Run `npm run migration:generate -- <Name>`. Missing statements:');
    for (const q of sql.upQueries) console.error(`  ${q.query}`);
    process.exit(1);
  }
  console.log('Migrations match the entities.');
}

async function main() {
  const [command, name] = process.argv.slice(2);
  const url = loadConfig().database.url;
  switch (command) {
    case 'generate':
      return generate(name ?? '');
    case 'check':
      return check();
    case 'run':
      return withDataSource(url, async (source) => {
        const applied = await source.runMigrations({ transaction: 'each' });
        console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'No pending migrations.');
      });
    case 'revert':
      return withDataSource(url, (source) => source.undoLastMigration({ transaction: 'each' }));
    default:
      throw new Error('usage: migrations generate <Name> | check | run | revert');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
