import { sql } from 'kysely'
import type { Executor } from '../../kernel/db/database'
import type { SummaryQuery } from './appeals-list.queries'

/** Counts for the staff's worklists and queue tabs: each reuses a list's own query, so tab and list agree. */

export async function countOf(query: SummaryQuery): Promise<number> {
  const row = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number((row as unknown as { n: number }).n)
}

const NONE = ['00000000-0000-0000-0000-000000000000']

/** Assignments of the departments (lead or co-handler) not yet signed for, on appeals still open. */
export async function countUnsigned(db: Executor, departmentIds: string[]): Promise<number> {
  const row = await db
    .selectFrom('appeal_assignments as s')
    .innerJoin('appeals as a', 'a.id', 's.appeal_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('s.is_current', '=', true)
    .where('s.signed_at', 'is', null)
    .where('s.department_id', 'in', departmentIds.length ? departmentIds : NONE)
    .where('a.status', 'in', ['dispatched', 'handling', 'paused', 'awaiting_approval'])
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Co-handling parts the departments owe in the appeal's current round. */
export async function countPartsOwed(db: Executor, departmentIds: string[]): Promise<number> {
  const row = await db
    .selectFrom('appeal_assignments as s')
    .innerJoin('appeals as a', 'a.id', 's.appeal_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('s.is_current', '=', true)
    .where('s.role', '=', 'co')
    .where('s.department_id', 'in', departmentIds.length ? departmentIds : NONE)
    .where('a.status', 'in', ['dispatched', 'handling', 'paused'])
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM appeal_co_parts p WHERE p.assignment_id = s.id AND p.cycle = a.cycle)`,
    )
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function countPendingReturnVisits(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('appeal_return_visits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
