/**
 * npm run audit:verify [-- --expect-head <seq>:<hash>] [--checkpoints <file>]
 *
 * Links rows that committed but are not chained yet, re-computes the hash chain of the whole audit
 * trail and compares it with every signed checkpoint — those in the database and those in the export
 * file (AUDIT_CHECKPOINT_FILE, or --checkpoints) — checking each signature with the instance key
 * (AUDIT_SIGNING_KEY_FILE). A re-chained log, removed newest rows and forged checkpoints are named.
 * Exits 1 when anything does not hold. A head recorded earlier can be checked too (--expect-head).
 */
import { verifyAuditChain } from '../src/kernel/audit/audit'
import { findAuditRowsAfter } from '../src/kernel/audit/audit.queries'
import { readCheckpointFile } from '../src/kernel/audit/checkpoints'
import { readSigningKey } from '../src/kernel/audit/signing-key'
import { loadConfig } from '../src/kernel/config'
import { openEmbedded, openPostgres } from '../src/kernel/db/database'

const config = loadConfig()
const argument = (name: string) => {
  const at = process.argv.indexOf(name)
  return at > 0 ? process.argv[at + 1] : undefined
}
const expected = argument('--expect-head')
const checkpointFile = argument('--checkpoints') ?? config.auditCheckpointFile

const database = config.databaseUrl
  ? await openPostgres(config.databaseUrl, 2)
  : await openEmbedded(config.dataDir).catch((error: Error) => {
      console.error(`${error.message}\n(While the server runs, use the admin page: 审计日志 → 校验.)`)
      process.exit(2)
    })
try {
  const key = readSigningKey(config.auditSigningKeyFile)
  const extraCheckpoints = readCheckpointFile(checkpointFile)
  const verdict = await verifyAuditChain(database.db, { publicKey: key?.publicKey ?? null, extraCheckpoints })
  if (!key)
    console.log(`NOTE: no signing key at ${config.auditSigningKeyFile}: checkpoint signatures not checked.`)
  if (!verdict.ok) {
    const checkpoint = verdict.checkpoint
      ? ` (checkpoint ${verdict.checkpoint.seq} of ${verdict.checkpoint.signedAt})`
      : ''
    console.log(
      `BROKEN: the audit chain breaks at row ${verdict.brokenAt} (${verdict.reason})${checkpoint}; ${verdict.rows} rows before it are intact.`,
    )
    process.exitCode = 1
  } else {
    console.log(
      `OK: ${verdict.rows} audit rows, chain intact; ${verdict.checkpoints} signed checkpoints hold` +
        (verdict.checkpoint
          ? ` (newest: row ${verdict.checkpoint.seq}, ${verdict.checkpoint.signedAt}).`
          : '.'),
    )
    if (verdict.head) console.log(`head: ${verdict.head.seq}:${verdict.head.hash}`)
    if (expected) {
      const [seq, hash] = expected.split(':')
      const [row] = await findAuditRowsAfter(database.db, Number(seq) - 1, 1)
      if (!row || row.seq !== Number(seq) || row.hash !== hash) {
        console.log(
          `BROKEN: the recorded head ${expected} is no longer in the chain (rows were removed or rewritten).`,
        )
        process.exitCode = 1
      } else {
        console.log(`the recorded head ${seq} is still in the chain.`)
      }
    }
  }
} finally {
  await database.close()
}
