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

/** A real app with the Dalian demo data, on a fresh embedded directory or a fresh PostgreSQL database. */
export async function openBenchApp(kind: 'embedded' | 'postgres') {
  let database: Database
  let cleanup = async () => {}
  if (kind === 'embedded') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingshang-bench-'))
    database = await openEmbedded(dir)
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true })
  } else {
    const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
    const name = `yingshang_bench_${process.pid}`
    const admin = await openPostgres(base, 1)
    await admin.executeSql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.executeSql(`CREATE DATABASE ${name}`)
    const url = new URL(base)
    url.pathname = `/${name}`
    database = await openPostgres(url.toString(), 10)
    cleanup = async () => {
      await admin.executeSql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.close()
    }
  }
  await migrate(database)
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JOBS: 'false',
    DEMO_PASSWORD: 'Bench-Passw0rd!',
  })
  const deps = createDeps(config, database, createLogger('silent'))
  await deps.jobs.start({ workers: false })
  await seedIfEmpty(deps, { demo: true, enterpriseCount: 2000, password: 'Bench-Passw0rd!' })
  const app = buildApp(deps)
  return {
    app,
    deps,
    close: async () => {
      await deps.jobs.stop()
      await database.close()
      await cleanup()
    },
  }
}
