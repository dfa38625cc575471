import crypto from 'node:crypto'
import type { Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { AppError } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { readTableRows } from '../../kernel/tabular'
import { describeUsccFailures, mobilePhone, organizationName, personName } from '../../shared/fields'
import { applyRegistryRecords, type RegistryRecord } from '../enterprises'
import { assertMaySend, USCC_COLUMN } from './facts-import.service'
import * as iq from './fact-imports.queries'

/**
 * The market-regulation department's registry (登记注册数据): for each credit code the registered name,
 * the legal representative and the phone registered for them. Sent like any of the department's data
 * files (same permission, same per-row report, nothing half-applied); what a claim by a one-time code
 * trusts. Rows for enterprises not (yet) on the platform are kept too: they may register and claim later.
 */
export const REGISTRY_COLUMNS = {
  uscc: USCC_COLUMN,
  name: '企业名称',
  legalRepresentative: '法定代表人',
  phone: '法定代表人手机号',
} as const
const MAX_ROWS = 50_000

type RowReport = {
  row: number
  status: 'applied' | 'unchanged' | 'error'
  uscc: string | null
  facts: number
  errors?: Record<string, string>
}

const messageOf = (result: { success: false; error: { issues: { message: string }[] } }) =>
  result.error.issues[0]?.message ?? ''

/** Refuses: FORBIDDEN (not the market-regulation department or an admin), VALIDATION_FAILED (the file). */
export async function importRegistry(deps: AppDeps, actor: Actor, file: { name: string; bytes: Uint8Array }) {
  const { user, departmentId } = await assertMaySend(deps, actor, 'market_regulation')
  let rows: string[][]
  try {
    rows = await readTableRows(file.bytes)
  } catch {
    throw new AppError('VALIDATION_FAILED', { fields: { file: translate('facts.import.unreadable') } })
  }
  const [header = [], ...data] = rows
  const titles = header.map((h) => h.trim())
  const at = Object.fromEntries(
    Object.entries(REGISTRY_COLUMNS).map(([key, title]) => [key, titles.indexOf(title)]),
  ) as Record<keyof typeof REGISTRY_COLUMNS, number>
  const missing = (['uscc', 'name', 'legalRepresentative'] as const).filter((k) => at[k] < 0)
  if (missing.length)
    throw new AppError('VALIDATION_FAILED', {
      fields: {
        file: translate('facts.registry.missingColumns', {
          columns: missing.map((k) => REGISTRY_COLUMNS[k]).join('、'),
        }),
      },
    })
  if (data.length > MAX_ROWS)
    throw new AppError('VALIDATION_FAILED', {
      fields: { file: translate('facts.import.tooManyRows', { max: MAX_ROWS }) },
    })

  const reports: RowReport[] = []
  const records: RegistryRecord[] = []
  const seen = new Set<string>()
  data.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return
    const cell = (k: keyof typeof REGISTRY_COLUMNS) => (at[k] >= 0 ? (cells[at[k]] ?? '').trim() : '')
    const errors: Record<string, string> = {}
    const uscc = cell('uscc').toUpperCase()
    const problem = describeUsccFailures(uscc)
    if (problem) errors[USCC_COLUMN] = problem
    else if (seen.has(uscc)) errors[USCC_COLUMN] = translate('facts.registry.duplicate')
    const name = organizationName().safeParse(cell('name'))
    if (!name.success) errors[REGISTRY_COLUMNS.name] = messageOf(name)
    const person = personName().safeParse(cell('legalRepresentative'))
    if (!person.success) errors[REGISTRY_COLUMNS.legalRepresentative] = messageOf(person)
    const rawPhone = cell('phone')
    const phone = rawPhone ? mobilePhone.safeParse(rawPhone) : undefined
    if (phone && !phone.success) errors[REGISTRY_COLUMNS.phone] = messageOf(phone)
    const hasErrors = Object.keys(errors).length > 0
    reports.push({
      row: i + 2,
      status: hasErrors ? 'error' : 'applied',
      uscc: uscc || null,
      facts: hasErrors ? 0 : 1,
      ...(hasErrors ? { errors } : {}),
    })
    if (hasErrors) return
    seen.add(uscc)
    records.push({
      uscc,
      name: name.data!,
      legalRepresentative: person.data!,
      legalRepresentativePhone: phone?.success ? phone.data : null,
    })
  })

  const sha256 = crypto.createHash('sha256').update(file.bytes).digest('hex')
  return deps.db.transaction().execute(async (tx) => {
    const record = await iq.insertImport(tx, {
      source: 'market_regulation',
      departmentId,
      fileName: file.name,
      sha256,
      total: reports.length,
      applied: 0,
      failed: 0,
      report: [],
      by: user.userId,
    })
    const changed = await applyRegistryRecords(tx, records, record.id)
    // A re-sent file changes nothing: say so row by row when nothing changed at all.
    if (changed === 0) for (const r of reports) if (r.status === 'applied') r.status = 'unchanged'
    const applied = reports.filter((r) => r.status !== 'error').length
    const failed = reports.length - applied
    await iq.finishImport(tx, record.id, { applied, failed, report: reports })
    await writeAudit(tx, user, {
      action: 'facts.import_registry',
      entityType: 'fact_import',
      entityId: record.id,
      after: { fileName: file.name, sha256, rows: reports.length, applied, failed, changed },
    })
    return {
      id: record.id,
      source: 'market_regulation' as const,
      fileName: file.name,
      rowsTotal: reports.length,
      rowsApplied: applied,
      rowsFailed: failed,
      rows: reports,
      importedAt: record.imported_at.toISOString(),
    }
  })
}
