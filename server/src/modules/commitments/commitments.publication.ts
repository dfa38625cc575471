import type { AppDeps } from '../../kernel/http/app-env'
import type { Publication } from './commitments.schema'
import * as q from './commitments.queries'

/**
 * The yearly publication of overdue payments (保障中小企业款项支付条例: count and amount of overdue
 * contracts, published by 31 March of the next year), produced by the platform from the ledger.
 * Public: aggregates per owning unit, no enterprise named.
 */
export async function publicationOf(deps: AppDeps, year: number): Promise<Publication> {
  const asOf = `${year}-12-31`
  const rows = await q.overdueAtYearEnd(deps.db, asOf)
  const units = rows.map((r) => ({
    departmentName: r.department_name,
    overdueCount: Number(r.overdue_count),
    overdueAmountFen: Number(r.overdue_amount_fen),
  }))
  return {
    year,
    dueBy: `${year + 1}-03-31`,
    asOf,
    overdueCount: units.reduce((s, u) => s + u.overdueCount, 0),
    overdueAmountFen: units.reduce((s, u) => s + u.overdueAmountFen, 0),
    units,
  }
}

/** The same as CSV (UTF-8 with a byte-order mark so spreadsheet programs read the Chinese right). */
export async function publicationCsv(deps: AppDeps, year: number): Promise<string> {
  const p = await publicationOf(deps, year)
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
  const lines = [
    ['单位 unit', '逾期合同数 overdue contracts', '逾期金额(元) overdue amount (yuan)'].join(','),
    ...p.units.map((u) =>
      [cell(u.departmentName), String(u.overdueCount), yuan(u.overdueAmountFen)].join(','),
    ),
    ['合计 total', String(p.overdueCount), yuan(p.overdueAmountFen)].join(','),
  ]
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
