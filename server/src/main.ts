import fs from 'node:fs'
import path from 'node:path'
import { serve } from '@hono/node-server'
import { buildApp } from './app'
import { createDeps } from './bootstrap'
import { AuditChainer } from './kernel/audit/audit'
import { loadOrCreateSigningKey } from './kernel/audit/signing-key'
import { startControlSocket } from './kernel/backup/control-socket'
import { ConfigError, loadConfig } from './kernel/config'
import { DataDirLockedError } from './kernel/db/data-dir-lock'
import { openEmbedded, openPostgres, type Database } from './kernel/db/database'
import { migrate, MigrationError } from './kernel/db/migrate'
import { createLogger } from './kernel/logger'
import { seedIfEmpty, type SeedResult } from './seed/seed'

async function main(): Promise<void> {
  const config = loadConfig()
  const logger = createLogger(config.logLevel, config.logFormat)
  const started = Date.now()
  const database: Database = config.databaseUrl
    ? await openPostgres(config.databaseUrl, config.databasePoolSize)
    : await openEmbedded(config.dataDir)
  const { applied } = await migrate(database)
  if (applied.length) logger.info({ applied }, 'migrations applied')
  // Dashboards read a replica when one is given (it gets its schema from the primary by replication).
  const readDatabase = config.databaseReadUrl
    ? await openPostgres(config.databaseReadUrl, config.databasePoolSize)
    : undefined

  const deps = createDeps(config, database, logger, readDatabase)
  // The instance key that signs audit checkpoints: made on first start (0600) so a bad path fails now.
  const signingKey = loadOrCreateSigningKey(config.auditSigningKeyFile)
  logger.info({ keyId: signingKey.keyId, file: config.auditSigningKeyFile }, 'audit signing key')
  // Jobs first: seeding queues work (the first matching run) in the same transactions as its data.
  await deps.jobs.start({ workers: config.jobs })
  // Links audit rows into the hash chain shortly after they commit (one node at a time does it).
  const chainer = new AuditChainer(database.db, logger)
  if (config.jobs) chainer.start()
  // The department tree is seeded on first start in every mode; demo people and enterprises only when asked.
  const seed = await seedIfEmpty(deps, {
    demo: config.seedDemoData,
    enterpriseCount: config.demoEnterpriseCount,
    password: config.demoPassword,
  })

  const app = buildApp(deps)
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  // npm run backup reaches the embedded database through this server, which alone may open it.
  const control =
    database.kind === 'embedded' ? await startControlSocket(database, config.dataDir, logger) : undefined
  const url = config.publicUrl ?? `http://localhost:${config.port}`
  printBanner({ url, database, seed, config, seconds: (Date.now() - started) / 1000 })

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'stopping')
    server.close()
    await control?.close().catch(() => undefined)
    await chainer.stop().catch(() => undefined)
    await deps.jobs.stop().catch(() => undefined)
    await readDatabase?.close()
    await database.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

function printBanner(input: {
  url: string
  database: Database
  seed: SeedResult | undefined
  config: ReturnType<typeof loadConfig>
  seconds: number
}) {
  const { url, database, seed, config } = input
  const lines = [
    '',
    `  营商通 Yingshang is running at ${url}  (started in ${input.seconds.toFixed(1)} s)`,
    `    enterprise app   ${url}/`,
    `    staff console    ${url}/staff`,
    `    API docs         ${url}/api/docs`,
    `    database         ${database.kind === 'embedded' ? `embedded, in ${path.join(config.dataDir, 'pgdata')}` : `PostgreSQL${config.databaseReadUrl ? ' (dashboards read the replica in DATABASE_READ_URL)' : ''}`}`,
  ]
  if (config.devInbox) lines.push(`    dev inbox        ${url}/dev/inbox  (sign-in codes; development only)`)
  const accountsFile = path.join(config.dataDir, 'demo-accounts.txt')
  if (seed?.seeded && seed.accounts.length) {
    const table = [
      `Demo accounts (${config.demoAccounts ? 'enabled' : 'DISABLED: set DEMO_ACCOUNTS=true to use them'})`,
      ...seed.accounts.map((a) =>
        a.password
          ? `  staff console   ${a.login.padEnd(12)} ${a.password}   ${a.role}`
          : `  enterprise app  ${a.login.padEnd(12)} sign in with a code from the dev inbox`,
      ),
    ].join('\n')
    lines.push('', ...table.split('\n').map((l) => `  ${l}`))
    lines.push(`  seeded ${seed.departments} departments and ${seed.enterprises} demo enterprises`)
    if (database.kind === 'embedded') {
      fs.mkdirSync(config.dataDir, { recursive: true })
      fs.writeFileSync(accountsFile, `${table}\n`, { mode: 0o600 })
      lines.push(`  (also written to ${accountsFile})`)
    }
  } else if (fs.existsSync(accountsFile)) {
    lines.push('', `  Demo accounts: see ${accountsFile}`)
  }
  console.log(lines.join('\n') + '\n')
}

main().catch((error: unknown) => {
  if (
    error instanceof DataDirLockedError ||
    error instanceof MigrationError ||
    error instanceof ConfigError
  ) {
    console.error(`\n  Cannot start: ${error.message}\n`)
  } else {
    console.error(error)
  }
  process.exit(1)
})
