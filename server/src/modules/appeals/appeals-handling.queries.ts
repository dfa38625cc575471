import type { Executor, Tx } from '../../kernel/db/database'
import type { Audience } from '../../kernel/timeline/audience'

/** Contacts with the enterprise and co-handlers' parts: what a department recorded while handling. */

export async function insertContact(
  tx: Tx,
  row: {
    appealId: string
    cycle: number
    departmentId: string
    method: 'phone' | 'visit' | 'message'
    contactPerson: string | null
    contactedAt: Date
    note: string
    noteAudience: Audience
    by: string
  },
): Promise<void> {
  await tx
    .insertInto('appeal_contacts')
    .values({
      appeal_id: row.appealId,
      cycle: row.cycle,
      department_id: row.departmentId,
      method: row.method,
      contact_person: row.contactPerson,
      contacted_at: row.contactedAt,
      note: row.note,
      note_audience: row.noteAudience,
      recorded_by: row.by,
    })
    .execute()
}

export async function findContacts(db: Executor, appealId: string) {
  return db
    .selectFrom('appeal_contacts as c')
    .innerJoin('departments as d', 'd.id', 'c.department_id')
    .selectAll('c')
    .select('d.name as department_name')
    .where('c.appeal_id', '=', appealId)
    .orderBy('c.recorded_at')
    .execute()
}

export async function insertCoPart(
  tx: Tx,
  row: {
    appealId: string
    assignmentId: string
    cycle: number
    departmentId: string
    body: string
    by: string
  },
) {
  return tx
    .insertInto('appeal_co_parts')
    .values({
      appeal_id: row.appealId,
      assignment_id: row.assignmentId,
      cycle: row.cycle,
      department_id: row.departmentId,
      body: row.body,
      written_by: row.by,
    })
    .onConflict((oc) => oc.columns(['assignment_id', 'cycle']).doNothing())
    .returningAll()
    .executeTakeFirst()
}

export async function findCoParts(db: Executor, appealId: string) {
  return db
    .selectFrom('appeal_co_parts as p')
    .innerJoin('departments as d', 'd.id', 'p.department_id')
    .selectAll('p')
    .select('d.name as department_name')
    .where('p.appeal_id', '=', appealId)
    .orderBy('p.written_at')
    .execute()
}
