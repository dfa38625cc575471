import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Database } from './database'

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
)

export type Migration = { version: number; name: string; sql: string; checksum: string }

export class MigrationError extends Error {}

/** Reads NNNN_<module>_<what>.sql files in order; versions must be unique and contiguous. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
  const migrations = files.map((file) => {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file)
    if (!match) throw new MigrationError(`Migration file name ${file} is not NNNN_<module>_<what>.sql`)
    const sql = fs.readFileSync(path.join(dir, file), 'utf8')
    return {
      version: Number(match[1]),
      name: match[2]!,
      sql,
      checksum: crypto.createHash('sha256').update(sql).digest('hex'),
    }
  })
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new MigrationError(`Migration ${m.version}_${m.name} is out of sequence`)
  })
  return migrations
}

// Any constant works as long as every node uses the same one.
const MIGRATION_LOCK_KEY = 727_500_001

/**
 * Applies pending migrations, each in its own transaction, under an advisory lock so several nodes
 * can start together. Refuses a database that is newer than the code or whose applied migrations
 * were edited afterwards.
 */
export async function migrate(
  database: Database,
  migrations = readMigrations(),
): Promise<{ applied: string[] }> {
  const client = await database.pool.connect()
  const applied: string[] = []
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version    int         PRIMARY KEY,
        name       text        NOT NULL,
        checksum   text        NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`)
    const { rows } = await client.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    )
    const known = new Map(migrations.map((m) => [m.version, m]))
    const newest = migrations.at(-1)?.version ?? 0
    for (const row of rows) {
      const mine = known.get(row.version)
      if (!mine) {
        throw new MigrationError(
          `The database is newer than this code: it has migration ${pad(row.version)}_${row.name}, ` +
            `this code knows up to ${pad(newest)}. Run a newer release, or restore a backup made for this one.`,
        )
      }
      if (mine.checksum !== row.checksum) {
        throw new MigrationError(
          `Migration ${pad(row.version)}_${row.name} was changed after it was applied. ` +
            `Migrations are forward-only: add a new one instead of editing an applied one.`,
        )
      }
    }
    const done = new Set(rows.map((r) => r.version))
    for (const m of migrations) {
      if (done.has(m.version)) continue
      try {
        await client.query('BEGIN')
        await client.query(m.sql)
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          m.checksum,
        ])
        await client.query('COMMIT')
        applied.push(`${pad(m.version)}_${m.name}`)
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw new MigrationError(`Migration ${pad(m.version)}_${m.name} failed: ${(error as Error).message}`)
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined)
    client.release()
  }
  return { applied }
}

function pad(n: number): string {
  return String(n).padStart(4, '0')
}
