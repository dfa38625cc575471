import type { Executor, Tx } from '../../kernel/db/database'

/** A department's answers and the head's approval of them. */

export async function insertReply(
  tx: Tx,
  row: {
    appealId: string
    cycle: number
    departmentId: string
    body: string
    status: 'pending_approval' | 'approved'
    by: string
    missingPartsReason: string | null
  },
) {
  return tx
    .insertInto('appeal_replies')
    .values({
      appeal_id: row.appealId,
      cycle: row.cycle,
      department_id: row.departmentId,
      body: row.body,
      status: row.status,
      written_by: row.by,
      missing_parts_reason: row.missingPartsReason,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function findReplies(db: Executor, appealId: string) {
  return db
    .selectFrom('appeal_replies as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .selectAll('r')
    .select('d.name as department_name')
    .where('r.appeal_id', '=', appealId)
    .orderBy('r.written_at')
    .execute()
}

export async function recordReplyDecision(
  tx: Tx,
  id: string,
  row: { approve: boolean; by: string; note: string | null },
) {
  return tx
    .updateTable('appeal_replies')
    .set({
      status: row.approve ? 'approved' : 'rejected',
      decided_by: row.by,
      decided_at: new Date(),
      decision_note: row.note,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending_approval')
    .returningAll()
    .executeTakeFirst()
}
