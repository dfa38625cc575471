import type { WorkingCalendar } from '../../kernel/calendar/working-calendar'
import { AppError } from '../../kernel/errors'
import type { Tx } from '../../kernel/db/database'
import type { ApplicationContext } from './application-action'
import { decisionClock } from './application-deadlines'
import { tellApplicant } from './application-intake-notices'
import { openReviewTasks } from './application-review-tasks'
import * as q from './services.queries'
import type { ApplicationRow, VersionTerms } from './services.queries'

/** The terms of the version the application was opened on (an application without one cannot go on). */
export async function termsOf(tx: Tx, row: ApplicationRow): Promise<VersionTerms> {
  const terms = row.matter_version_id ? await q.findVersionTerms(tx, row.matter_version_id) : undefined
  if (!terms) throw new AppError('MATTER_NOT_PUBLISHED')
  return terms
}

/** Acceptance counts from the last material: the supplement's answer, else the receipt. */
export function acceptedFromOf(row: ApplicationRow): Date {
  return row.supplement_answered_at ?? row.received_at ?? row.submitted_at ?? row.created_at
}

/**
 * Any of the three ways in (accept, accept with tolerance, deemed): the decision clock starts from
 * `acceptedFrom`, the review steps open, and the notice of acceptance is issued.
 */
export async function acceptanceChanges(
  ctx: ApplicationContext,
  calendar: WorkingCalendar,
  terms: VersionTerms,
  how: { deemed: boolean; extraLines?: (when: (d: Date | null) => string) => string[] },
) {
  const acceptedFrom = acceptedFromOf(ctx.row)
  const clock = decisionClock(calendar, acceptedFrom, {
    promisedLimitDays: terms.promised_limit_days,
    statutoryLimitDays: terms.statutory_limit_days,
    jointHandling: ctx.row.joint_handling,
  })
  await openReviewTasks(ctx)
  const dates = (when: (d: Date | null) => string) => [
    `受理起算日：${when(acceptedFrom)}`,
    `承诺办结期限：${when(clock.decisionDueAt)}前作出决定（${terms.promised_limit_days}个工作日）`,
    `法定办结期限：${when(clock.statutoryDueAt)}`,
  ]
  if (how.deemed)
    await tellApplicant(ctx, calendar, 'deemed_acceptance', '视为受理通知', (when) => [
      `本机关未在收到申请材料之日起5个工作日内作出受理决定或告知补正，依照《中华人民共和国行政许可法》第三十二条，您的申请自收到申请材料之日起即为受理。`,
      ...dates(when),
    ])
  else if (!how.extraLines)
    await tellApplicant(ctx, calendar, 'acceptance', '受理通知书', (when) => [
      `您的申请材料齐全、符合法定形式，本机关决定予以受理。`,
      ...dates(when),
    ])
  else
    await tellApplicant(ctx, calendar, 'tolerance', '容缺受理通知书', (when) => [
      `您的申请主要材料齐全、符合法定形式，次要材料暂缺，根据您签署的容缺承诺书，本机关决定予以容缺受理。`,
      ...how.extraLines!(when),
      ...dates(when),
    ])
  return {
    accepted_at: ctx.now,
    accepted_from: acceptedFrom,
    deemed_accepted: how.deemed,
    decision_due_at: clock.decisionDueAt,
    statutory_due_at: clock.statutoryDueAt,
  }
}
