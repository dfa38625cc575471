import type { ApplicationContext } from './application-action'
import * as q from './services.queries'

/**
 * Every notice to the applicant (受理通知书, 补正告知书, 不予受理决定书, 延期告知书, 准予/不予许可决定书…)
 * is a dated document kept as issued: written in the move's transaction, never changed afterwards
 * (migration 0034's trigger), listed on the application's page. Its title and body are Chinese
 * text, as the law has the department write them.
 */
export type NoticeKind =
  | 'receipt'
  | 'acceptance'
  | 'deemed_acceptance'
  | 'supplement'
  | 'not_accepted'
  | 'tolerance'
  | 'extension'
  | 'special_step'
  | 'approval'
  | 'refusal'
  | 'termination'
  | 'withdrawal'

export async function issueNotice(
  ctx: Pick<ApplicationContext, 'tx' | 'row' | 'actor' | 'now'>,
  notice: { kind: NoticeKind; title: string; body: string; data?: Record<string, unknown> },
): Promise<string> {
  return q.insertApplicationNotice(ctx.tx, {
    applicationId: ctx.row.id,
    kind: notice.kind,
    issuedAt: ctx.now,
    issuedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    title: notice.title,
    body: notice.body,
    data: notice.data ?? {},
  })
}
