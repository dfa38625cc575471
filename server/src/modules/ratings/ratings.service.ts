import crypto from 'node:crypto'
import { hasRole, requireRole, type Actor, type UserActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import type { Tx } from '../../kernel/db/database'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import { requireEnterpriseAccess } from '../enterprises'
import { flagWindows, ratingFlags, type RatingFlag } from './rating-flags'
import { loadRatingSettings } from './rating-settings.service'
import {
  notifyRatingRecorded,
  rateableSubject,
  rateableSubjects,
  type RateableCase,
  type RecordedRating,
} from './ratings-registry'
import * as q from './ratings.queries'
import type { CaseRatings, MyRatings, RateCaseInput, Rating } from './ratings.schema'
import type { RatingSubjectType, RatingsTable } from './ratings.tables'
import type { Selectable } from 'kysely'

/**
 * One rating model for every case (好差评, 国办发〔2019〕51号, GB/T 39734): a person acting for the
 * case's enterprise rates a finished stage once; the rating is flagged when it looks unusual, told to
 * the listeners (rectification of a bad one, supervision of repeated ones) and audited, all in one
 * transaction. The handling unit reads its ratings without the rater until the case is closed; the
 * bureau reads everything.
 */

const BUREAU = ['dispatcher', 'bureau_leader'] as const
const UNIT = ['handler', 'department_head'] as const

/** What the rater wrote; the case's facts come from its module (resolve) or its own flow. */
export type RatingContent = {
  level: number
  efficiency?: number | null | undefined
  guideAccuracy?: number | null | undefined
  convenience?: number | null | undefined
  usability?: number | null | undefined
  comment?: string | null | undefined
  deviceId?: string | undefined
}

/** The device's id never leaves the request: only a hash is kept, to see one device rate many cases. */
export function hashDevice(deviceId: string | undefined): string | null {
  if (!deviceId) return null
  return crypto.createHash('sha256').update(`rating-device\0${deviceId}`).digest('hex')
}

/**
 * Writes one rating in the caller's transaction: flags, row, audit, listeners.
 * Refuses: RATING_ALREADY_GIVEN (the stage is rated; nothing is written).
 */
async function writeRating(
  tx: Tx,
  actor: Actor,
  subject: { subjectType: RatingSubjectType; subjectId: string; stage: string },
  found: Pick<RateableCase, 'enterpriseId' | 'departmentId'>,
  content: RatingContent,
  kind: 'given' | 'default',
  ratedAt = new Date(),
): Promise<RecordedRating> {
  const { settings } = await loadRatingSettings(tx)
  const comment = content.comment?.trim() || null
  const deviceHash = kind === 'given' ? hashDevice(content.deviceId) : null
  let flags: RatingFlag[] = []
  if (kind === 'given') {
    const windows = flagWindows(ratedAt, settings.flags)
    const [identicalEarlier, deviceOtherCases, lastStaffActionAt] = await Promise.all([
      q.countIdenticalRatings(tx, {
        departmentId: found.departmentId,
        level: content.level,
        comment,
        since: windows.burstSince,
        until: ratedAt,
      }),
      deviceHash
        ? q.countDeviceOtherCases(tx, {
            deviceHash,
            subjectId: subject.subjectId,
            since: windows.deviceSince,
            until: ratedAt,
          })
        : Promise.resolve(0),
      q.findLastStaffActionAt(tx, {
        subjectId: subject.subjectId,
        since: windows.actionSince,
        until: ratedAt,
      }),
    ])
    flags = ratingFlags({ ratedAt, lastStaffActionAt, identicalEarlier, deviceOtherCases }, settings.flags)
  }
  const ratedBy = kind === 'given' && actor.kind === 'user' ? actor.userId : null
  const row = await q.insertRating(tx, {
    ...subject,
    departmentId: found.departmentId,
    enterpriseId: found.enterpriseId,
    kind,
    channel: kind === 'default' ? 'system' : 'online',
    level: content.level,
    efficiency: content.efficiency ?? null,
    guideAccuracy: content.guideAccuracy ?? null,
    convenience: content.convenience ?? null,
    usability: content.usability ?? null,
    comment,
    ratedBy,
    deviceHash,
    ratedAt,
    flags,
  })
  if (!row) throw new AppError('RATING_ALREADY_GIVEN')
  await writeAudit(tx, actor, {
    action: kind === 'default' ? 'rating.record_default' : 'rating.record',
    entityType: 'rating',
    entityId: row.id,
    after: { ...subject, level: row.level, kind, flags },
  })
  const recorded: RecordedRating = {
    id: row.id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    stage: row.stage,
    departmentId: row.department_id,
    enterpriseId: row.enterprise_id,
    kind: row.kind,
    level: row.level,
    comment: row.comment,
    ratedBy: row.rated_by,
    ratedAt: row.rated_at,
  }
  await notifyRatingRecorded(tx, recorded)
  return recorded
}

const presentRatingRow = definePresenter({
  id: 'id',
  subjectType: 'subject_type',
  subjectId: 'subject_id',
  stage: 'stage',
  kind: 'kind',
  channel: 'channel',
  level: 'level',
  efficiency: 'efficiency',
  guideAccuracy: 'guide_accuracy',
  convenience: 'convenience',
  usability: 'usability',
  comment: 'comment',
  ratedAt: 'rated_at',
})
type RatingRow = Omit<
  Selectable<RatingsTable>,
  'rated_by' | 'department_id' | 'enterprise_id' | 'device_hash' | 'flags' | 'excluded_reason'
>
const presentRating = (row: RatingRow): Rating => ({
  ...presentRatingRow(row),
  excluded: row.excluded_at !== null,
})

/**
 * The enterprise rates a finished stage of one of its cases.
 * Refuses: FORBIDDEN (not an enterprise user), NOT_FOUND (no such case or stage, or not a case of
 * an enterprise the caller acts for — nobody rates for someone else), RATING_THROUGH_CASE (rated on
 * the case's own page), RATING_NOT_RATEABLE (not finished), RATING_ALREADY_GIVEN.
 */
export async function rateCase(deps: AppDeps, actor: Actor, input: RateCaseInput): Promise<Rating> {
  const user = requireRole(actor, 'enterprise')
  const subject = rateableSubject(input.subjectType)
  if (!subject || !subject.acceptsStage(input.stage)) throw notFound()
  return deps.db.transaction().execute(async (tx) => {
    const found = await subject.resolve(tx, input.subjectId, input.stage)
    if (!found) throw notFound()
    await requireEnterpriseAccess(tx, user, found.enterpriseId, 'act')
    if (subject.ratedThroughCase) throw new AppError('RATING_THROUGH_CASE')
    if (!found.rateable) throw new AppError('RATING_NOT_RATEABLE')
    const recorded = await writeRating(
      tx,
      user,
      { subjectType: input.subjectType, subjectId: input.subjectId, stage: input.stage },
      found,
      input,
      'given',
    )
    return presentRating({
      id: recorded.id,
      subject_type: recorded.subjectType,
      subject_id: recorded.subjectId,
      stage: recorded.stage,
      kind: recorded.kind,
      channel: 'online',
      level: recorded.level,
      efficiency: input.efficiency ?? null,
      guide_accuracy: input.guideAccuracy ?? null,
      convenience: input.convenience ?? null,
      usability: input.usability ?? null,
      comment: recorded.comment,
      rated_at: recorded.ratedAt,
      excluded_at: null,
    })
  })
}

/**
 * For a module whose case is rated on its own page (ratedThroughCase): writes the one rating row in
 * the module's transaction, after the module checked who rates and when. The row is flagged, audited
 * and told to the listeners as any other.
 * Refuses: RATING_ALREADY_GIVEN (the stage is rated; the caller's transaction rolls back).
 */
export async function recordCaseRating(
  tx: Tx,
  actor: UserActor,
  input: {
    subjectType: RatingSubjectType
    subjectId: string
    stage: string
    enterpriseId: string
    departmentId: string | null
  } & RatingContent,
): Promise<RecordedRating> {
  return writeRating(
    tx,
    actor,
    { subjectType: input.subjectType, subjectId: input.subjectId, stage: input.stage },
    input,
    input,
    'given',
  )
}

/** The sweep's default rating (kind 'default', channel 'system', nobody as rater). */
export async function recordDefaultRating(
  tx: Tx,
  actor: Actor,
  subject: { subjectType: RatingSubjectType; subjectId: string; stage: string },
  found: RateableCase,
  level: number,
  ratedAt: Date,
): Promise<RecordedRating> {
  return writeRating(tx, actor, subject, found, { level }, 'default', ratedAt)
}

const MINE_LIMIT = 100
const key = (subjectId: string, stage: string) => `${subjectId}/${stage}`

/**
 * The enterprise's ratings and its finished stages still to rate.
 * Refuses: FORBIDDEN (not an enterprise user), NOT_FOUND (not an enterprise the caller acts for).
 */
export async function listMyRatings(deps: AppDeps, actor: Actor, enterpriseId: string): Promise<MyRatings> {
  const user = requireRole(actor, 'enterprise')
  await requireEnterpriseAccess(deps.db, user, enterpriseId, 'act')
  const rows = await q.findEnterpriseRatings(deps.db, enterpriseId, MINE_LIMIT)
  const rated = await Promise.all(
    rows.map(async (row) => {
      const found = await rateableSubject(row.subject_type)?.resolve(deps.db, row.subject_id, row.stage)
      return { ...presentRating(row), title: found?.title ?? null, number: found?.number ?? null }
    }),
  )
  const toRate: MyRatings['toRate'] = []
  for (const subject of rateableSubjects()) {
    if (!subject.listRateable) continue
    const stages = await subject.listRateable(deps.db, { enterpriseId, limit: MINE_LIMIT })
    const done = await q.findRatedStages(
      deps.db,
      subject.subjectType,
      stages.map((s) => s.subjectId),
    )
    for (const s of stages) {
      if (done.has(key(s.subjectId, s.stage)) || !s.case.rateable) continue
      toRate.push({
        subjectType: subject.subjectType,
        subjectId: s.subjectId,
        stage: s.stage,
        title: s.case.title,
        number: s.case.number,
        finishedAt: s.case.finishedAt?.toISOString() ?? null,
        ratedThroughCase: subject.ratedThroughCase ?? false,
      })
    }
  }
  toRate.sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? ''))
  return { toRate, rated }
}

