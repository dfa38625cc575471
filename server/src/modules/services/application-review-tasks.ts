import type { ApplicationContext } from './application-action'
import * as sq from './applications-staff.queries'
import { initialStatuses } from './review-progress'
import type { ReviewStep } from './services.tables'

/** When a version names no steps: a handler reviews, the department head approves (migration 0034's default). */
const DEFAULT_STEPS: ReviewStep[] = [
  { key: 'review', name: '审查', role: 'handler', stage: 1 },
  { key: 'approve', name: '审批', role: 'department_head', stage: 2 },
]

/**
 * The review steps of an accepted application: one task per step of its matter version's
 * `review_steps`, the first stage opened at once. Called in the acceptance's transaction (accept,
 * accept with tolerance, deemed acceptance). Opening twice adds nothing (a task per step, once).
 */
export async function openReviewTasks(ctx: ApplicationContext): Promise<void> {
  const { tx, row, now } = ctx
  if ((await sq.findReviewTasks(tx, row.id)).length) return
  const version = row.matter_version_id ? await sq.findVersionOf(tx, row.matter_version_id) : undefined
  const steps = version?.review_steps?.length ? version.review_steps : DEFAULT_STEPS
  const statuses = initialStatuses(steps)
  await sq.insertReviewTasks(
    tx,
    row.id,
    steps.map((s, i) => ({ ...s, status: statuses[i]! })),
    now,
  )
}
