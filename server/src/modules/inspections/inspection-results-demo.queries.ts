import { newCheckCode } from './inspection-check-code'
import type { Executor } from '../../kernel/db/database'
import type { InspectionState } from './inspection-states'

/** The rows the result step's demo (inspection-results.demo.ts) reads and writes. */

export async function countResults(db: Executor) {
  const row = await db
    .selectFrom('inspection_results')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function findUser(db: Executor, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'department_id'])
    .where('username', '=', username)
    .executeTakeFirst()
}

export async function findEnterpriseOfPhone(db: Executor, phone: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('enterprise_members as m', 'm.user_id', 'u.id')
    .select('m.enterprise_id')
    .where('u.phone', '=', phone)
    .orderBy('m.created_at')
    .executeTakeFirst()
}

/** The demo inspector is certified (another part of the demo may have done it already). */
export async function certifyInspector(db: Executor, userId: string, departmentId: string) {
  await db
    .insertInto('inspectors')
    .values({
      user_id: userId,
      department_id: departmentId,
      certificate_no: '辽大执-2101-000318',
      certified_until: '2028-12-31',
    })
    .onConflict((oc) => oc.doNothing())
    .execute()
}

export async function ensureItem(db: Executor, departmentId: string) {
  await db
    .insertInto('inspection_items')
    .values({
      code: 'DL-SCJG-JC-007',
      name: '营业执照公示及登记事项检查',
      department_id: departmentId,
      basis: '《市场主体登记管理条例》第三十六条、第二十四条',
      content: '营业执照悬挂、登记事项与实际经营是否一致',
      status: 'published',
      published_at: new Date('2025-03-01T00:00:00Z'),
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute()
  const row = await db
    .selectFrom('inspection_items')
    .select('id')
    .where('code', '=', 'DL-SCJG-JC-007')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertDemoInspection(
  db: Executor,
  v: {
    number: string
    enterpriseId: string
    departmentId: string
    plannedOn: string
    status: InspectionState
    plannedBy: string
    itemId: string
    inspectorId: string
    checkedInAt: Date
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
      purpose: '营业执照公示及登记事项日常检查（演示）',
      status: v.status,
      planned_by: v.plannedBy,
      approved_by: v.plannedBy,
      approved_at: v.checkedInAt,
      checked_in_at: v.checkedInAt,
    })
    .onConflict((oc) => oc.column('number').doNothing())
    .returning(['id', 'version'])
    .executeTakeFirst()
  if (!row) return undefined
  await db.insertInto('inspection_item_links').values({ inspection_id: row.id, item_id: v.itemId }).execute()
  await db
    .insertInto('inspection_inspectors')
    .values({ inspection_id: row.id, inspector_user_id: v.inspectorId })
    .execute()
  return row
}

export async function findEntryIdByCode(db: Executor, code: string) {
  const row = await db
    .selectFrom('leniency_entries')
    .select('id')
    .where('code', '=', code)
    .orderBy('version', 'desc')
    .executeTakeFirst()
  return row?.id
}
