import { systemActor } from '../../kernel/auth/actor'
import { AppError } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { loadRatingSettings } from './rating-settings.service'
import { rateableSubjects } from './ratings-registry'
import * as q from './ratings.queries'
import { recordDefaultRating } from './ratings.service'
import './ratings.messages'

/**
 * The ratings sweep: one invitation (inbox and SMS, through the outbox and its contact cap) when a
 * finished stage is still unrated N days later; then — only where the city enabled them — a default
 * rating once the default's days are up, kind 'default' and channel 'system', reported apart. Cases
 * rated on their own page (an appeal closes unrated by its own rule) are invited but never defaulted.
 */
const BATCH = 200
const DAY = 86_400_000
/** Stages that finished longer ago than this before their due day are left alone (a new deployment does not invite for years of history). */
const LOOK_BACK_DAYS = 14
const key = (subjectId: string, stage: string) => `${subjectId}/${stage}`

export async function sweepRatings(
  deps: AppDeps,
  now = new Date(),
): Promise<{ invited: number; defaulted: number }> {
  const { settings } = await loadRatingSettings(deps.db)
  let invited = 0
  let defaulted = 0
  for (const subject of rateableSubjects()) {
    if (!subject.listRateable) continue
    const due = await subject.listRateable(deps.db, {
      finishedBefore: new Date(now.getTime() - settings.inviteAfterDays * DAY),
      finishedAfter: new Date(now.getTime() - (settings.inviteAfterDays + LOOK_BACK_DAYS) * DAY),
      limit: BATCH,
    })
    const ids = due.map((s) => s.subjectId)
    const [rated, done] = await Promise.all([
      q.findRatedStages(deps.db, subject.subjectType, ids),
      q.findInvitedStages(deps.db, subject.subjectType, ids),
    ])
    for (const s of due) {
      const k = key(s.subjectId, s.stage)
      if (rated.has(k) || done.has(k) || !s.case.rateable) continue
      const sent = await deps.db.transaction().execute(async (tx) => {
        const inserted = await q.insertInvitation(tx, {
          subjectType: subject.subjectType,
          subjectId: s.subjectId,
          stage: s.stage,
          enterpriseId: s.case.enterpriseId,
          at: now,
        })
        if (!inserted) return false
        await deps.notifier.enqueue(tx, {
          recipient: { enterpriseId: s.case.enterpriseId },
          template: 'rating.invitation',
          params: { title: s.case.title, number: s.case.number ?? '' },
          channels: ['inbox', 'sms'],
        })
        return true
      })
      if (sent) invited++
    }
    if (!settings.defaultRatings.enabled || subject.ratedThroughCase) continue
    const expired = await subject.listRateable(deps.db, {
      finishedBefore: new Date(now.getTime() - settings.defaultRatings.afterDays * DAY),
      finishedAfter: new Date(now.getTime() - (settings.defaultRatings.afterDays + LOOK_BACK_DAYS) * DAY),
      limit: BATCH,
    })
    const ratedNow = await q.findRatedStages(
      deps.db,
      subject.subjectType,
      expired.map((s) => s.subjectId),
    )
    for (const s of expired) {
      if (ratedNow.has(key(s.subjectId, s.stage)) || !s.case.rateable) continue
      const written = await deps.db
        .transaction()
        .execute(async (tx) => {
          // Another node or the rater may have won in between: the unique index answers, nothing doubles.
          const found = await subject.resolve(tx, s.subjectId, s.stage)
          if (!found?.rateable) return false
          await recordDefaultRating(
            tx,
            systemActor('rating-default'),
            { subjectType: subject.subjectType, subjectId: s.subjectId, stage: s.stage },
            found,
            settings.defaultRatings.level,
            now,
          )
          return true
        })
        .catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'RATING_ALREADY_GIVEN') return false
          throw error
        })
      if (written) defaulted++
    }
  }
  return { invited, defaulted }
}
