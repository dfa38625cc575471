import { sql, type OperationNodeSource, type RawBuilder } from 'kysely'
import type { Executor, Tx } from '../db/database'

// Only one chainer links rows at a time, on every node; writers never take it.
const AUDIT_CHAINER_LOCK_KEY = 727_500_002

/** Waits for the chainer lock until the end of the transaction (drains, checkpoints). */
export async function lockAuditChainer(tx: Tx): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAINER_LOCK_KEY})`.execute(tx)
}

/** Takes the chainer lock if nobody holds it (the background chainer: another node is at work). */
export async function tryLockAuditChainer(tx: Tx): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`
    SELECT pg_try_advisory_xact_lock(${AUDIT_CHAINER_LOCK_KEY}) AS locked`.execute(tx)
  return rows[0]!.locked
}

/** The newest linked row: where the next link goes. */
export async function findAuditHead(tx: Executor): Promise<{ seq: number; hash: string } | undefined> {
  const row = await tx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('seq', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? { seq: row.seq!, hash: row.hash! } : undefined
}

export type UnlinkedAuditRow = {
  at: Date
  actorUserId: string | null
  actorRole: string | null
  actorLabel: string | null
  action: string
  entityType: string
  entityId: string | null
  before: unknown
  after: unknown
  requestId: string | null
  ip: string | null
}

function auditColumns(row: UnlinkedAuditRow) {
  return {
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
  }
}

/**
 * Unlinked rows, many in one statement (a sweep's rows of one run), in the order given: seq,
 * prev_hash and hash stay null until the chainer links them after commit.
 */
export async function insertAuditRows(tx: Tx, rows: readonly UnlinkedAuditRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insertInto('audit_log')
      .values(rows.slice(i, i + 500).map(auditColumns))
      .execute()
}

/** An unlinked row (writeAudit's). */
export async function insertAuditRow(tx: Tx, row: UnlinkedAuditRow): Promise<void> {
  await insertAuditRows(tx, [row])
}

/**
 * An unlinked row and another write that is not yet sent (a timeline event, a certificate), as one
 * statement: the write is a CTE of the audit row's INSERT, so the two cost one round trip.
 */
export async function insertAuditRowWith(
  tx: Tx,
  row: UnlinkedAuditRow,
  write: OperationNodeSource,
): Promise<void> {
  const audit = tx.insertInto('audit_log').values(auditColumns(row))
  await sql`WITH alongside AS (${write}) ${audit}`.execute(tx)
}

/**
 * The INSERT of one unlinked row for each row of `from` — a CTE of the statement that makes the
 * change, so the change and its audit row are one round trip (decision 0032). `entityId` and
 * `after` are SQL over `from`'s columns (what only that statement knows, such as a new row's id);
 * every other field is the row's as writeAudit fills it (auditRowOf).
 */
export function insertAuditRowSql(
  row: UnlinkedAuditRow,
  from: string,
  computed: { entityId: RawBuilder<string>; after: RawBuilder<unknown> },
): RawBuilder<unknown> {
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value))
  return sql`INSERT INTO audit_log (at, actor_user_id, actor_role, actor_label, action, entity_type, entity_id,
                                    before, after, request_id, ip)
    SELECT ${row.at}::timestamptz, ${row.actorUserId}::uuid, ${row.actorRole}::text, ${row.actorLabel}::text,
           ${row.action}::text, ${row.entityType}::text, ${computed.entityId}, ${json(row.before)}::jsonb,
           ${computed.after}, ${row.requestId}::text, ${row.ip}::text
    FROM ${sql.id(from)}`
}

/** Committed rows not linked yet, in insert order. */
export async function findUnlinkedAuditRows(tx: Executor, limit: number) {
  return tx.selectFrom('audit_log').selectAll().where('seq', 'is', null).orderBy('id').limit(limit).execute()
}

export type AuditLink = { id: number; seq: number; prevHash: string; hash: string }

/** Links many rows in one statement (the append-only trigger lets a row be linked once). */
export async function linkAuditRows(tx: Tx, links: AuditLink[]): Promise<void> {
  if (links.length === 0) return
  await sql`
    UPDATE audit_log AS a
       SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
      FROM unnest(${links.map((l) => l.id)}::bigint[], ${links.map((l) => l.seq)}::bigint[],
                  ${links.map((l) => l.prevHash)}::text[], ${links.map((l) => l.hash)}::text[])
           AS v(id, seq, prev_hash, hash)
     WHERE a.id = v.id AND a.seq IS NULL`.execute(tx)
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

export async function findAuditHashAt(db: Executor, seq: number): Promise<string | null> {
  const row = await db.selectFrom('audit_log').select('hash').where('seq', '=', seq).executeTakeFirst()
  return row?.hash ?? null
}

export type AuditFilter = {
  entityType?: string | undefined
  entityId?: string | undefined
  actorUserId?: string | undefined
  action?: string | undefined
  from?: Date | undefined
  to?: Date | undefined
  beforeId?: number | undefined
  /** rows linked before this place in the chain (opens the list at a broken row) */
  beforeSeq?: number | undefined
  /** entity types the reader may not see (kernel/audit/sealed-entities.ts) */
  withoutEntityTypes?: readonly string[] | undefined
}

/** Newest first by insert order: rows not linked yet (seq null) are listed too. */
export async function listAuditRows(db: Executor, filter: AuditFilter, limit: number) {
  let q = db.selectFrom('audit_log').selectAll()
  if (filter.entityType) q = q.where('entity_type', '=', filter.entityType)
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId)
  if (filter.actorUserId) q = q.where('actor_user_id', '=', filter.actorUserId)
  if (filter.action) q = q.where('action', 'like', `${filter.action.replace(/[%_\\]/g, '\\$&')}%`)
  if (filter.from) q = q.where('at', '>=', filter.from)
  if (filter.to) q = q.where('at', '<', filter.to)
  if (filter.beforeId) q = q.where('id', '<', filter.beforeId)
  if (filter.beforeSeq) q = q.where('seq', '<', filter.beforeSeq)
  if (filter.withoutEntityTypes?.length) q = q.where('entity_type', 'not in', filter.withoutEntityTypes)
  return q.orderBy('id', 'desc').limit(limit).execute()
}

export async function countAuditRows(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function countUnlinkedAuditRows(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('seq', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

// --- signed checkpoints -----------------------------------------------------------------------------

export async function insertAuditCheckpoint(
  tx: Executor,
  row: { seq: number; hash: string; signedAt: Date; keyId: string; signature: string },
) {
  return tx
    .insertInto('audit_checkpoints')
    .values({
      seq: row.seq,
      hash: row.hash,
      signed_at: row.signedAt,
      key_id: row.keyId,
      signature: row.signature,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

/** Every checkpoint, oldest first (one a day: a few hundred a year). */
export async function listAuditCheckpoints(db: Executor) {
  return db.selectFrom('audit_checkpoints').selectAll().orderBy('seq').orderBy('id').execute()
}

export async function findNewestAuditCheckpoint(db: Executor) {
  return db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .orderBy('seq', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
}
