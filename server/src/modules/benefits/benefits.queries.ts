import { sql, type Insertable, type Updateable } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'
import type { BenefitClaimsTable, BenefitClaimStatus } from './benefits.tables'
import type { Audience } from '../../kernel/timeline/audience'

/**
 * All SQL of benefit claims and payouts. Who may see a claim is part of every read: a ClaimScope
 * names the departments (or the enterprise) whose claims the caller sees, so another department's
 * claims are simply not found.
 */
export type ClaimScope =
  | { kind: 'all' }
  | { kind: 'departments'; departmentIds: string[] }
  | { kind: 'enterprise'; enterpriseId: string }

const NO_ID = '00000000-0000-0000-0000-000000000000'

function scoped<Q extends { where: (...args: any[]) => any }>(query: Q, scope: ClaimScope): Q {
  if (scope.kind === 'all') return query
  if (scope.kind === 'enterprise') return query.where('c.enterprise_id', '=', scope.enterpriseId)
  return query.where('c.department_id', 'in', scope.departmentIds.length ? scope.departmentIds : [NO_ID]) as Q
}

// Numbers and creation

export async function insertClaim(tx: Tx, values: Insertable<BenefitClaimsTable>) {
  return tx.insertInto('benefit_claims').values(values).returning('id').executeTakeFirstOrThrow()
}

export async function findClaimIdByIdempotencyKey(db: Executor, submittedBy: string, key: string) {
  return db
    .selectFrom('benefit_claims')
    .select(['id', 'item_id', 'enterprise_id', 'request_fingerprint'])
    .where('submitted_by', '=', submittedBy)
    .where('idempotency_key', '=', key)
    .executeTakeFirst()
}

export async function findActiveClaimId(
  db: Executor,
  itemId: string,
  enterpriseId: string,
  activeStates: readonly BenefitClaimStatus[],
) {
  return db
    .selectFrom('benefit_claims')
    .select('id')
    .where('item_id', '=', itemId)
    .where('enterprise_id', '=', enterpriseId)
    .where('status', 'in', activeStates)
    .executeTakeFirst()
}

export async function findEnterpriseName(db: Executor, enterpriseId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('enterprises')
    .select('name')
    .where('id', '=', enterpriseId)
    .executeTakeFirst()
  return row?.name
}

// One claim

function claimQuery(db: Executor) {
  return db
    .selectFrom('benefit_claims as c')
    .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
    .leftJoin('departments as d', 'd.id', 'c.department_id')
    .leftJoin('benefit_payouts as p', 'p.claim_id', 'c.id')
    .selectAll('c')
    .select([
      'e.name as enterprise_name',
      'e.uscc as enterprise_uscc',
      'd.name as department_name',
      'p.amount as payout_amount',
      'p.paid_on as payout_paid_on',
      'p.batch_id as payout_batch_id',
      'p.recorded_at as payout_recorded_at',
      'p.account_id as payout_account_id',
      'p.account_version as payout_account_version',
      'p.account_name as payout_account_name',
      'p.bank_name as payout_bank_name',
      'p.account_number as payout_account_number',
    ])
}

export type ClaimRow = NonNullable<Awaited<ReturnType<typeof findClaim>>>

export async function findClaim(db: Executor, id: string, scope: ClaimScope) {
  return scoped(claimQuery(db).where('c.id', '=', id), scope).executeTakeFirst()
}

/** The claim row locked for an action, within the caller's scope (NOT_FOUND otherwise). */
export async function lockClaim(tx: Tx, id: string, scope: ClaimScope) {
  const row = await scoped(tx.selectFrom('benefit_claims as c').select('c.id').where('c.id', '=', id), scope)
    .forUpdate()
    .executeTakeFirst()
  return row ? findClaim(tx, id, { kind: 'all' }) : undefined
}

