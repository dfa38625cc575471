import { sql } from 'kysely'
import type { Executor, Tx } from '../db/database'
import type { ChainedRow } from './hash-chain'

// Serialises audit writers across every connection and node, so seq stays gapless and the chain linear.
const AUDIT_LOCK_KEY = 727_500_002

export async function lockAuditChain(tx: Tx): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(tx)
}

export async function findAuditHead(tx: Executor) {
  return tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst()
}

export async function insertAuditRow(
  tx: Tx,
  row: Omit<ChainedRow, 'at'> & { at: Date; hash: string },
): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      seq: row.seq,
      at: row.at,
      actor_user_id: row.actorUserId,
      actor_role: row.actorRole,
      actor_label: row.actorLabel,
      action: row.action,
      entity_type: row.entityType,
      entity_id: row.entityId,
      before: row.before === null ? null : JSON.stringify(row.before),
      after: row.after === null ? null : JSON.stringify(row.after),
      request_id: row.requestId,
      ip: row.ip,
      prev_hash: row.prevHash,
      hash: row.hash,
    })
    .execute()
}

export async function findAuditRowsAfter(db: Executor, afterSeq: number, limit: number) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute()
}

export type AuditFilter = {
  entityType?: string | undefined
  entityId?: string | undefined
  actorUserId?: string | undefined
  action?: string | undefined
  from?: Date | undefined
  to?: Date | undefined
  beforeSeq?: number | undefined
}

export async function listAuditRows(db: Executor, filter: AuditFilter, limit: number) {
  let q = db.selectFrom('audit_log').selectAll()
  if (filter.entityType) q = q.where('entity_type', '=', filter.entityType)
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId)
  if (filter.actorUserId) q = q.where('actor_user_id', '=', filter.actorUserId)
  if (filter.action) q = q.where('action', 'like', `${filter.action.replace(/[%_\\]/g, '\\$&')}%`)
  if (filter.from) q = q.where('at', '>=', filter.from)
  if (filter.to) q = q.where('at', '<', filter.to)
  if (filter.beforeSeq) q = q.where('seq', '<', filter.beforeSeq)
  return q.orderBy('seq', 'desc').limit(limit).execute()
}

export async function countAuditRows(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
