import type { Insertable, Updateable } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'
import type { AppealAssignmentsTable } from './appeals.tables'

/** Dispatches: which departments lead and co-handle an appeal, signed for or returned. */

export async function insertAssignment(tx: Tx, values: Insertable<AppealAssignmentsTable>) {
  return tx.insertInto('appeal_assignments').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function findAssignments(db: Executor, appealId: string) {
  return db
    .selectFrom('appeal_assignments as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .selectAll('a')
    .select('d.name as department_name')
    .where('a.appeal_id', '=', appealId)
    .orderBy('a.dispatched_at')
    .execute()
}

export async function endCurrentAssignments(tx: Tx, appealId: string): Promise<void> {
  await tx
    .updateTable('appeal_assignments')
    .set({ is_current: false })
    .where('appeal_id', '=', appealId)
    .where('is_current', '=', true)
    .execute()
}

export async function updateAssignment(
  tx: Tx,
  id: string,
  changes: Updateable<AppealAssignmentsTable>,
): Promise<void> {
  await tx.updateTable('appeal_assignments').set(changes).where('id', '=', id).execute()
}
