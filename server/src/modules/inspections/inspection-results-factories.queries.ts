import { newCheckCode } from './inspection-check-code'
import crypto from 'node:crypto'
import type { Executor } from '../../kernel/db/database'
import type { InspectionState } from './inspection-states'

/** The rows inspection-results.factories.ts inserts for tests (SQL lives in queries files only). */

export async function insertInspector(db: Executor, userId: string, departmentId: string) {
  await db
    .insertInto('inspectors')
    .values({
      user_id: userId,
      department_id: departmentId,
      certificate_no: `ZF-${crypto.randomBytes(5).toString('hex')}`,
      certified_until: '2099-12-31',
    })
    .execute()
}

export async function insertPublishedItem(db: Executor, departmentId: string) {
  return db
    .insertInto('inspection_items')
    .values({
      code: `JCSX-${crypto.randomBytes(4).toString('hex')}`,
      name: '营业执照公示及登记事项检查',
      department_id: departmentId,
      basis: '《市场主体登记管理条例》',
      status: 'published',
      published_at: new Date('2025-01-01T00:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function insertInspectionRow(
  db: Executor,
  v: {
    number: string
    enterpriseId: string
    departmentId: string
    plannedOn: string
    status: InspectionState
    plannedBy: string
    itemId: string
    inspectorIds: readonly string[]
  },
) {
  const row = await db
    .insertInto('inspections')
    .values({
      number: v.number,
      check_code: newCheckCode(),
      kind: 'routine',
      enterprise_id: v.enterpriseId,
      department_id: v.departmentId,
      planned_on: v.plannedOn,
      window_ends_on: v.plannedOn,
      purpose: '营业执照公示及登记事项日常检查',
      status: v.status,
      planned_by: v.plannedBy,
      checked_in_at: v.status === 'checked_in' ? new Date(`${v.plannedOn}T01:30:00Z`) : null,
    })
    .returning(['id', 'number', 'version'])
    .executeTakeFirstOrThrow()
  await db.insertInto('inspection_item_links').values({ inspection_id: row.id, item_id: v.itemId }).execute()
  await db
    .insertInto('inspection_inspectors')
    .values(v.inspectorIds.map((id) => ({ inspection_id: row.id, inspector_user_id: id })))
    .execute()
  return row
}

/** What the registry's approval and the enterprise's scan would leave: the inspection checked in. */
export async function checkIn(db: Executor, inspectionId: string) {
  return db
    .updateTable('inspections')
    .set({ status: 'checked_in', checked_in_at: new Date() })
    .where('id', '=', inspectionId)
    .returning(['version'])
    .executeTakeFirstOrThrow()
}
