import { cityToday } from '../../kernel/calendar/city-today'
import crypto from 'node:crypto'
import { departmentsWhere, hasRole, requireStaff, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { AppError } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { readTableRows } from '../../kernel/tabular'
import type { FactSource } from '../../shared/rules/fact-schema'
import { describeUsccFailures } from '../../shared/fields'
import { findEnterpriseIdsByUscc } from '../enterprises'
import { parseFactCell } from './fact-values'
import { cityCodeOf, isDivisionCode, loadFactSchema } from './fact-schema'
import type { FactWrite } from './enterprise-facts.service'
import * as iq from './fact-imports.queries'

/**
 * A department's data file (税务、人社、市场监管 …): one row per enterprise, a column per fact, the
 * fiscal year in its own column. What it says is verified: it wins over what the enterprise declared
 * for the same year. A row with any bad cell is refused whole (never half a row); the good rows are
 * applied together with the import record, so a crash leaves nothing; the same file again changes
 * nothing ("unchanged"). Up to 500,000 rows, applied in bulk: staged, then set-based statements.
 */
export const USCC_COLUMN = '统一社会信用代码'
export const PERIOD_COLUMN = '所属年度'
const MAX_ROWS = 500_000
const ANALYZE_AFTER_ROWS = 5_000

/** Where an import's time went, phase by phase (logged once per import). */
export class PhaseTimes {
  private last = performance.now()
  private readonly times: Record<string, number> = {}
  end(phase: string) {
    const now = performance.now()
    this.times[phase] = Math.round((this.times[phase] ?? 0) + now - this.last)
    this.last = now
  }
  all() {
    return { ...this.times }
  }
}

type RowReport = {
  row: number
  status: 'applied' | 'unchanged' | 'error'
  uscc: string | null
  facts: number
  errors?: Record<string, string>
}

/** Who may send a source's data: staff of a department that verifies it, or an administrator. */
export async function assertMaySend(deps: AppDeps, actor: Actor, source: FactSource) {
  const user = requireStaff(actor)
  if (hasRole(user, 'admin')) return { user, departmentId: user.departmentId }
  const mine = [...departmentsWhere(user, 'handler'), ...departmentsWhere(user, 'department_head')]
  const allowed = (await iq.findSourceDepartments(deps.db)).filter((r) => r.source === source)
  const match = allowed.find((r) => mine.includes(r.department_id))
  if (!match) throw new AppError('FORBIDDEN')
  return { user, departmentId: match.department_id }
}

/** Refuses: FORBIDDEN (not a department that verifies this source), VALIDATION_FAILED (not a table, no credit-code column, unknown columns, too many rows). */
export async function importFacts(
  deps: AppDeps,
  actor: Actor,
  source: Exclude<FactSource, 'profile' | 'declared'>,
  file: { name: string; bytes: Uint8Array },
) {
  const { user, departmentId } = await assertMaySend(deps, actor, source)
  const phases = new PhaseTimes()
  let rows: string[][]
  try {
    rows = await readTableRows(file.bytes)
  } catch {
    throw new AppError('VALIDATION_FAILED', { fields: { file: translate('facts.import.unreadable') } })
  }
  const [header = [], ...data] = rows
  phases.end('parse')
  const loaded = await loadFactSchema(deps.db, cityCodeOf(deps))
  const titles = header.map((h) => h.trim())
  const usccAt = titles.indexOf(USCC_COLUMN)
  const periodAt = titles.indexOf(PERIOD_COLUMN)
  if (usccAt < 0)
    throw new AppError('VALIDATION_FAILED', {
      fields: { file: translate('facts.import.noUsccColumn', { column: USCC_COLUMN }) },
    })
  const columns = titles
    .map((title, index) => ({ title, index, def: loaded.schema.find(title) }))
    .filter((c) => c.index !== usccAt && c.index !== periodAt && c.title !== '')
  const unknown = columns.filter((c) => !c.def || c.def.formula).map((c) => c.title)
  const notFromSource = columns
    .filter((c) => c.def && !loaded.definitions.find((d) => d.key === c.def!.key)!.sources.includes(source))
    .map((c) => c.title)
  if (unknown.length || notFromSource.length || columns.length === 0)
    throw new AppError('VALIDATION_FAILED', {
      fields: {
        file: [
          unknown.length ? translate('facts.import.unknownColumns', { columns: unknown.join('、') }) : '',
          notFromSource.length
            ? translate('facts.import.notFromSource', {
                columns: notFromSource.join('、'),
                source: translate(`facts.source.${source}`),
              })
            : '',
          columns.length === 0 ? translate('facts.import.noFactColumns') : '',
        ]
          .filter(Boolean)
          .join('; '),
      },
    })
  if (data.length > MAX_ROWS)
    throw new AppError('VALIDATION_FAILED', {
      fields: { file: translate('facts.import.tooManyRows', { max: MAX_ROWS }) },
    })

  const thisYear = Number(cityToday(deps).slice(0, 4))
  const usccs = data.map((r) => (r[usccAt] ?? '').trim().toUpperCase())
  const problems = usccs.map((u) => describeUsccFailures(u))
  phases.end('checkCodes')
  const ids = await findEnterpriseIdsByUscc(deps.db, [...new Set(usccs.filter((_, i) => !problems[i]))])
  phases.end('findEnterprises')
  const parsed: { report: RowReport; enterpriseId?: string; writes: FactWrite[] }[] = []
  data.forEach((cells, i) => {
    const rowNumber = i + 2
    if (cells.every((c) => c.trim() === '')) return
    const errors: Record<string, string> = {}
    const uscc = usccs[i]!
    const problem = problems[i]
    if (problem) errors[USCC_COLUMN] = problem
    else if (!ids.has(uscc)) errors[USCC_COLUMN] = translate('facts.import.unknownEnterprise')
    const period = periodAt >= 0 ? (cells[periodAt] ?? '').trim().replace(/年(度)?$/, '') : ''
    if (period && !(/^\d{4}$/.test(period) && Number(period) <= thisYear && Number(period) >= thisYear - 10))
      errors[PERIOD_COLUMN] = translate('facts.periodRange', { from: thisYear - 10, to: thisYear })
    const writes: FactWrite[] = []
    for (const column of columns) {
      const cell = (cells[column.index] ?? '').trim()
      if (cell === '') continue
      const def = column.def!
      if (def.isPeriodic && !period) {
        errors[PERIOD_COLUMN] ??= translate('facts.periodRequired')
        continue
      }
      const value = parseFactCell(def, cell, isDivisionCode)
      if (!value.ok) errors[column.title] = translate(value.reason, value.params)
      else writes.push({ key: def.key, period: def.isPeriodic ? period : '', value: value.value })
    }
    const hasErrors = Object.keys(errors).length > 0
    parsed.push({
      report: {
        row: rowNumber,
        status: hasErrors ? 'error' : 'applied',
        uscc: uscc || null,
        facts: writes.length,
        ...(hasErrors ? { errors } : {}),
      },
      ...(hasErrors ? {} : { enterpriseId: ids.get(uscc)! }),
      writes,
    })
  })

  phases.end('validate')
  const sha256 = crypto.createHash('sha256').update(file.bytes).digest('hex')
  const result = await deps.db.transaction().execute(async (tx) => {
    const at = new Date()
    await iq.allowBulkMemory(tx)
    const record = await iq.insertImport(tx, {
      source,
      departmentId,
      fileName: file.name,
      sha256,
      total: parsed.length,
      applied: 0,
      failed: 0,
      report: [],
      by: user.userId,
    })
    // In bulk (decision 0029): the good rows' writes staged, their enterprises locked, then applied
    // as sets with the rules recordFacts applies one enterprise at a time.
    await iq.stageImportWrites(
      tx,
      parsed.flatMap((p) =>
        p.enterpriseId
          ? p.writes.map((w) => ({
              rowNo: p.report.row,
              enterpriseId: p.enterpriseId!,
              key: w.key,
              period: w.period,
              value: w.value,
            }))
          : [],
      ),
    )
    phases.end('stage')
    await iq.lockEnterprisesOfImport(tx)
    phases.end('lock')
    const changedRows = await iq.applyStagedImport(
      tx,
      {
        source,
        importId: record.id,
        recordedBy: user.userId,
        at,
      },
      phases,
    )
    for (const p of parsed)
      if (p.enterpriseId && !changedRows.has(p.report.row)) p.report.status = 'unchanged'
    const reports = parsed.map((p) => p.report)
    const applied = reports.filter((r) => r.status !== 'error').length
    const failed = reports.length - applied
    await iq.finishImport(tx, record.id, { applied, failed, report: reports })
    phases.end('report')
    await writeAudit(tx, user, {
      action: 'facts.import',
      entityType: 'fact_import',
      entityId: record.id,
      after: { source, fileName: file.name, sha256, rows: reports.length, applied, failed },
    })
    return {
      id: record.id,
      source,
      fileName: file.name,
      rowsTotal: reports.length,
      rowsApplied: applied,
      rowsFailed: failed,
      rows: reports,
      importedAt: record.imported_at.toISOString(),
    }
  })
  phases.end('commit')
  // Thousands of new values at once: refresh the planner's statistics now rather than at the next
  // autovacuum, or fact lookups run on stale guesses (a parallel worker per lookup) until then.
  if (result.rowsApplied >= ANALYZE_AFTER_ROWS) await iq.analyzeFactValues(deps.db)
  phases.end('analyze')
  deps.logger.info({ importId: result.id, rows: result.rowsTotal, ms: phases.all() }, 'fact import applied')
  return result
}

/** The sources the caller may import: an administrator every department source, others their department's. */
export async function listImportableSources(deps: AppDeps, actor: Actor): Promise<{ items: FactSource[] }> {
  const user = requireStaff(actor)
  const mapping = await iq.findSourceDepartments(deps.db)
  if (hasRole(user, 'admin')) return { items: [...new Set(mapping.map((r) => r.source as FactSource))] }
  const mine = [...departmentsWhere(user, 'handler'), ...departmentsWhere(user, 'department_head')]
  return {
    items: [
      ...new Set(mapping.filter((r) => mine.includes(r.department_id)).map((r) => r.source as FactSource)),
    ],
  }
}

/** The imports a user may see: an administrator all, department staff those of the sources their department verifies. */
export async function listImports(deps: AppDeps, actor: Actor) {
  const user = requireStaff(actor)
  let sources: string[] | null = null
  if (!hasRole(user, 'admin')) {
    const mine = [...departmentsWhere(user, 'handler'), ...departmentsWhere(user, 'department_head')]
    sources = (await iq.findSourceDepartments(deps.db))
      .filter((r) => mine.includes(r.department_id))
      .map((r) => r.source)
  }
  const rows = await iq.findImports(deps.db, sources, 100)
  return {
    items: rows.map((r) => ({
      id: r.id,
      source: r.source,
      fileName: r.file_name,
      rowsTotal: r.rows_total,
      rowsApplied: r.rows_applied,
      rowsFailed: r.rows_failed,
      importedAt: r.imported_at.toISOString(),
      importedBy: r.imported_by_name,
    })),
  }
}
