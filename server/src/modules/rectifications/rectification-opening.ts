import { systemActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { CalendarSource } from '../../kernel/calendar/calendar-source'
import { dueAfterWorkingDays } from '../../kernel/cases/deadline'
import type { Executor, Tx } from '../../kernel/db/database'
import { describeRatedCase, onRatingRecorded, registerRateable, type RecordedRating } from '../ratings'
import { applySystemRectificationAction } from './rectification-action'
import { loadRectificationSettings } from './rectification-settings'
import * as q from './rectifications.queries'

/**
 * Where rectifications come from and how they end, through the ratings module's registry:
 * - a given bad rating (level ≤ 2) of a case with a handling unit opens a rectification in the
 *   transaction that wrote the rating, due after the configured working days (kernel calendar);
 * - a rectification is itself rateable (stage 'final') once the bureau verified the fix, and that
 *   second rating closes it. A rating of a rectification never opens another one.
 * Default ratings (默认评价) open nothing: nobody complained.
 */

/** A bad rating, as 国办发〔2019〕51号 counts it: 不满意 or 非常不满意. */
export const BAD_RATING_MAX_LEVEL = 2

/** Whether a rating opens a rectification. */
export function opensRectification(
  rating: Pick<RecordedRating, 'kind' | 'level' | 'subjectType' | 'departmentId'>,
): boolean {
  return (
    rating.kind === 'given' &&
    rating.level <= BAD_RATING_MAX_LEVEL &&
    rating.subjectType !== 'rectification' &&
    rating.departmentId !== null
  )
}

// The listener has no AppDeps: it reads the calendar through its own cache (rebuilt when the
// calendar's revision moves, as every CalendarSource is).
const calendars = new CalendarSource()

/** Opens the rectification of a bad rating (once per rating); `title` names the case when no module describes it. */
export async function openRectification(
  tx: Tx,
  rating: RecordedRating,
  title?: string,
): Promise<string | undefined> {
  const { deadlineWorkingDays } = await loadRectificationSettings(tx)
  const calendar = await calendars.calendar(tx)
  const rated = await describeRatedCase(tx, rating.subjectType, rating.subjectId, rating.stage)
  const openedAt = rating.ratedAt
  const id = await q.insertRectification(tx, {
    rating_id: rating.id,
    subject_type: rating.subjectType,
    subject_id: rating.subjectId,
    subject_title: rated?.title ?? title ?? null,
    subject_number: rated?.number ?? null,
    department_id: rating.departmentId!,
    enterprise_id: rating.enterpriseId,
    deadline_working_days: deadlineWorkingDays,
    opened_at: openedAt,
    due_at: dueAfterWorkingDays(calendar, openedAt, deadlineWorkingDays),
  })
  if (!id) return undefined // this rating already has its rectification
  await q.insertRectificationEvent(tx, id, {
    type: 'open',
    actorUserId: null,
    actorRole: 'system',
    departmentId: rating.departmentId,
    note: null,
    noteAudience: 'internal',
    data: { level: rating.level, deadlineWorkingDays },
    audience: 'enterprise',
  })
  await writeAudit(tx, systemActor('rectifications'), {
    action: 'rectification.open',
    entityType: 'rectification',
    entityId: id,
    after: { status: 'open', ratingId: rating.id, departmentId: rating.departmentId, deadlineWorkingDays },
  })
  return id
}

/** The rater's rating of the fix closes the rectification (the registry let it through only once verified). */
async function recordFixRating(tx: Tx, rating: RecordedRating): Promise<void> {
  const row = await q.lockRectification(tx, rating.subjectId)
  if (!row) return
  await applySystemRectificationAction(tx, systemActor('ratings'), row, 'rate_fix', async ({ now }) => ({
    changes: { final_rating_id: rating.id, final_level: rating.level, closed_at: now },
    event: { audience: 'enterprise', data: { level: rating.level, kind: rating.kind } },
    audit: { ratingId: rating.id, level: rating.level },
  }))
}

onRatingRecorded(async (tx, rating) => {
  if (rating.subjectType === 'rectification') await recordFixRating(tx, rating)
  else if (opensRectification(rating)) await openRectification(tx, rating)
})

registerRateable({
  subjectType: 'rectification',
  acceptsStage: (stage) => stage === 'final',
  resolve: async (db: Executor, subjectId: string) => {
    const row = await q.findRectificationRow(db, subjectId)
    if (!row) return null
    return {
      enterpriseId: row.enterprise_id ?? '',
      departmentId: row.department_id,
      rateable: row.status === 'verified' || row.status === 'feedback_given',
      closed: row.status === 'closed' || row.status === 'withdrawn',
      finishedAt: row.verified_at,
      title: row.subject_title ?? '',
      number: row.subject_number,
    }
  },
})
