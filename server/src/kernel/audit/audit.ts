import { currentRequestContext } from '../context'
import type { Executor, Tx } from '../db/database'
import { primaryRole, type Actor } from '../auth/actor'
import { asStoredJson, GENESIS_HASH, hashRow, type ChainedRow } from './hash-chain'
import { findAuditHead, findAuditRowsAfter, insertAuditRow, lockAuditChain } from './audit.queries'

export type AuditEntry = {
  /** verb-first and namespaced: 'department.create', 'user.sign_in', 'enterprise.update_profile' */
  action: string
  entityType: string
  entityId?: string | null
  before?: unknown
  after?: unknown
}

/**
 * Writes one audit row inside the caller's transaction, chained to the previous row. Call it in the
 * same transaction as the state change it records: both commit, or neither does.
 */
export async function writeAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await lockAuditChain(tx)
  const head = await findAuditHead(tx)
  const ctx = currentRequestContext()
  const at = new Date()
  const row: ChainedRow = {
    seq: (head?.seq ?? 0) + 1,
    at: at.toISOString(),
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorRole: primaryRole(actor),
    actorLabel: actor.kind === 'anonymous' ? null : actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: asStoredJson(entry.before),
    after: asStoredJson(entry.after),
    requestId: ctx?.requestId ?? null,
    ip: ctx?.ip ?? null,
    prevHash: head?.hash ?? GENESIS_HASH,
  }
  await insertAuditRow(tx, { ...row, at, hash: hashRow(row) })
}

export type ChainVerdict =
  | { ok: true; rows: number; head: { seq: number; hash: string } | null }
  | { ok: false; rows: number; brokenAt: number; reason: 'hash_mismatch' | 'link_mismatch' | 'sequence_gap' }

/**
 * Walks the whole chain in order. Names the first row that was altered (its hash no longer matches),
 * or after which a row was removed or inserted (its link or sequence no longer matches).
 */
export async function verifyAuditChain(db: Executor, batchSize = 2000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH
  let prevSeq = 0
  let rows = 0
  for (;;) {
    const batch = await findAuditRowsAfter(db, prevSeq, batchSize)
    for (const r of batch) {
      if (r.seq !== prevSeq + 1) return { ok: false, rows, brokenAt: r.seq, reason: 'sequence_gap' }
      if (r.prev_hash !== prevHash) return { ok: false, rows, brokenAt: r.seq, reason: 'link_mismatch' }
      const recomputed = hashRow({
        seq: r.seq,
        at: r.at.toISOString(),
        actorUserId: r.actor_user_id,
        actorRole: r.actor_role,
        actorLabel: r.actor_label,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
        requestId: r.request_id,
        ip: r.ip,
        prevHash: r.prev_hash,
      })
      if (recomputed !== r.hash) return { ok: false, rows, brokenAt: r.seq, reason: 'hash_mismatch' }
      prevHash = r.hash
      prevSeq = r.seq
      rows++
    }
    if (batch.length < batchSize) break
  }
  return { ok: true, rows, head: rows ? { seq: prevSeq, hash: prevHash } : null }
}
