import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { createDeps } from '../src/bootstrap'
import { loadConfig } from '../src/kernel/config'
import { dumpEmbedded, openInMemory, openPostgres, type Database } from '../src/kernel/db/database'
import { migrate } from '../src/kernel/db/migrate'
import { createLogger } from '../src/kernel/logger'
import { seedIfEmpty } from '../src/seed/seed'
import {
  dropDatabase,
  dropTestDatabases,
  postgresBaseUrl,
  recreateDatabase,
  templateName,
  withDatabase,
} from './test-database'

/**
 * Builds the template every test file starts from: migrated, pg-boss installed, the city's
 * department tree seeded (no demo people — tests make their own with the factories).
 * Embedded: a PGlite dump on disk. PostgreSQL: a template database.
 */
async function prepare(database: Database): Promise<void> {
  await migrate(database)
  const deps = createDeps(
    loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS: 'false' }),
    database,
    createLogger('silent'),
  )
  await deps.jobs.start({ workers: false })
  await seedIfEmpty(deps, { demo: false, enterpriseCount: 0 })
  await deps.jobs.stop()
}

export default async function setup(project: TestProject) {
  const baseUrl = postgresBaseUrl()
  if (baseUrl) {
    const template = templateName(baseUrl)
    await recreateDatabase(baseUrl, template)
    const database = await openPostgres(withDatabase(baseUrl, template), 2)
    await prepare(database)
    await database.close()
    project.provide('templateDump', '')
    return async () => {
      await dropTestDatabases(baseUrl)
      await dropDatabase(baseUrl, template)
    }
  }
  const database = await openInMemory()
  await prepare(database)
  const dump = await dumpEmbedded(database)
  await database.close()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingshang-test-'))
  const file = path.join(dir, 'template.tar.gz')
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  project.provide('templateDump', file)
  return () => fs.rmSync(dir, { recursive: true, force: true })
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDump: string
  }
}
