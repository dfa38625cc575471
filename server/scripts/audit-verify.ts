/**
 * npm run audit:verify [-- --expect-head <seq>:<hash>]
 *
 * Re-computes the hash chain of the whole audit trail and prints the verdict; exits 1 when the chain
 * is broken. A head recorded earlier (printed here and on the admin page) can be checked too: that
 * catches removal of the newest rows, which a chain alone cannot show.
 */
import { verifyAuditChain } from '../src/kernel/audit/audit'
import { loadConfig } from '../src/kernel/config'
import { openEmbedded, openPostgres } from '../src/kernel/db/database'
import { findAuditRowsAfter } from '../src/kernel/audit/audit.queries'

const config = loadConfig()
const expectArg = process.argv.indexOf('--expect-head')
const expected = expectArg > 0 ? process.argv[expectArg + 1] : undefined

const database = config.databaseUrl
  ? await openPostgres(config.databaseUrl, 2)
  : await openEmbedded(config.dataDir).catch((error: Error) => {
      console.error(`${error.message}\n(While the server runs, use the admin page: 审计日志 → 校验.)`)
      process.exit(2)
    })
try {
  const verdict = await verifyAuditChain(database.db)
  if (!verdict.ok) {
    console.log(
      `BROKEN: the audit chain breaks at row ${verdict.brokenAt} (${verdict.reason}); ${verdict.rows} rows before it are intact.`,
    )
    process.exitCode = 1
  } else {
    console.log(`OK: ${verdict.rows} audit rows, chain intact.`)
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