export async function updateClaim(tx: Tx, id: string, changes: Updateable<BenefitClaimsTable>) {
  await tx
    .updateTable('benefit_claims')
    .set({ ...changes, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .execute()
}

// Lists

export type ClaimFilter = {
  statuses?: readonly BenefitClaimStatus[]
  itemId?: string | undefined
  enterpriseId?: string
  dueBefore?: Date
}

export async function pageClaims(
  db: Executor,
  scope: ClaimScope,
  filter: ClaimFilter,
  page: { limit: number; offset: number },
  order: 'due' | 'created',
) {
  let query = scoped(claimQuery(db), scope)
  if (filter.statuses) query = query.where('c.status', 'in', filter.statuses)
  if (filter.itemId) query = query.where('c.item_id', '=', filter.itemId)
  if (filter.enterpriseId) query = query.where('c.enterprise_id', '=', filter.enterpriseId)
  if (filter.dueBefore) query = query.where('c.due_at', '<', filter.dueBefore)
  const counted = await query
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  const ordered =
    order === 'due'
      ? query.orderBy(sql`c.due_at ASC NULLS LAST`).orderBy('c.created_at')
      : query.orderBy('c.created_at', 'desc')
  const items = await ordered.orderBy('c.id').limit(page.limit).offset(page.offset).execute()
  return { items, total: counted.n }
}

/** The consents of a no-application item waiting for the payout list, oldest first. */
export async function findConsentedClaims(db: Executor, itemId: string, departmentIds: string[]) {
  return scoped(claimQuery(db).where('c.item_id', '=', itemId).where('c.status', '=', 'consented'), {
    kind: 'departments',
    departmentIds,
  })
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute()
}

/** Locks the named claims of an item in id order (so two batches never deadlock), within the departments. */
export async function lockClaimsOfItem(tx: Tx, ids: string[], itemId: string, departmentIds: string[]) {
  if (ids.length === 0) return []
  const locked = await scoped(
    tx
      .selectFrom('benefit_claims as c')
      .select('c.id')
      .where('c.id', 'in', ids)
      .where('c.item_id', '=', itemId),
    { kind: 'departments', departmentIds },
  )
    .orderBy('c.id')
    .forUpdate()
    .execute()
  if (locked.length === 0) return []
  return claimQuery(tx)
    .where(
      'c.id',
      'in',
      locked.map((r) => r.id),
    )
    .execute()
}

// Timeline

/** The event's INSERT, not sent: the case kit sends it together with the move's audit row (one statement). */
export function eventInsert(
  tx: Tx,
  event: {
    claimId: string
    type: string
    actorUserId: string | null
    actorRole: string | null
    note?: string | null
    noteAudience?: Audience
    data?: Record<string, unknown>
    audience?: Audience
    at?: Date
  },
) {
  return tx.insertInto('benefit_claim_events').values({
    claim_id: event.claimId,
    type: event.type,
    actor_user_id: event.actorUserId,
    actor_role: event.actorRole,
    note: event.note ?? null,
    note_audience: event.noteAudience ?? 'internal',
    data: JSON.stringify(event.data ?? {}),
    audience: event.audience ?? 'internal',
    ...(event.at ? { at: event.at } : {}),
  })
}

export async function insertEvent(...args: Parameters<typeof eventInsert>): Promise<void> {
  await eventInsert(...args).execute()
}

/** Whole timelines; the enterprise's view picks from them by its allow-list (claims-enterprise-view.ts). */
export async function findEvents(db: Executor, claimIds: string[]) {
  if (claimIds.length === 0) return []
  return db
    .selectFrom('benefit_claim_events')
    .selectAll()
    .where('claim_id', 'in', claimIds)
    .orderBy('id')
    .execute()
}

/** The latest supplement request of a claim: what it asked to upload again. */
export async function findLatestSupplementRequest(db: Executor, claimId: string) {
  return db
    .selectFrom('benefit_claim_events')
    .select(['data', 'at'])
    .where('claim_id', '=', claimId)
    .where('type', '=', 'request_supplement')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

// Materials

export async function insertMaterial(
  db: Executor,
  file: {
    fileName: string
    contentType: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf'
    content: Buffer
    sha256: string
    by: string
  },
) {
  return db
    .insertInto('benefit_claim_materials')
    .values({
      file_name: file.fileName,
      content_type: file.contentType,
      size_bytes: file.content.length,
      content: file.content,
      sha256: file.sha256,
      uploaded_by: file.by,
    })
    .returning(['id', 'file_name', 'content_type', 'size_bytes'])
    .executeTakeFirstOrThrow()
}

/** Of the ids, the files the user uploaded and no claim uses yet. */
export async function findUnlinkedMaterialIds(db: Executor, ids: string[], userId: string) {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('benefit_claim_materials')
    .select('id')
    .where('id', 'in', ids)
    .where('uploaded_by', '=', userId)
    .where('claim_id', 'is', null)
    .execute()
  return rows.map((r) => r.id)
}

export async function linkMaterials(tx: Tx, claimId: string, key: string, ids: string[], round: number) {
  if (ids.length === 0) return
  await tx
    .updateTable('benefit_claim_materials')
    .set({ claim_id: claimId, material_key: key, round })
    .where('id', 'in', ids)
    .where('claim_id', 'is', null)
    .execute()
}

export async function supersedeMaterials(tx: Tx, claimId: string, keys: string[], at: Date) {
  if (keys.length === 0) return
  await tx
    .updateTable('benefit_claim_materials')
    .set({ superseded_at: at })
    .where('claim_id', '=', claimId)
    .where('material_key', 'in', keys)
    .where('superseded_at', 'is', null)
    .execute()
}

export async function findMaterialsOf(db: Executor, claimIds: string[]) {
  if (claimIds.length === 0) return []
  return db
    .selectFrom('benefit_claim_materials')
    .select([
      'id',
      'claim_id',
      'material_key',
      'round',
      'file_name',
      'content_type',
      'size_bytes',
      'superseded_at',
    ])
    .where('claim_id', 'in', claimIds)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute()
}

export async function findMaterial(db: Executor, id: string) {
  return db.selectFrom('benefit_claim_materials').selectAll().where('id', '=', id).executeTakeFirst()
}

// Payouts and the budget

/** Takes the item's budget lock for the rest of the transaction: payouts of one item run one at a time. */
export async function lockBudget(tx: Tx, itemId: string): Promise<void> {
  await tx
    .insertInto('benefit_budget_locks')
    .values({ item_id: itemId })
    .onConflict((oc) => oc.column('item_id').doNothing())
    .execute()
  await tx
    .selectFrom('benefit_budget_locks')
    .select('item_id')
    .where('item_id', '=', itemId)
    .forUpdate()
    .execute()
}

export async function sumPayouts(db: Executor, itemId: string): Promise<number> {
  const row = await db
    .selectFrom('benefit_payouts')
    .select(sql<number>`coalesce(sum(amount), 0)`.as('total'))
    .where('item_id', '=', itemId)
    .executeTakeFirstOrThrow()
  return Number(row.total)
}

export async function insertPayout(
  tx: Tx,
  payout: {
    claimId: string
    itemId: string
    enterpriseId: string
    batchId: string | null
    amount: number
    paidOn: string
    by: string
    /** the settlement account paid to, copied as it is now */
    account: { id: string; version: number; accountName: string; bankName: string; accountNumber: string }
  },
) {
  await tx
    .insertInto('benefit_payouts')
    .values({
      claim_id: payout.claimId,
      item_id: payout.itemId,
      enterprise_id: payout.enterpriseId,
      batch_id: payout.batchId,
      amount: payout.amount,
      paid_on: payout.paidOn,
      recorded_by: payout.by,
      account_id: payout.account.id,
      account_version: payout.account.version,
      account_name: payout.account.accountName,
      bank_name: payout.account.bankName,
      account_number: payout.account.accountNumber,
    })
    .execute()
}

/**
 * The payouts of the departments' items with the accounts they went to, whole (the bank file): of
 * one batch, one claim or one item, oldest first.
 */
export async function findPayoutLedger(
  db: Executor,
  departmentIds: string[],
  filter: { batchId?: string | undefined; claimId?: string | undefined; itemId?: string | undefined },
) {
  let query = db
    .selectFrom('benefit_payouts as p')
    .innerJoin('benefit_claims as c', 'c.id', 'p.claim_id')
    .innerJoin('enterprises as e', 'e.id', 'p.enterprise_id')
    .select([
      'p.id',
      'p.amount',
      'p.paid_on',
      'p.batch_id',
      'p.recorded_at',
      'p.account_id',
      'p.account_version',
      'p.account_name',
      'p.bank_name',
      'p.account_number',
      'c.number',
      'c.item_snapshot',
      'e.name as enterprise_name',
      'e.uscc',
    ])
    .where('c.department_id', 'in', departmentIds.length ? departmentIds : [NO_ID])
  if (filter.batchId) query = query.where('p.batch_id', '=', filter.batchId)
  if (filter.claimId) query = query.where('p.claim_id', '=', filter.claimId)
  if (filter.itemId) query = query.where('p.item_id', '=', filter.itemId)
  return query.orderBy('p.recorded_at').orderBy('c.number').execute()
}

export async function insertBatch(
  tx: Tx,
  batch: {
    itemId: string
    departmentId: string
    paidOn: string
    paidCount: number
    excludedCount: number
    total: number
    note: string | null
    by: string
  },
) {
  return tx
    .insertInto('benefit_payout_batches')
    .values({
      item_id: batch.itemId,
      department_id: batch.departmentId,
      paid_on: batch.paidOn,
      paid_count: batch.paidCount,
      excluded_count: batch.excludedCount,
      total: batch.total,
      note: batch.note,
      confirmed_by: batch.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

// Evaluation

/** Claims per item and status, with what was paid and rated. */
export async function countClaimsByItem(db: Executor, itemIds: string[]) {
  if (itemIds.length === 0) return []
  return db
    .selectFrom('benefit_claims as c')
    .leftJoin('benefit_payouts as p', 'p.claim_id', 'c.id')
    .select([
      'c.item_id',
      'c.mode',
      sql<number>`count(*)::int`.as('claims'),
      sql<number>`(count(*) FILTER (WHERE c.decided_at IS NOT NULL AND c.status IN ('approved', 'paid')))::int`.as(
        'approved_applications',
      ),
      sql<number>`(count(*) FILTER (WHERE c.status = 'rejected'))::int`.as('rejected'),
      sql<number>`(count(*) FILTER (WHERE c.status = 'withdrawn'))::int`.as('withdrawn'),
      sql<number>`(count(*) FILTER (WHERE c.status = 'excluded'))::int`.as('excluded'),
      sql<number>`(count(p.id))::int`.as('paid'),
      sql<number>`coalesce(sum(p.amount), 0)`.as('amount_paid'),
    ])
    .where('c.item_id', 'in', itemIds)
    .groupBy(['c.item_id', 'c.mode'])
    .execute()
}

export async function countRatingsByItem(db: Executor, itemIds: string[]) {
  if (itemIds.length === 0) return []
  return db
    .selectFrom('benefit_claims')
    .select(['item_id', 'rating_level', sql<number>`count(*)::int`.as('n')])
    .where('item_id', 'in', itemIds)
    .where('rating_level', 'is not', null)
    .groupBy(['item_id', 'rating_level'])
    .execute()
}

/** Every paid claim of the items: when it started and the day it was paid (for days to cash). */
export async function findPaidClaims(db: Executor, itemIds: string[]) {
  if (itemIds.length === 0) return []
  return db
    .selectFrom('benefit_claims as c')
    .innerJoin('benefit_payouts as p', 'p.claim_id', 'c.id')
    .select(['c.item_id', 'c.policy_id', 'c.enterprise_id', 'c.created_at', 'p.paid_on'])
    .where('c.item_id', 'in', itemIds)
    .execute()
}
