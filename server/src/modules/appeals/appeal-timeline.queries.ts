import type { Executor, Tx } from '../../kernel/db/database'
import type { Audience } from '../../kernel/timeline/audience'

/** The appeal's timeline of events. */

/** The event's INSERT, not sent: the case kit sends it together with the move's audit row (one statement). */
export function eventInsert(
  tx: Tx,
  row: {
    appealId: string
    type: string
    actorUserId: string | null
    actorRole: string | null
    departmentId?: string | null
    note?: string | null
    noteAudience?: Audience
    data?: Record<string, unknown>
    audience: Audience
  },
) {
  return tx.insertInto('appeal_events').values({
    appeal_id: row.appealId,
    type: row.type,
    actor_user_id: row.actorUserId,
    actor_role: row.actorRole,
    department_id: row.departmentId ?? null,
    note: row.note ?? null,
    note_audience: row.noteAudience ?? 'internal',
    data: JSON.stringify(row.data ?? {}),
    audience: row.audience,
  })
}

export async function insertEvent(...args: Parameters<typeof eventInsert>): Promise<void> {
  await eventInsert(...args).execute()
}

/** The whole timeline; the enterprise's view picks from it by its allow-list (appeal-enterprise-view.ts). */
export async function findEvents(db: Executor, appealId: string) {
  return db
    .selectFrom('appeal_events as e')
    .leftJoin('departments as d', 'd.id', 'e.department_id')
    .select([
      'e.id',
      'e.at',
      'e.type',
      'e.actor_role',
      'e.note',
      'e.note_audience',
      'e.audience',
      'e.data',
      'd.name as department_name',
    ])
    .where('e.appeal_id', '=', appealId)
    .orderBy('e.id')
    .execute()
}
