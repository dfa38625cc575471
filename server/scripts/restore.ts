/**
 * npm run restore -- <backup file> [--force]
 *
 * Restores a backup made by npm run backup into the database this configuration names: DATABASE_URL
 * for a pg_dump file (created when missing), DATA_DIR for an embedded copy (with no server running on
 * it). A database that is not empty is refused unless --force (embedded: the old one is moved aside).
 * Then it verifies: the audit chain from its first row, and the restored data against the backup's
 * manifest (audit head, row counts, sampled rows). Exits 0 only when everything matches, 2 when it
 * refused to start (a server holds DATA_DIR, the target is not empty), 1 otherwise.
 */
import fs from 'node:fs'
import { modeOfBackup, readManifestFile } from '../src/kernel/backup/backup-files'
import { RestoreRefusedError, restoreEmbedded } from '../src/kernel/backup/embedded-backup'
import { restorePostgres } from '../src/kernel/backup/postgres-backup'
import { verifyRestoredDatabase } from '../src/kernel/backup/verify-restore'
import { readSigningKey } from '../src/kernel/audit/signing-key'
import { loadConfig } from '../src/kernel/config'
import { DataDirLockedError } from '../src/kernel/db/data-dir-lock'
import { openPostgres, type Database } from '../src/kernel/db/database'

const args = process.argv.slice(2)
const force = args.includes('--force')
const file = args.find((a) => !a.startsWith('--'))

async function main(): Promise<number> {
  if (!file || !fs.existsSync(file)) {
    throw new RestoreRefusedError(
      `usage: npm run restore -- <backup file> [--force]${file ? ` (${file} not found)` : ''}`,
    )
  }
  const config = loadConfig()
  const manifest = readManifestFile(file)
  const mode = modeOfBackup(file, manifest)
  let database: Database
  if (mode === 'postgres') {
    if (!config.databaseUrl) {
      throw new RestoreRefusedError(
        'This is a PostgreSQL backup: set DATABASE_URL to the database to restore into.',
      )
    }
    await restorePostgres(config.databaseUrl, file, { force })
    database = await openPostgres(config.databaseUrl, 2)
    console.log(`restored ${file} into ${redact(config.databaseUrl)}`)
  } else {
    if (config.databaseUrl) {
      throw new RestoreRefusedError(
        'This is an embedded backup: it restores into DATA_DIR; unset DATABASE_URL.',
      )
    }
    const archive = new Blob([fs.readFileSync(file)], { type: 'application/x-gzip' })
    const restored = await restoreEmbedded(config.dataDir, archive, { force })
    database = restored.database
    console.log(`restored ${file} into ${config.dataDir}`)
    if (restored.movedAside) console.log(`  the database that was there is kept in ${restored.movedAside}`)
  }
  try {
    // Checked against the checkpoints the backup holds (the export file may name later ones: an older
    // backup is truncated by design), with the instance key when it is at hand.
    const key = readSigningKey(config.auditSigningKeyFile)
    const verdict = await verifyRestoredDatabase(database, manifest, { publicKey: key?.publicKey ?? null })
    for (const line of verdict.lines) console.log(line)
    return verdict.ok ? 0 : 1
  } finally {
    await database.close()
  }
}

function redact(url: string): string {
  const u = new URL(url)
  if (u.password) u.password = '***'
  return u.toString()
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\n  Restore failed: ${(error as Error).message}\n`)
    // 2: refused before anything changed; 1: failed or did not verify.
    process.exit(error instanceof RestoreRefusedError || error instanceof DataDirLockedError ? 2 : 1)
  },
)
