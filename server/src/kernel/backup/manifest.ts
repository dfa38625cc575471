import { findAuditHead } from '../audit/audit.queries'
import type { Executor } from '../db/database'
import {
  countTableRows,
  findApplicationTables,
  findSchemaVersion,
  pinSessionTimeZone,
  sampleTableRows,
} from './backup.queries'

/**
 * What a backup holds, read in the same snapshot as the copy itself: the audit chain's head, every
 * table's row count, and a sample of rows (the first and last by primary key — the oldest and newest
 * cases) with a hash of each. A restore reads the same from the restored database and compares, so
 * "restored" means "the same data", not "a command exited 0".
 */
export type BackupManifest = {
  format: typeof MANIFEST_FORMAT
  mode: 'embedded' | 'postgres'
  createdAt: string
  schemaVersion: number | null
  auditHead: { seq: number; hash: string } | null
  tables: Record<string, { rows: number; sample: Record<string, string> }>
}

export const MANIFEST_FORMAT = 'yingshang-backup/1'
const SAMPLE_EACH_END = 5

/** Call inside a transaction (it pins the session's time zone for the row hashes). */
export async function readManifest(tx: Executor, mode: BackupManifest['mode']): Promise<BackupManifest> {
  await pinSessionTimeZone(tx)
  const tables: BackupManifest['tables'] = {}
  for (const table of await findApplicationTables(tx)) {
    const sample: Record<string, string> = {}
    if (table.key.length) {
      for (const end of ['first', 'last'] as const) {
        for (const row of await sampleTableRows(tx, table.name, table.key, end, SAMPLE_EACH_END)) {
          sample[row.key] = row.hash
        }
      }
    }
    tables[table.name] = { rows: await countTableRows(tx, table.name), sample }
  }
  const head = await findAuditHead(tx)
  return {
    format: MANIFEST_FORMAT,
    mode,
    createdAt: new Date().toISOString(),
    schemaVersion: await findSchemaVersion(tx),
    auditHead: head ? { seq: head.seq, hash: head.hash } : null,
    tables,
  }
}

/** Every way the restored database differs from what the backup held; empty when they agree. */
export function compareManifests(expected: BackupManifest, actual: BackupManifest): string[] {
  const differences: string[] = []
  if (expected.schemaVersion !== actual.schemaVersion) {
    differences.push(`schema version ${actual.schemaVersion}, the backup has ${expected.schemaVersion}`)
  }
  const head = (h: BackupManifest['auditHead']) => (h ? `${h.seq}:${h.hash}` : 'none')
  if (head(expected.auditHead) !== head(actual.auditHead)) {
    differences.push(`audit head ${head(actual.auditHead)}, the backup has ${head(expected.auditHead)}`)
  }
  for (const [name, table] of Object.entries(expected.tables)) {
    const restored = actual.tables[name]
    if (!restored) {
      differences.push(`table ${name} is missing`)
      continue
    }
    if (restored.rows !== table.rows) {
      differences.push(`table ${name} has ${restored.rows} rows, the backup has ${table.rows}`)
    }
    for (const [key, hash] of Object.entries(table.sample)) {
      if (restored.sample[key] !== hash) differences.push(`table ${name}: row ${key} differs or is missing`)
    }
  }
  for (const name of Object.keys(actual.tables)) {
    if (!expected.tables[name]) differences.push(`table ${name} is not in the backup`)
  }
  return differences
}

export function countSampledRows(manifest: BackupManifest): number {
  return Object.values(manifest.tables).reduce((n, t) => n + Object.keys(t.sample).length, 0)
}
