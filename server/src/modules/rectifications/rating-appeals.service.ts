import { writeAudit } from '../../kernel/audit/audit'
import { requireRole, type Actor, type UserActor } from '../../kernel/auth/actor'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import { countExcludedRatings, excludeRating, findRatingForReview } from '../ratings'
import { RATING_APPEAL_TABLE } from './rating-appeal-states'
import {
  applySystemRectificationAction,
  isBureauReader,
  READER_ROLES,
  rolesOnUnitCase,
  runRatingAppealAction,
  UNIT_ROLES,
  unitDepartments,
} from './rectification-action'
import { presentFile } from './rectification-files'
import { RECTIFICATION_TABLE } from './rectification-states'
import type {
  DecideRatingAppealInput,
  ExcludedRatings,
  FileRatingAppealInput,
  RatingAppeal,
  RatingAppealList,
} from './rectifications.schema'
import * as q from './rectifications.queries'
import type { RatingAppealDetailRow } from './rectifications.queries'

/**
 * Rating appeals (评价申诉): the handling unit contests a rating of its own work it believes mistaken
 * or malicious, with its reason and evidence; the bureau's task force upholds or rejects it with
 * reasons. An upheld appeal excludes the rating from every figure (the ratings module's
 * excludeRating, reason = the class), withdraws its rectification, and the public statistics count
 * it. One open appeal per rating.
 */

const presentColumns = definePresenter({
  id: 'id',
  ratingId: 'rating_id',
  status: 'status',
  departmentId: 'department_id',
  departmentName: 'department_name',
  reasonClass: 'reason_class',
  reason: 'reason',
  filedAt: 'filed_at',
  decidedAt: 'decided_at',
  decisionReason: 'decision_reason',
  rectificationId: 'rectification_id',
  version: 'version',
})

function present(row: RatingAppealDetailRow, user: UserActor) {
  const roles = rolesOnUnitCase(user, row.department_id)
  return {
    ...presentColumns(row),
    rating: {
      level: row.rating_level,
      comment: row.rating_comment,
      subjectType: row.rating_subject_type,
      ratedAt: row.rating_rated_at.toISOString(),
      excluded: row.rating_excluded_at !== null,
    },
    canDecide:
      RATING_APPEAL_TABLE.mayTake('uphold', roles) && RATING_APPEAL_TABLE.move(row.status, 'uphold').ok,
    canAttach:
      RATING_APPEAL_TABLE.mayTake('attach_evidence', roles) &&
      RATING_APPEAL_TABLE.move(row.status, 'attach_evidence').ok,
  }
}

/**
 * The unit files an appeal of a rating of its own work. Refuses: FORBIDDEN (not a handler or head),
 * NOT_FOUND (no such rating, or another unit's), RATING_ALREADY_EXCLUDED, RATING_APPEAL_ALREADY_OPEN.
 */
export async function fileRatingAppeal(
  deps: AppDeps,
  actor: Actor,
  input: FileRatingAppealInput,
): Promise<RatingAppeal> {
  const user = requireRole(actor, ...UNIT_ROLES)
  const id = await deps.db.transaction().execute(async (tx) => {
    const rating = await findRatingForReview(tx, input.ratingId)
    if (!rating || !rating.department_id || !unitDepartments(user).includes(rating.department_id))
      throw notFound()
    if (rating.excluded_at) throw new AppError('RATING_ALREADY_EXCLUDED')
    const id = await q.insertRatingAppeal(tx, {
      rating_id: rating.id,
      department_id: rating.department_id,
      reason_class: input.reasonClass,
      reason: input.reason,
      filed_by: user.userId,
      filed_at: new Date(),
    })
    if (!id) throw new AppError('RATING_APPEAL_ALREADY_OPEN')
    await q.insertRatingAppealEvent(tx, id, {
      type: 'file',
      actorUserId: user.userId,
      actorRole: 'handler',
      departmentId: rating.department_id,
      note: input.reason,
      noteAudience: 'internal',
      data: { reasonClass: input.reasonClass },
      audience: 'internal',
    })
    await writeAudit(tx, user, {
      action: 'rating_appeal.file',
      entityType: 'rating_appeal',
      entityId: id,
      after: { status: 'open', ratingId: rating.id, reasonClass: input.reasonClass },
    })
    return id
  })
  return getRatingAppeal(deps, user, id)
}

/** Appeals, open ones first: the bureau sees all, a unit its own. Refuses: FORBIDDEN. */
export async function listRatingAppeals(
  deps: AppDeps,
  actor: Actor,
  filter: { status?: string | undefined },
): Promise<RatingAppealList> {
  const user = requireRole(actor, ...READER_ROLES)
  const departmentIds = isBureauReader(user) ? null : unitDepartments(user)
  if (departmentIds !== null && departmentIds.length === 0) throw new AppError('FORBIDDEN')
  const rows = await q.findRatingAppeals(deps.db, departmentIds, filter.status)
  return { items: rows.map((r) => present(r, user)) }
}

/** One appeal with its rating and evidence. Refuses: FORBIDDEN, NOT_FOUND. */
export async function getRatingAppeal(deps: AppDeps, actor: Actor, id: string): Promise<RatingAppeal> {
  const user = requireRole(actor, ...READER_ROLES)
  const row = await q.findRatingAppealDetail(deps.db, id)
  if (!row) throw notFound()
  if (!isBureauReader(user) && !unitDepartments(user).includes(row.department_id)) throw notFound()
  const files = await q.findFiles(deps.db, { ratingAppealId: id })
  return { ...present(row, user), files: files.map(presentFile) }
}

/**
 * The bureau decides, with reasons. Upheld: the rating is excluded (its reason the appeal's class)
 * and its rectification, if still running, withdrawn — in the same transaction. Refuses: FORBIDDEN
 * (not the task force, or of the unit itself), NOT_FOUND, RATING_APPEAL_DECIDED, VERSION_CONFLICT.
 */
export async function decideRatingAppeal(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: DecideRatingAppealInput,
): Promise<RatingAppeal> {
  const user = requireRole(actor, 'dispatcher')
  await runRatingAppealAction(deps, user, id, input.decision, async ({ tx, row, now }) => {
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT')
    const changes = { decided_by: user.userId, decided_at: now, decision_reason: input.reason }
    if (input.decision === 'reject') return { changes, event: { note: input.reason } }
    await excludeRating(tx, { ratingId: row.rating_id, reason: row.reason_class, at: now })
    const rectificationId = await q.findRectificationIdByRating(tx, row.rating_id)
    const rectification = rectificationId ? await q.lockRectification(tx, rectificationId) : undefined
    if (rectification && RECTIFICATION_TABLE.move(rectification.status, 'withdraw').ok)
      await applySystemRectificationAction(tx, user, rectification, 'withdraw', async () => ({
        changes: { withdrawn_at: now },
        event: { audience: 'enterprise', data: { ratingAppealId: row.id } },
        audit: { ratingAppealId: row.id },
      }))
    return {
      changes,
      event: { note: input.reason, data: { rectificationId: rectification?.id ?? null } },
      audit: { ratingId: row.rating_id, excluded: true },
    }
  })
  return getRatingAppeal(deps, user, id)
}

/** The public statistics: how many ratings upheld appeals excluded, by reason class. No personal data. */
export async function getExcludedRatings(deps: AppDeps): Promise<ExcludedRatings> {
  const byReason = await countExcludedRatings(deps.readDb)
  return { total: byReason.reduce((sum, r) => sum + r.count, 0), byReason }
}
