import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * `"col_a" AS "propA", …` for every column of an entity, built from its metadata once. Hot reads use
 * it with plain SQL: TypeORM's find API costs more per call than the query itself (measured: a third
 * of an authenticated `me`), while the column list still follows the entity.
 *
 * With an alias, columns are read from that alias and named `alias.prop`, so one row can carry several
 * entities; `pick(row, alias)` takes one back out.
 */
export function selectList<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, alias?: string, exclude: (keyof T & string)[] = []): string {
  return dataSource
    .getMetadata(entity)
    .columns.filter((column) => column.isSelect && !exclude.includes(column.propertyName as keyof T & string))
    .map((column) => (alias ? `${alias}."${column.databaseName}" AS "${alias}.${column.propertyName}"` : `"${column.databaseName}" AS "${column.propertyName}"`))
    .join(', ');
}

/** The properties of one aliased entity in a raw row; null when a LEFT JOIN found nothing. */
export function pick<T>(row: Record<string, unknown>, alias: string): T | null {
  const prefix = `${alias}.`;
  const out: Record<string, unknown> = {};
  let found = false;
  for (const [key, value] of Object.entries(row)) {
    if (!key.startsWith(prefix)) continue;
    out[key.slice(prefix.length)] = value;
    if (value !== null) found = true;
  }
  return found ? (out as T) : null;
}