/**
 * A case's ratings for staff. The bureau (dispatcher, bureau leader) reads all of each, the flags
 * too; the handling unit (its handlers and head) reads the ratings about it — the level, comment and
 * dimensions, and who rated only once the case is closed; anybody else reads none.
 * Refuses: FORBIDDEN (not the bureau or a department's handler or head).
 */
export async function listCaseRatings(
  deps: AppDeps,
  actor: Actor,
  subjectType: RatingSubjectType,
  subjectId: string,
): Promise<CaseRatings> {
  const user = requireRole(actor, ...BUREAU, ...UNIT)
  const isBureau = BUREAU.some((r) => hasRole(user, r))
  const unitOf = new Set(
    user.roles.filter((g) => (UNIT as readonly string[]).includes(g.role)).map((g) => g.departmentId),
  )
  const rows = await q.findCaseRatings(deps.db, subjectType, subjectId)
  const visible = rows.filter((r) => isBureau || (r.department_id !== null && unitOf.has(r.department_id)))
  const subject = rateableSubject(subjectType)
  const items = await Promise.all(
    visible.map(async (row) => {
      const closed = isBureau || !!(await subject?.resolve(deps.db, subjectId, row.stage))?.closed
      const rater = closed && row.rated_by ? { id: row.rated_by, name: row.rater_name ?? '' } : null
      return {
        ...presentRating(row),
        departmentId: row.department_id,
        rater,
        raterHidden: !closed && row.rated_by !== null,
        flags: isBureau ? (row.flags as RatingFlag[]) : [],
        excludedReason: row.excluded_reason,
      }
    }),
  )
  return { items }
}
