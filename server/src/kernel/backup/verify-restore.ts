import { verifyAuditChain, type VerifyOptions } from '../audit/audit'
import type { Database } from '../db/database'
import { compareManifests, countSampledRows, readManifest, type BackupManifest } from './manifest'

export type RestoreVerdict = { ok: boolean; lines: string[] }

/**
 * After a restore: the audit chain is re-verified from its first row, and the restored database is
 * read the way the backup was (head, counts, sampled rows) and compared with the backup's manifest.
 */
export async function verifyRestoredDatabase(
  database: Database,
  expected: BackupManifest | undefined,
  options: VerifyOptions = {},
): Promise<RestoreVerdict> {
  const lines: string[] = []
  let ok = true
  // Read as restored, before the verifier links rows that committed after the backup's audit head.
  const actual = await database.db.transaction().execute((tx) => readManifest(tx, database.kind))
  const chain = await verifyAuditChain(database.db, options)
  if (chain.ok) {
    const head = chain.head ? `, head ${chain.head.seq}:${chain.head.hash}` : ''
    lines.push(`OK: ${chain.rows} audit rows, chain intact${head}`)
  } else {
    ok = false
    lines.push(`BROKEN: the audit chain breaks at row ${chain.brokenAt} (${chain.reason})`)
  }
  if (!expected) {
    lines.push('NOT COMPARED: the backup has no manifest beside it, so only the audit chain was checked')
    return { ok, lines }
  }
  const differences = compareManifests(expected, actual)
  if (differences.length) {
    ok = false
    lines.push('DIFFERENT: the restored database does not match the backup:')
    lines.push(...differences.slice(0, 50).map((d) => `  ${d}`))
  } else {
    const tables = Object.keys(expected.tables).length
    const rows = Object.values(expected.tables).reduce((n, t) => n + t.rows, 0)
    lines.push(
      `OK: as in the backup — the audit head, ${tables} tables with ${rows} rows, and ` +
        `${countSampledRows(expected)} sampled rows (the oldest and newest of each table) equal`,
    )
  }
  return { ok, lines }
}
