import fs from 'node:fs'
import path from 'node:path'
import { drainAuditChain } from '../audit/audit'
import { dumpEmbedded, openEmbedded, type Database } from '../db/database'
import { readManifest, type BackupManifest } from './manifest'

export class RestoreRefusedError extends Error {}

/**
 * A consistent copy of the embedded database while it serves requests. The embedded database has one
 * connection: holding it while the manifest is read and the directory is copied means no request or
 * job writes in between (they wait the few seconds this takes), so the copy is one instant — the
 * instant the manifest describes.
 */
export async function backupEmbedded(
  database: Database,
): Promise<{ manifest: BackupManifest; archive: Blob }> {
  // Link what has committed, so the copy's audit head is the chain's head (rows after it link on restore).
  await drainAuditChain(database.db)
  return database.db.connection().execute(async (connection) => {
    const manifest = await connection.transaction().execute((tx) => readManifest(tx, 'embedded'))
    const archive = await dumpEmbedded(database)
    return { manifest, archive }
  })
}

/** True when DATA_DIR holds an embedded database (a server has started on it once). */
export function hasEmbeddedDatabase(pgdata: string): boolean {
  return fs.existsSync(path.join(pgdata, 'PG_VERSION'))
}

/**
 * Loads a backup into DATA_DIR, under the directory's lock (so never under a running server). A
 * directory that already holds a database is refused unless forced; forced, the old database is
 * moved aside, never deleted. Returns the opened database for verification.
 */
export async function restoreEmbedded(
  dataDir: string,
  archive: Blob,
  options: { force: boolean },
): Promise<{ database: Database; movedAside: string | undefined }> {
  let movedAside: string | undefined
  const database = await openEmbedded(dataDir, {
    loadDataDir: archive,
    beforeOpen: (pgdata) => {
      if (!fs.existsSync(pgdata) || fs.readdirSync(pgdata).length === 0) return
      if (!options.force) {
        throw new RestoreRefusedError(
          `${pgdata} already holds a database. Restore into an empty DATA_DIR, or add --force to ` +
            `move the present database aside (to pgdata.before-restore-…) and restore over it.`,
        )
      }
      movedAside = `${pgdata}.before-restore-${new Date().toISOString().replace(/[:.]/g, '')}`
      fs.renameSync(pgdata, movedAside)
    },
  })
  return { database, movedAside }
}
