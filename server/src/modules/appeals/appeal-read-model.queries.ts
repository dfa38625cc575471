import { sql } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'

/**
 * The appeals row's read model (next due instant, clock outcomes, latest rating, lead): kept current by
 * each write, rebuilt from history for a bulk load or a repair.
 */

/** Keeps appeals.next_due_at equal to the nearest due instant of the appeal's running clocks. */
export async function refreshNextDue(tx: Tx, appealId: string): Promise<void> {
  await tx
    .updateTable('appeals')
    .set((eb) => ({
      next_due_at: eb
        .selectFrom('appeal_clocks')
        .select((k) => k.fn.min('due_at').as('d'))
        .where('appeal_id', '=', appealId)
        .where('stopped_at', 'is', null),
    }))
    .where('id', '=', appealId)
    .execute()
}

/** Records on the appeal row how a stopped clock ended, for the figures (void clocks record nothing). */
export async function recordClockOutcome(
  tx: Tx,
  appealId: string,
  kind: string,
  cycle: number,
  isMet: boolean,
): Promise<void> {
  if (kind === 'first_contact' && cycle === 1) {
    await tx.updateTable('appeals').set({ first_contact_met: isMet }).where('id', '=', appealId).execute()
  } else if (kind === 'resolution') {
    await tx
      .updateTable('appeals')
      .set(
        isMet
          ? { resolution_met: sql`resolution_met + 1` }
          : { resolution_missed: sql`resolution_missed + 1` },
      )
      .where('id', '=', appealId)
      .execute()
  }
}

/**
 * Recomputes the read model of every appeal from its history (assignments, clocks, ratings), set by
 * set. For a bulk load or a repair; everyday writes keep it current in their own transaction.
 */
export async function recomputeAppealReadModel(db: Executor): Promise<void> {
  await sql`UPDATE appeals a SET lead_department_id = s.department_id
              FROM (SELECT DISTINCT ON (appeal_id) appeal_id, department_id FROM appeal_assignments
                     WHERE role = 'lead' ORDER BY appeal_id, is_current DESC, dispatched_at DESC) s
             WHERE s.appeal_id = a.id`.execute(db)
  await sql`UPDATE appeals a SET next_due_at = k.due
              FROM (SELECT appeal_id, min(due_at) AS due FROM appeal_clocks WHERE stopped_at IS NULL GROUP BY appeal_id) k
             WHERE k.appeal_id = a.id`.execute(db)
  await sql`UPDATE appeals a SET latest_solved = r.solved, latest_level = r.level
              FROM (SELECT DISTINCT ON (appeal_id) appeal_id, solved, level FROM appeal_ratings ORDER BY appeal_id, cycle DESC) r
             WHERE r.appeal_id = a.id`.execute(db)
  await sql`UPDATE appeals a SET first_contact_met = k.is_met, resolution_met = k.met, resolution_missed = k.missed
              FROM (SELECT appeal_id,
                           bool_and(is_met) FILTER (WHERE kind = 'first_contact' AND cycle = 1) AS is_met,
                           count(*) FILTER (WHERE kind = 'resolution' AND is_met)::int AS met,
                           count(*) FILTER (WHERE kind = 'resolution' AND is_met = false)::int AS missed
                      FROM appeal_clocks GROUP BY appeal_id) k
             WHERE k.appeal_id = a.id`.execute(db)
}
