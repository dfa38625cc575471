import { sql, type Insertable, type Updateable } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'
import type { BenefitItemsTable, PoliciesTable } from './policies.tables'
import type { PolicyLevel, PolicyStatus } from '../../shared/policies'

// Documents

export async function insertPolicy(tx: Tx, values: Insertable<PoliciesTable>) {
  return tx.insertInto('policies').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function findPolicy(db: Executor, id: string) {
  return db.selectFrom('policies').selectAll().where('id', '=', id).executeTakeFirst()
}

export type PolicyRow = NonNullable<Awaited<ReturnType<typeof findPolicy>>>

export async function lockPolicy(tx: Tx, id: string) {
  return tx.selectFrom('policies').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function updatePolicy(tx: Tx, id: string, changes: Updateable<PoliciesTable>) {
  return tx
    .updateTable('policies')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Staff lists: every policy (departmentIds null) or those owned by the given departments. */
export async function findPolicies(
  db: Executor,
  filter: {
    statuses?: PolicyStatus[]
    topic?: string | undefined
    level?: string | undefined
    text?: string | undefined
    departmentIds?: string[] | null
  },
  page: { limit: number; offset: number },
) {
  let query = db
    .selectFrom('policies as p')
    .leftJoin('departments as d', 'd.id', 'p.owner_department_id')
    .select(['p.id'])
  if (filter.statuses?.length) query = query.where('p.status', 'in', filter.statuses as PolicyStatus[])
  if (filter.topic) query = query.where(sql<boolean>`${filter.topic} = ANY(p.topics)`)
  if (filter.level) query = query.where('p.level', '=', filter.level as PolicyLevel)
  if (filter.text) {
    const like = `%${filter.text.replace(/[%_\\]/g, '\\$&')}%`
    query = query.where((eb) =>
      eb.or([
        eb('p.title', 'ilike', like),
        eb('p.document_number', 'ilike', like),
        eb('p.issuer', 'ilike', like),
      ]),
    )
  }
  if (filter.departmentIds)
    query = query.where(
      'p.owner_department_id',
      'in',
      filter.departmentIds.length ? filter.departmentIds : ['00000000-0000-0000-0000-000000000000'],
    )
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await query
    .clearSelect()
    .selectAll('p')
    .select('d.name as owner_department_name')
    .select((eb) =>
      eb
        .selectFrom('benefit_items as i')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('i.policy_id', '=', 'p.id')
        .where('i.is_active', '=', true)
        .as('item_count'),
    )
    .orderBy('p.updated_at', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return { rows, total: Number(total.n) }
}

export async function findDepartmentName(db: Executor, id: string) {
  return (
    (await db.selectFrom('departments').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null
  )
}

export async function findDepartmentNames(db: Executor, ids: string[]) {
  if (!ids.length) return new Map<string, string>()
  const rows = await db.selectFrom('departments').select(['id', 'name']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

export async function isActiveDepartment(db: Executor, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('departments')
    .select('id')
    .where('id', '=', id)
    .where('is_active', '=', true)
    .executeTakeFirst()
  return !!row
}

// Items (the working copy)

/** The ids of a policy's items, saved or published (a run clears the state of those no longer in force). */
export async function findItemIds(db: Executor, policyId: string): Promise<string[]> {
  return (await findItems(db, policyId)).map((i) => i.id)
}

export async function findItems(db: Executor, policyId: string) {
  return db
    .selectFrom('benefit_items')
    .selectAll()
    .where('policy_id', '=', policyId)
    .orderBy('sort_order')
    .orderBy('created_at')
    .execute()
}

export type ItemRow = Awaited<ReturnType<typeof findItems>>[number]

export async function findItem(db: Executor, policyId: string, itemId: string) {
  return db
    .selectFrom('benefit_items')
    .selectAll()
    .where('policy_id', '=', policyId)
    .where('id', '=', itemId)
    .executeTakeFirst()
}

export async function insertItem(tx: Tx, values: Insertable<BenefitItemsTable>) {
  return tx.insertInto('benefit_items').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function updateItem(
  tx: Tx,
  id: string,
  expectedVersion: number,
  changes: Updateable<BenefitItemsTable>,
) {
  return tx
    .updateTable('benefit_items')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst()
}

export async function isItemCodeTaken(db: Executor, policyId: string, code: string, exceptId: string | null) {
  let q = db
    .selectFrom('benefit_items')
    .select('id')
    .where('policy_id', '=', policyId)
    .where('code', '=', code)
  if (exceptId) q = q.where('id', '!=', exceptId)
  return !!(await q.executeTakeFirst())
}

// Attachments

export async function insertAttachment(
  tx: Tx,
  row: {
    policyId: string
    fileName: string
    contentType: string
    bytes: Uint8Array
    sha256: string
    by: string
  },
) {
  return tx
    .insertInto('policy_attachments')
    .values({
      policy_id: row.policyId,
      file_name: row.fileName,
      content_type: row.contentType,
      size_bytes: row.bytes.byteLength,
      sha256: row.sha256,
      bytes: row.bytes,
      uploaded_by: row.by,
    })
    .returning(['id', 'file_name', 'content_type', 'size_bytes', 'uploaded_at'])
    .executeTakeFirstOrThrow()
}

export async function findAttachments(db: Executor, policyId: string) {
  return db
    .selectFrom('policy_attachments')
    .select(['id', 'file_name', 'content_type', 'size_bytes', 'uploaded_at'])
    .where('policy_id', '=', policyId)
    .orderBy('uploaded_at')
    .execute()
}

export async function findAttachment(db: Executor, policyId: string, id: string) {
  return db
    .selectFrom('policy_attachments')
    .selectAll()
    .where('policy_id', '=', policyId)
    .where('id', '=', id)
    .executeTakeFirst()
}

// Publication settings (one row)

export async function findPublicationSettingsRow(db: Executor) {
  return db.selectFrom('policy_settings').selectAll().where('id', '=', 1).executeTakeFirst()
}

/** Saves the settings if nobody saved them since `expectedVersion` (null: nobody ever did). */
export async function upsertPublicationSettings(
  tx: Tx,
  settings: Record<string, unknown>,
  by: string,
  expectedVersion: number | null,
) {
  if (expectedVersion === null)
    return tx
      .insertInto('policy_settings')
      .values({ id: 1, settings: JSON.stringify(settings), updated_by: by })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('version')
      .executeTakeFirst()
  return tx
    .updateTable('policy_settings')
    .set((eb) => ({
      settings: JSON.stringify(settings),
      updated_by: by,
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', 1)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst()
}

/** Stores the reasons a publisher gave for money items without a cap. */
export async function setNoCapReason(tx: Tx, itemId: string, reason: string) {
  await tx.updateTable('benefit_items').set({ no_cap_reason: reason }).where('id', '=', itemId).execute()
}
