import { notifyApplicant } from '../../kernel/cases/outbox'
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

/** Issues a notice and tells the applicant of it in its inbox: the notice and the message in one statement. */
export async function issueNotice(
  ctx: Pick<ApplicationContext, 'deps' | 'tx' | 'row' | 'actor' | 'now'>,
  notice: { kind: NoticeKind; title: string; body: string; data?: Record<string, unknown> },
  message: { template: string; params: Record<string, string> },
): Promise<void> {
  const insert = q.applicationNoticeInsert(ctx.tx, {
    applicationId: ctx.row.id,
    kind: notice.kind,
    issuedAt: ctx.now,
    issuedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    title: notice.title,
    body: notice.body,
    data: notice.data ?? {},
  })
  await notifyApplicant(ctx.deps.notifier, ctx.tx, ctx.row.enterprise_id, message, insert)
}
