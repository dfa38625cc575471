import type { WorkingCalendar } from '../../kernel/calendar/working-calendar'
import { formatInstant } from '../../kernel/calendar/zoned-time'
import type { ApplicationContext } from './application-action'
import { issueNotice, type NoticeKind } from './application-notices'

/**
 * The notices of intake and of the clock, in the words the law has the department use (Chinese, as
 * issued), each dated and kept (issueNotice) and announced in the applicant's inbox.
 */
export async function tellApplicant(
  ctx: ApplicationContext,
  calendar: WorkingCalendar,
  kind: NoticeKind,
  title: string,
  lines: (when: (d: Date | null) => string) => string[],
  data: Record<string, unknown> = {},
): Promise<void> {
  const when = (d: Date | null) => (d ? formatInstant(d, calendar.timeZone) : '—')
  const body = [`${ctx.row.title}`, ...lines(when), `${when(ctx.now)}`].join('\n')
  await issueNotice(
    ctx,
    { kind, title, body, data },
    { template: 'services.application_notice', params: { title: ctx.row.title, notice: title } },
  )
}
