import type { Executor, Tx } from '../../kernel/db/database'

/** Every column a case is presented with: its appeal and department by name. */
function caseQuery(db: Executor) {
  return db
    .selectFrom('supervision_cases as s')
    .leftJoin('appeals as a', 'a.id', 's.appeal_id')
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .leftJoin('users as u', 'u.id', 's.closed_by')
    .selectAll('s')
    .select(['a.number as appeal_number', 'a.title as appeal_title', 'd.name as department_name'])
    .select('u.display_name as closed_by_name')
}

export type SupervisionCaseRow = NonNullable<Awaited<ReturnType<typeof findSupervisionCase>>>

export async function findSupervisionCase(db: Executor, id: string) {
  return caseQuery(db).where('s.id', '=', id).executeTakeFirst()
}

export async function lockSupervisionCase(tx: Tx, id: string) {
  return tx.selectFrom('supervision_cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

/** Newest first; `departmentIds` null means every department (the bureau's view). */
export async function findSupervisionCases(
  db: Executor,
  filter: { status?: 'open' | 'closed' | undefined; departmentIds: string[] | null },
  page: { limit: number; offset: number },
) {
  let query = caseQuery(db)
  if (filter.status) query = query.where('s.status', '=', filter.status)
  if (filter.departmentIds)
    query = query.where(
      's.department_id',
      'in',
      filter.departmentIds.length ? filter.departmentIds : ['00000000-0000-0000-0000-000000000000'],
    )
  const counted = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const items = await query.orderBy('s.opened_at', 'desc').limit(page.limit).offset(page.offset).execute()
  return { items, total: Number(counted.n) }
}

export async function findOpenCaseOfAppeal(tx: Tx, appealId: string) {
  return tx
    .selectFrom('supervision_cases')
    .select('id')
    .where('appeal_id', '=', appealId)
    .where('status', '=', 'open')
    .executeTakeFirst()
}

export async function insertSupervisionCase(
  tx: Tx,
  row: {
    appealId: string | null
    departmentId: string | null
    reason: string
    source: 'appeal_breach' | 'manual'
  },
) {
  return tx
    .insertInto('supervision_cases')
    .values({
      appeal_id: row.appealId,
      department_id: row.departmentId,
      reason: row.reason,
      source: row.source,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function closeSupervisionCase(
  tx: Tx,
  id: string,
  row: { by: string; note: string; at: Date },
): Promise<void> {
  await tx
    .updateTable('supervision_cases')
    .set((eb) => ({
      status: 'closed',
      closed_at: row.at,
      closed_by: row.by,
      closing_note: row.note,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute()
}
