import crypto from 'node:crypto'
import { ROLES, type Role } from '../../kernel/auth/actor'
import { buildDepartment, signInAs } from '../../../test/factories'
import type { TestApp, TestClient } from '../../../test/harness'
import { findReportByReceiptHash } from './misconduct-reports.queries'
import { hashReceiptCode } from './receipt-code'

/** Test builders of misconduct reports: every role signed in, and a report filed through the app. */
export type ReportWorld = {
  inspector: TestClient
  others: Record<Exclude<Role, 'discipline_inspector'>, TestClient>
  departmentId: string
}

export async function buildReportWorld(t: TestApp): Promise<ReportWorld> {
  const department = await buildDepartment(t)
  const others = {} as ReportWorld['others']
  for (const role of ROLES)
    if (role !== 'discipline_inspector')
      others[role] = await signInAs(t, role, { departmentId: department.id })
  return { inspector: await signInAs(t, 'discipline_inspector'), others, departmentId: department.id }
}

export const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])

/** A multipart filing: the report as JSON and its files. */
export function reportForm(
  report: Record<string, unknown>,
  files: { name: string; bytes: Uint8Array }[] = [],
) {
  const form = new FormData()
  form.set('report', JSON.stringify(report))
  for (const f of files) form.append('files', new File([f.bytes], f.name))
  return form
}

export function anonymousReport(overrides: Record<string, unknown> = {}) {
  return {
    area: 'approval',
    accusedUnit: '某区行政审批局',
    text: `办理施工许可时窗口人员暗示需要“意思意思”才能加快，拖延 ${crypto.randomBytes(3).toString('hex')}`,
    isAnonymous: true,
    ...overrides,
  }
}

export function realNameReport(overrides: Record<string, unknown> = {}) {
  return anonymousReport({
    isAnonymous: false,
    reporter: {
      name: '赵小红',
      phone: '13912345678',
      contact: '大连市中山区人民路 1 号',
      consentsToNaming: false,
    },
    ...overrides,
  })
}

/** Files a report as the client (an anonymous one by default); answers the receipt code and the report's id. */
export async function fileReport(t: TestApp, report: Record<string, unknown>, client?: TestClient) {
  const res = await (client ?? t.anonymous('10.20.30.40')).post(
    '/api/v1/public/misconduct-reports',
    reportForm(report, [{ name: 'photo.png', bytes: PNG }]),
  )
  if (res.status !== 201) throw new Error(`filing failed: ${JSON.stringify(res.body)}`)
  const receiptCode = res.body.receiptCode as string
  const row = await findReportByReceiptHash(t.deps.db, hashReceiptCode(receiptCode))
  if (!row) throw new Error('the filed report is not there')
  return { receiptCode, id: row.id }
}
