import type { UserActor } from '../../kernel/auth/actor'
import type { Tx } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import { runApplicationActionInTransaction } from './application-action'
import * as sq from './applications-staff.queries'
import { completenessDueAt } from './application-deadlines'
import { decideOnSubmission } from './application-instant'
import { tellApplicant } from './application-intake-notices'
import type { ApplicationRow } from './services.queries'
import { checkSubmission } from './application-submission-check'

/**
 * Submits one draft inside the caller's transaction (a bundle submits its parts together): the
 * submission check, then an instant decision when the matter has one whose conditions hold;
 * otherwise the receipt (收件凭证) with the completeness check due 5 working days later (第32条).
 * Answers the application as saved.
 */
export async function submitInTransaction(
  deps: AppDeps,
  tx: Tx,
  user: UserActor,
  id: string,
): Promise<ApplicationRow> {
  return runApplicationActionInTransaction(deps, tx, user, id, 'submit', async (ctx) => {
    // the matter's version, read once for the check and the instant decision (decision 0066)
    const version = ctx.row.matter_version_id
      ? ((await sq.findVersionOf(tx, ctx.row.matter_version_id)) ?? null)
      : null
    await checkSubmission(ctx, version)
    const instant = await decideOnSubmission(ctx, version)
    if (instant)
      return { ...instant, changes: { submitted_at: ctx.now, received_at: ctx.now, ...instant.changes } }
    const calendar = await deps.calendar.calendar(tx)
    const due = completenessDueAt(calendar, ctx.now)
    await tellApplicant(
      ctx,
      calendar,
      'receipt',
      '收件凭证',
      (when) => [
        `本机关已于${when(ctx.now)}收到您的申请材料。`,
        `本机关将于${when(due)}前作出是否受理的决定；需要补正的，将一次性告知全部内容。逾期未告知的，自收到申请材料之日起即为受理（《中华人民共和国行政许可法》第三十二条）。`,
      ],
      { completenessDueAt: due.toISOString() },
    )
    return {
      changes: { submitted_at: ctx.now, received_at: ctx.now, completeness_due_at: due },
      event: { audience: 'enterprise', data: { completenessDueAt: due.toISOString() } },
    }
  })
}
