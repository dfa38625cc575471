import { registerSealedRecipient, sealedRecipientRef } from '../../kernel/notify/sealed-recipients'
import { registerMessages } from '../../kernel/i18n'
import type { Tx } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import * as q from './misconduct-reports.queries'
import { loadOrCreateSealingKey, sealingKeyFile, unseal } from './report-sealing'

/**
 * A real-name reporter is told by SMS when the report is acknowledged (accepted, not accepted or
 * transferred: 检举控告工作规则, within 15 working days) and when the result is given — the phone
 * stays sealed: the outbox names `misconduct_reporter:<report id>`, the seal is opened only at the
 * moment of sending, and the delivery record keeps the number masked (kernel/notify/sealed-recipients).
 * The text says nothing of the report: an SMS is read by whoever holds the phone. Details are behind
 * the receipt code, as for an anonymous reporter.
 */
const KIND = 'misconduct_reporter'

registerMessages('zh-CN', {
  'notify.misconductReports.acknowledged.title': '检举控告已有受理答复',
  'notify.misconductReports.acknowledged.body':
    '您提交的检举控告已有受理答复，请凭回执码在营商通“检举控告查询”查看。',
  'notify.misconductReports.result.title': '检举控告已有办理结果',
  'notify.misconductReports.result.body':
    '您提交的检举控告已有办理结果，请凭回执码在营商通“检举控告查询”查看。',
})
registerMessages('en', {
  'notify.misconductReports.acknowledged.title': 'Your report has been answered',
  'notify.misconductReports.acknowledged.body':
    'Your report has an answer on whether it is accepted; read it on Yingshang with your receipt code.',
  'notify.misconductReports.result.title': 'Your report has a result',
  'notify.misconductReports.result.body':
    'Your report has a result; read it on Yingshang with your receipt code.',
})

/** At boot, with the instance's sealing key: how the outbox finds a reporter's phone when it sends. */
export function registerReporterAddress(deps: AppDeps): void {
  const key = () => loadOrCreateSealingKey(sealingKeyFile(deps.config.auditSigningKeyFile))
  registerSealedRecipient(KIND, async (tx, reportId) => {
    const row = await q.findSealedIdentity(tx, reportId)
    return row ? { phone: unseal<{ phone: string }>(key(), reportId, row.sealed).phone } : null
  })
}

/** Tells a real-name reporter (an anonymous report has nobody to tell), in the action's transaction. */
export async function tellReporter(deps: AppDeps, tx: Tx, reportId: string, what: 'acknowledged' | 'result') {
  if (!(await q.findSealedIdentity(tx, reportId))) return
  await deps.notifier.enqueue(tx, {
    recipient: { sealed: sealedRecipientRef(KIND, reportId) },
    template: `misconductReports.${what}`,
    channels: ['sms'],
    // the answer the reporter waits for: never held back by a contact cap
    isSolicited: true,
  })
}
