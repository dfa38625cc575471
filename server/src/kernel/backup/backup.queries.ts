import { sql } from 'kysely'
import type { Executor } from '../db/database'

/** Every ordinary table of the application's schema with its primary-key columns in key order. */
export async function findApplicationTables(db: Executor): Promise<{ name: string; key: string[] }[]> {
  const { rows } = await sql<{ name: string; key: string[] }>`
    SELECT c.relname AS name,
           coalesce(array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum))
                    FILTER (WHERE a.attname IS NOT NULL), '{}') AS key
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
      LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey::int2[])
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
     GROUP BY c.relname
     ORDER BY c.relname`.execute(db)
  return rows
}

export async function countTableRows(db: Executor, table: string): Promise<number> {
  const { rows } = await sql<{
    n: number
  }>`SELECT count(*)::int AS n FROM ${sql.id('public', table)}`.execute(db)
  return rows[0]?.n ?? 0
}

/**
 * The first or last rows of a table by its primary key, each with a hash of its whole content. Row
 * text follows the session's time zone, so callers pin it (pinSessionTimeZone) inside a transaction.
 */
export async function sampleTableRows(
  db: Executor,
  table: string,
  key: string[],
  end: 'first' | 'last',
  limit: number,
): Promise<{ key: string; hash: string }[]> {
  const columns = key.map((column) => sql.ref(`t.${column}`))
  const keyText =
    key.length === 1 ? sql`${columns[0]}::text` : sql`json_build_array(${sql.join(columns)})::text`
  const direction = end === 'first' ? sql`ASC` : sql`DESC`
  const order = sql.join(columns.map((c) => sql`${c} ${direction}`))
  const { rows } = await sql<{ key: string; hash: string }>`
    SELECT ${keyText} AS key, md5(to_jsonb(t)::text) AS hash
      FROM ${sql.id('public', table)} AS t
     ORDER BY ${order}
     LIMIT ${limit}`.execute(db)
  return rows
}

export async function pinSessionTimeZone(tx: Executor): Promise<void> {
  await sql`SET LOCAL TimeZone = 'UTC'`.execute(tx)
}

export async function findSchemaVersion(db: Executor): Promise<number | null> {
  const { rows } = await sql<{ version: number | null }>`
    SELECT max(version)::int AS version FROM schema_migrations`.execute(db)
  return rows[0]?.version ?? null
}

/** PostgreSQL: names this transaction's snapshot so pg_dump reads exactly what the manifest read. */
export async function exportSnapshot(tx: Executor): Promise<string> {
  const { rows } = await sql<{ id: string }>`SELECT pg_export_snapshot() AS id`.execute(tx)
  return rows[0]!.id
}

/** Relations outside PostgreSQL's own schemas: a database with any is not empty. */
export async function countUserRelations(db: Executor): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
       AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`.execute(db)
  return rows[0]?.n ?? 0
}

export async function findUserSchemas(db: Executor): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT nspname AS name FROM pg_namespace
     WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'`.execute(db)
  return rows.map((r) => r.name)
}

/** --force: empties the database before the restore (every application schema, then a bare public). */
export async function dropUserSchemas(db: Executor, schemas: string[]): Promise<void> {
  for (const schema of schemas) await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(db)
  await sql`CREATE SCHEMA IF NOT EXISTS public`.execute(db)
}

export async function databaseExists(admin: Executor, name: string): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM pg_database WHERE datname = ${name}`.execute(admin)
  return rows.length > 0
}

export async function createEmptyDatabase(admin: Executor, name: string): Promise<void> {
  await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin)
}
