import { spawn } from 'node:child_process'
import { drainAuditChain } from '../audit/audit'
import { openPostgres } from '../db/database'
import {
  countUserRelations,
  createEmptyDatabase,
  databaseExists,
  dropUserSchemas,
  exportSnapshot,
  findUserSchemas,
} from './backup.queries'
import { RestoreRefusedError } from './embedded-backup'
import { readManifest, type BackupManifest } from './manifest'

export class BackupToolError extends Error {}

/**
 * pg_dump in custom format, reading the snapshot of a transaction that also reads the manifest: the
 * file and its manifest describe the same instant, while the application keeps writing.
 */
export async function backupPostgres(url: string, file: string): Promise<BackupManifest> {
  const database = await openPostgres(url, 1)
  try {
    // Link what has committed, so the copy's audit head is the chain's head (rows after it link on restore).
    await drainAuditChain(database.db)
    return await database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (tx) => {
        const snapshot = await exportSnapshot(tx)
        const manifest = await readManifest(tx, 'postgres')
        await runTool('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, '--file', file], url)
        return manifest
      })
  } finally {
    await database.close()
  }
}

/**
 * pg_restore into DATABASE_URL, in one transaction (all or nothing). The database is created when it
 * does not exist; one that holds anything is refused unless forced, and forced it is emptied first.
 * Owners and grants are not restored: the objects belong to the user who restores.
 */
export async function restorePostgres(url: string, file: string, options: { force: boolean }): Promise<void> {
  const database = await openPostgres(url, 1)
  try {
    const relations = await countUserRelations(database.db).catch(async (error: { code?: string }) => {
      // 3D000: no such database. Only then is the server's maintenance database needed, to create it.
      if (error.code !== '3D000') throw error
      await createDatabase(url)
      return 0
    })
    if (relations > 0) {
      if (!options.force) {
        throw new RestoreRefusedError(
          `The database ${new URL(url).pathname.slice(1)} is not empty. Restore into a new database ` +
            `(it is created if it does not exist), or add --force to drop everything in it first.`,
        )
      }
      await dropUserSchemas(database.db, await findUserSchemas(database.db))
    }
  } finally {
    await database.close()
  }
  await runTool(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', file],
    url,
  )
}

async function createDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1))
  if (!name) throw new RestoreRefusedError('DATABASE_URL names no database to restore into')
  const adminUrl = new URL(url)
  adminUrl.pathname = '/postgres'
  const admin = await openPostgres(adminUrl.toString(), 1)
  try {
    if (!(await databaseExists(admin.db, name))) await createEmptyDatabase(admin.db, name)
  } finally {
    await admin.close()
  }
}

/** Runs pg_dump or pg_restore on a database; the password goes by environment, never on a command line. */
function runTool(command: string, args: string[], url: string): Promise<void> {
  const connection = new URL(url)
  const password = decodeURIComponent(connection.password)
  connection.password = ''
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) }
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['--dbname', connection.toString(), ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env,
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new BackupToolError(
              `${command} is not installed: apt-get install postgresql-client (its major version must be ` +
                `at least the server's).`,
            )
          : error,
      )
    })
    child.on('close', (code) => {
      if (code === 0) resolve()
      else reject(new BackupToolError(`${command} failed (exit ${code}):\n${stderr.trim()}`))
    })
  })
}
