import ExcelJS from 'exceljs'
import type { Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { departmentsOf, requireDepartmentStaff } from './benefits-access'
import type { PayoutLedgerInput } from './benefits.schema'
import * as q from './benefits.queries'
import { snapshotOf } from './claim-action'
import './benefits.messages'

/**
 * The paying department's payout ledger (兑现清单), the one place whole account numbers leave the
 * platform: every payout of a batch, a claim or an item with the settlement account it was recorded
 * against, as the bank or treasury file needs it. Each export is on the audit trail: who read which
 * numbers, when. The number is a text cell, so a spreadsheet never turns 19 digits into 3.4E+18.
 * Refuses: FORBIDDEN (not the department's handler or head).
 */
export async function exportPayoutLedger(
  deps: AppDeps,
  actor: Actor,
  input: PayoutLedgerInput,
): Promise<Uint8Array> {
  const viewer = await requireDepartmentStaff(deps.db, actor)
  const rows = await q.findPayoutLedger(deps.db, departmentsOf(viewer), input)
  await deps.db.transaction().execute((tx) =>
    writeAudit(tx, viewer.user, {
      action: 'benefit_payouts.export_ledger',
      entityType: 'benefit_payout',
      entityId: input.batchId ?? input.claimId ?? input.itemId ?? null,
      after: { ...input, payouts: rows.length },
    }),
  )
  const t = (key: string) => translate(`benefits.ledger.${key}`)
  const book = new ExcelJS.Workbook()
  book.creator = '营商通 Yingshang'
  const sheet = book.addWorksheet(t('sheet'))
  sheet.columns = [
    { header: t('number'), key: 'number', width: 22 },
    { header: t('item'), key: 'item', width: 30 },
    { header: t('enterprise'), key: 'enterprise', width: 32 },
    { header: t('uscc'), key: 'uscc', width: 22 },
    { header: t('accountName'), key: 'accountName', width: 32 },
    { header: t('bankName'), key: 'bankName', width: 36 },
    { header: t('accountNumber'), key: 'accountNumber', width: 26 },
    { header: t('amount'), key: 'amount', width: 14 },
    { header: t('paidOn'), key: 'paidOn', width: 12 },
    { header: t('batch'), key: 'batch', width: 38 },
    { header: t('accountVersion'), key: 'accountVersion', width: 10 },
  ]
  for (const r of rows) {
    const item = snapshotOf(r)
    const row = sheet.addRow({
      number: r.number,
      item: `${item.code} ${item.title}`,
      enterprise: r.enterprise_name,
      uscc: r.uscc,
      accountName: r.account_name ?? t('notRecorded'),
      bankName: r.bank_name ?? '',
      accountNumber: r.account_number ?? '',
      amount: Number(r.amount),
      paidOn: r.paid_on,
      batch: r.batch_id ?? '',
      accountVersion: r.account_version ?? '',
    })
    row.getCell('accountNumber').numFmt = '@'
  }
  sheet.getRow(1).font = { bold: true }
  sheet.getColumn('amount').numFmt = '#,##0.00'
  return new Uint8Array(await book.xlsx.writeBuffer())
}
