import path from 'node:path'
import fs from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { CompiledQuery, Kysely, PostgresDialect, type Transaction } from 'kysely'
import pg from 'pg'
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock'
import { CHANGE_FEED_CONNECTION_NAME } from './change-feed'
import { LocalWrites, reportCommittedWrites } from './local-writes'
import { prepareMarkedStatements } from './prepared'
import type { DB } from './schema'

// bigint counts fit in a double; dates stay 'YYYY-MM-DD' strings so no time zone can shift them.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v))
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v)

export type Db = Kysely<DB>
export type Tx = Transaction<DB>
/** Either the database or an open transaction: query functions take this. */
export type Executor = Db | Tx

export type Database = {
  db: Db
  pool: pg.Pool
  kind: 'embedded' | 'postgres'
  /** For libraries that want plain SQL (pg-boss). */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>
  /** The writes this process has committed through the pool (the change feed's sync, decision 0068). */
  localWrites: LocalWrites
  /** PostgreSQL only: a new connection outside the pool, for listening to the change feed. */
  listenerClient?: () => pg.Client
  /** Runs before the pool ends when the database closes (the change feed's connection). */
  onClose(task: () => Promise<void>): void
  close(): Promise<void>
}

const pgliteExtensions = { pg_trgm }

export async function openPostgres(url: string, poolSize: number): Promise<Database> {
  // JIT compilation costs more than it saves on this application's short queries (measured: +0.6 s
  // on the monthly figures at a million appeals), so it is off for our connections.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: 'yingshang',
    options: '-c jit=off',
  })
  const localWrites = new LocalWrites()
  pool.on('connect', (client) => {
    // The hot paths' statements are parsed and planned once per connection (decision 0040).
    prepareMarkedStatements(client)
    reportCommittedWrites(client, localWrites)
  })
  const database = wrap(pool, 'postgres', async () => undefined, localWrites)
  database.listenerClient = () =>
    new pg.Client({ connectionString: url, application_name: CHANGE_FEED_CONNECTION_NAME })
  return database
}

export type OpenEmbeddedOptions = {
  /** A copy made by dumpEmbedded() to load into an empty directory (a restore). */
  loadDataDir?: Blob
  /** Runs once the lock is held, before the database opens (a restore checks the directory here). */
  beforeOpen?: (pgdata: string) => void
}

/** The embedded database in DATA_DIR/pgdata, guarded by a lockfile. */
export async function openEmbedded(dataDir: string, options: OpenEmbeddedOptions = {}): Promise<Database> {
  const lock: DataDirLock = acquireDataDirLock(dataDir)
  try {
    const pgdata = embeddedDataPath(dataDir)
    options.beforeOpen?.(pgdata)
    fs.mkdirSync(pgdata, { recursive: true })
    const lite = await PGlite.create(pgdata, {
      extensions: pgliteExtensions,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    })
    return embedded(lite, async () => {
      await lite.close()
      lock.release()
    })
  } catch (error) {
    lock.release()
    throw error
  }
}

export function embeddedDataPath(dataDir: string): string {
  return path.join(dataDir, 'pgdata')
}

/** An in-memory embedded database, optionally loaded from a dump made by dumpEmbedded() (tests). */
export async function openInMemory(template?: Blob): Promise<Database> {
  const lite = await PGlite.create({
    extensions: pgliteExtensions,
    ...(template ? { loadDataDir: template } : {}),
  })
  return embedded(lite, async () => lite.close())
}

export async function dumpEmbedded(database: Database): Promise<Blob> {
  const lite = liteOf.get(database)
  if (!lite) throw new Error('not an embedded database')
  return lite.dumpDataDir('gzip')
}

const liteOf = new WeakMap<Database, PGlite>()

function embedded(lite: PGlite, closeLite: () => Promise<void>): Database {
  // PGlite is one connection: the pool must be size 1 (createPgConfig says so).
  const pool = new pg.Pool(createPgConfig(lite) as pg.PoolConfig)
  const database = wrap(pool, 'embedded', closeLite)
  liteOf.set(database, lite)
  return database
}

/** closeAfterPool releases what lives beside the pool (PGlite, the lockfile); db.destroy() ends the pool. */
function wrap(
  pool: pg.Pool,
  kind: Database['kind'],
  closeAfterPool: () => Promise<void>,
  localWrites = new LocalWrites(),
): Database {
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  })
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  let closed = false
  const beforeClose: (() => Promise<void>)[] = []
  return {
    db,
    pool,
    kind,
    executeSql: async (text, values = []) => {
      const result = await pool.query(text, values as unknown[])
      return { rows: result.rows }
    },
    localWrites,
    onClose: (task) => beforeClose.push(task),
    close: async () => {
      if (closed) return
      closed = true
      for (const task of beforeClose) await task().catch(() => undefined)
      await db.destroy().catch(() => undefined)
      await closeAfterPool()
    },
  }
}

/** Runs plain SQL with parameters on a Kysely executor (inside a transaction when given one). */
export async function executeRaw<R = Record<string, unknown>>(
  executor: Executor,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const result = await executor.executeQuery<R>(CompiledQuery.raw(text, values))
  return result.rows
}
