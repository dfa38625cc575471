import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildApp } from '../../server/src/app'
import { createDeps } from '../../server/src/bootstrap'
import { loadConfig } from '../../server/src/kernel/config'
import { openEmbedded, openPostgres, type Database } from '../../server/src/kernel/db/database'
import { migrate } from '../../server/src/kernel/db/migrate'
import { createLogger } from '../../server/src/kernel/logger'
import { seedIfEmpty } from '../../server/src/seed/seed'

// Loopback TCP unless BENCH_DATABASE_URL says otherwise, e.g. the Unix socket:
// postgres://postgres@localhost/postgres?host=/var/run/postgresql (decision 0040 measured both).
const BASE_URL = () => process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** How the bench reaches PostgreSQL, for its notes: "Unix socket" or "TCP". */
export const benchDatabaseTransport = () =>
  new URL(BASE_URL()).searchParams.get('host')?.startsWith('/') ? 'Unix socket' : 'TCP'
const open = new Set<() => Promise<void>>()

/** Databases a killed bench left behind (their process is gone) are dropped before a new run. */
export async function dropAbandonedBenchDatabases(): Promise<void> {
  const admin = await openPostgres(BASE_URL(), 1)
  try {
    const { rows } = await admin.executeSql(
      `SELECT datname FROM pg_database WHERE datname LIKE 'yingshang_bench_%'`,
    )
    for (const { datname } of rows as { datname: string }[]) {
      const pid = Number(/^yingshang_bench_(\d+)/.exec(datname)?.[1])
      let alive = false
      try {
        process.kill(pid, 0)
        alive = true
      } catch {
        // no such process
      }
      if (!alive) await admin.executeSql(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`)
    }
  } finally {
    await admin.close()
  }
}

// Ctrl-C or a kill: close what is open (drops the bench databases, removes temp dirs), then go.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.allSettled([...open].map((close) => close())).then(() => process.exit(130))
  })
}

/**
 * A real app with the Dalian demo data (demo: false: the department tree and catalogue only), on a
 * fresh embedded directory or a fresh PostgreSQL database
 * (dropped again by close()). With `existingUrl`, the app opens a database another process made
 * and leaves it in place.
 */
export async function openBenchApp(
  kind: 'embedded' | 'postgres',
  options: {
    existingUrl?: string
    name?: string
    enterprises?: number
    demo?: boolean
    /** Work the job queues in this process (the notification worker and its urgent lane). */
    workers?: boolean
  } = {},
) {
  let database: Database
  let databaseUrl: string | null = null
  let cleanup = async () => {}
  let release = async () => {}
  if (options.existingUrl) {
    databaseUrl = options.existingUrl
    database = await openPostgres(databaseUrl, 10)
  } else if (kind === 'embedded') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingshang-bench-'))
    database = await openEmbedded(dir)
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true })
  } else {
    const base = BASE_URL()
    const name = `yingshang_bench_${process.pid}${options.name ? `_${options.name}` : ''}`
    const admin = await openPostgres(base, 1)
    await admin.executeSql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.executeSql(`CREATE DATABASE ${name}`)
    const url = new URL(base)
    url.pathname = `/${name}`
    databaseUrl = url.toString()
    database = await openPostgres(databaseUrl, 10)
    cleanup = async () => {
      await admin.executeSql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.close()
    }
    release = () => admin.close()
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JOBS: options.workers ? 'true' : 'false',
    DEMO_PASSWORD: 'Bench-Passw0rd!',
  })
  const deps = createDeps(config, database, createLogger('silent'))
  let started = false
  const close = async () => {
    open.delete(close)
    if (started) await deps.jobs.stop().catch(() => undefined)
    await database.close()
    await cleanup()
  }
  open.add(close)
  try {
    await migrate(database)
    await deps.jobs.start({ workers: options.workers ?? false })
    started = true
    await seedIfEmpty(deps, {
      demo: options.demo ?? true,
      enterpriseCount: options.enterprises ?? 2000,
      password: 'Bench-Passw0rd!',
    })
  } catch (error) {
    await close()
    throw error
  }
  /** Closes the connections but leaves the database in place (for looking at it afterwards). */
  const detach = async () => {
    cleanup = release
    await close()
  }
  return { app: buildApp(deps), deps, databaseUrl, close, detach }
}
