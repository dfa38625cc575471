/**
 * npm run backup [-- --out <directory | file.tar.gz | file.dump>]
 *
 * PostgreSQL (DATABASE_URL set): pg_dump in custom format, in one snapshot, while the nodes run.
 * Embedded: a copy of DATA_DIR's database at one instant. While a server runs on the directory it
 * alone may open it, so the server makes the copy (asked over DATA_DIR/control/server.sock); when
 * none runs, this command opens the directory itself. Either way a manifest is written beside the
 * copy (<copy>.manifest.json) for npm run restore to verify against. Exits 1 on failure.
 * See docs/decisions/0025-data-dir-lock-and-backups.md.
 */
import fs from 'node:fs'
import path from 'node:path'
import { chooseBackupPath, writeManifestFile, writeWholeFile } from '../src/kernel/backup/backup-files'
import { requestBackupFromServer } from '../src/kernel/backup/control-socket'
import { backupEmbedded, hasEmbeddedDatabase } from '../src/kernel/backup/embedded-backup'
import type { BackupManifest } from '../src/kernel/backup/manifest'
import { backupPostgres } from '../src/kernel/backup/postgres-backup'
import { loadConfig } from '../src/kernel/config'
import { isLockOwnerRunning, readDataDirLock } from '../src/kernel/db/data-dir-lock'
import { embeddedDataPath, openEmbedded } from '../src/kernel/db/database'

const args = process.argv.slice(2)
const outIndex = args.indexOf('--out')
const out = outIndex >= 0 ? args[outIndex + 1] : undefined

async function main(): Promise<void> {
  const config = loadConfig()
  if (config.databaseUrl) {
    const file = chooseBackupPath(out, 'postgres')
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const partial = `${file}.partial`
    const manifest = await backupPostgres(config.databaseUrl, partial)
    fs.renameSync(partial, file)
    writeManifestFile(file, manifest)
    report(file, manifest, 'PostgreSQL, pg_dump in one snapshot')
    return
  }
  const file = chooseBackupPath(out, 'embedded')
  const holder = readDataDirLock(config.dataDir)
  if (holder && isLockOwnerRunning(holder, config.dataDir)) {
    const { manifest, archive } = await requestBackupFromServer(config.dataDir).catch((error: Error) => {
      throw new Error(
        `The server (process ${holder.pid}) holds ${config.dataDir} but did not make the copy: ${error.message}`,
      )
    })
    writeWholeFile(file, archive)
    writeManifestFile(file, manifest)
    report(file, manifest, `embedded, copied by the running server (process ${holder.pid})`)
    return
  }
  if (!hasEmbeddedDatabase(embeddedDataPath(config.dataDir))) {
    throw new Error(`${config.dataDir} holds no database yet: nothing to back up`)
  }
  const database = await openEmbedded(config.dataDir)
  try {
    const { manifest, archive } = await backupEmbedded(database)
    writeWholeFile(file, Buffer.from(await archive.arrayBuffer()))
    writeManifestFile(file, manifest)
    report(file, manifest, 'embedded, no server running')
  } finally {
    await database.close()
  }
}

function report(file: string, manifest: BackupManifest, how: string): void {
  const head = manifest.auditHead
    ? `audit head ${manifest.auditHead.seq}:${manifest.auditHead.hash}`
    : 'no audit rows'
  const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0)
  const mb = (fs.statSync(file).size / 1024 / 1024).toFixed(1)
  console.log(`backup written (${how}): ${file} (${mb} MB)`)
  console.log(`  ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${head}`)
  console.log(`  manifest: ${file}.manifest.json — restore with: npm run restore -- ${file}`)
}

main().catch((error: unknown) => {
  console.error(`\n  Backup failed: ${(error as Error).message}\n`)
  process.exit(1)
})
