import type { Executor, Tx } from '../../kernel/db/database'

/** Time off and added to the clock: pauses while waiting on someone, extensions the task force approves. */

export async function insertPause(
  tx: Tx,
  row: {
    appealId: string
    reason: 'awaiting_enterprise' | 'awaiting_third_party'
    note: string
    at: Date
    by: string
  },
) {
  await tx
    .insertInto('appeal_pauses')
    .values({
      appeal_id: row.appealId,
      reason: row.reason,
      note: row.note,
      started_at: row.at,
      started_by: row.by,
    })
    .execute()
}

export async function endOpenPause(tx: Tx, appealId: string, at: Date, by: string | null): Promise<void> {
  await tx
    .updateTable('appeal_pauses')
    .set({ ended_at: at, ended_by: by })
    .where('appeal_id', '=', appealId)
    .where('ended_at', 'is', null)
    .execute()
}

export async function insertExtension(
  tx: Tx,
  row: { appealId: string; departmentId: string; workingDays: number; reason: string; by: string },
) {
  return tx
    .insertInto('appeal_extensions')
    .values({
      appeal_id: row.appealId,
      department_id: row.departmentId,
      working_days: row.workingDays,
      reason: row.reason,
      requested_by: row.by,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function findExtensions(db: Executor, appealId: string) {
  return db
    .selectFrom('appeal_extensions')
    .selectAll()
    .where('appeal_id', '=', appealId)
    .orderBy('requested_at')
    .execute()
}

export async function recordExtensionDecision(
  tx: Tx,
  id: string,
  row: { approve: boolean; by: string; note: string | null },
) {
  return tx
    .updateTable('appeal_extensions')
    .set({
      status: row.approve ? 'approved' : 'rejected',
      decided_by: row.by,
      decided_at: new Date(),
      decision_note: row.note,
    })
    .where('id', '=', id)
    .where('status', '=', 'requested')
    .returningAll()
    .executeTakeFirst()
}
