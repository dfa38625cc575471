import crypto from 'node:crypto'
import { cityToday } from '../../kernel/calendar/city-today'
import type { Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import type { Tx } from '../../kernel/db/database'
import { AppError, type FieldErrors } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import type { RawValue } from '../../shared/rules/evaluate'
import type { FactSource } from '../../shared/rules/fact-schema'
import { requireEnterpriseAccess } from '../enterprises'
import { checkFactValue, resolveCurrent, toColumns, type FactCandidate } from './fact-values'
import type { DeclareFactsInput, EnterpriseFactsView } from './facts.schema'
import './facts.messages'
import './rules.messages'
import * as q from './facts.queries'
import * as iq from './fact-imports.queries'
import { cityCodeOf, isDivisionCode, loadFactSchema, type LoadedSchema } from './fact-schema'
import { loadFactSheet } from './fact-sheets'

/**
 * Facts: what the platform knows about an enterprise, each value with its period and its source.
 * The enterprise declares; departments' data verifies; one value per fact is current (the latest
 * period; within a period, verified over declared) and that is what rules read.
 */

/** Members and staff read an enterprise's facts. Refuses: UNAUTHENTICATED, NOT_FOUND. */
export async function getEnterpriseFacts(
  deps: AppDeps,
  actor: Actor,
  enterpriseId: string,
): Promise<EnterpriseFactsView> {
  await requireEnterpriseAccess(deps.db, actor, enterpriseId, 'read')
  const loaded = await loadFactSchema(deps.db, cityCodeOf(deps))
  const sheet = (await loadFactSheet(deps.db, loaded, enterpriseId, cityToday(deps)))!
  return { enterpriseId, facts: sheet.entries }
}

export async function getFactHistory(
  deps: AppDeps,
  actor: Actor,
  enterpriseId: string,
  key: string | undefined,
) {
  await requireEnterpriseAccess(deps.db, actor, enterpriseId, 'read')
  const rows = await q.findHistory(deps.db, enterpriseId, key)
  return {
    items: rows.map((r) => ({
      key: r.fact_key,
      period: r.period || null,
      value: r.value as RawValue | null,
      source: r.source,
      isVerified: r.is_verified,
      recordedAt: r.recorded_at.toISOString(),
      isCurrent: r.superseded_at === null,
      importId: r.import_id,
    })),
  }
}

// Writing facts

export type FactWrite = { key: string; period: string; value: RawValue | null }

/**
 * Records values from one source for one enterprise inside the caller's transaction: each replaces
 * the same source's value for the same period (kept as history), then the current value is resolved
 * again. Answers how many values actually changed.
 */
export async function recordFacts(
  tx: Tx,
  loaded: LoadedSchema,
  input: {
    enterpriseId: string
    source: Exclude<FactSource, 'profile'>
    writes: FactWrite[]
    importId: string | null
    recordedBy: string | null
    at: Date
  },
): Promise<number> {
  await q.lockEnterpriseFacts(tx, input.enterpriseId)
  let changed = 0
  const isVerified = input.source !== 'declared'
  for (const write of input.writes) {
    const def = loaded.schema.get(write.key)!
    const live = await q.findLiveFacts(tx, input.enterpriseId, write.key)
    const same = live.find((r) => r.period === write.period && r.source === input.source)
    if (same && JSON.stringify(same.value) === JSON.stringify(write.value)) continue
    if (!same && write.value === null) continue
    await q.supersedeFact(tx, {
      enterpriseId: input.enterpriseId,
      key: write.key,
      period: write.period,
      source: input.source,
      at: input.at,
    })
    const id = await q.insertFact(tx, {
      enterpriseId: input.enterpriseId,
      key: write.key,
      period: write.period,
      value: write.value,
      source: input.source,
      isVerified,
      importId: input.importId,
      recordedBy: input.recordedBy,
      at: input.at,
    })
    changed++
    const candidates: FactCandidate[] = [
      ...live
        .filter((r) => !(r.period === write.period && r.source === input.source))
        .map((r) => ({
          id: r.id,
          period: r.period,
          value: r.value as RawValue | null,
          source: r.source,
          isVerified: r.is_verified,
          recordedAt: r.recorded_at,
        })),
      {
        id,
        period: write.period,
        value: write.value,
        source: input.source,
        isVerified,
        recordedAt: input.at,
      },
    ]
    const best = resolveCurrent(candidates)
    if (best && best.value !== null)
      await q.upsertCurrentValue(tx, {
        enterprise_id: input.enterpriseId,
        fact_key: write.key,
        ...toColumns(def, best.value),
        period: best.period,
        source: best.source,
        is_verified: best.isVerified,
        fact_id: best.id,
      })
    else await q.clearCurrentValue(tx, input.enterpriseId, write.key, id)
  }
  return changed
}

/**
 * An enterprise declares facts of its own: each must be one the enterprise may give (not a profile
 * field, not derived), with a fiscal year when periodic, of the right type. All or nothing.
 * Refuses: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN (not a member), VALIDATION_FAILED (every bad fact).
 */
export async function declareFacts(
  deps: AppDeps,
  actor: Actor,
  enterpriseId: string,
  input: DeclareFactsInput,
) {
  const { user } = await requireEnterpriseAccess(deps.db, actor, enterpriseId, 'act')
  const loaded = await loadFactSchema(deps.db, cityCodeOf(deps))
  const fields: FieldErrors = {}
  const writes: FactWrite[] = []
  const thisYear = Number(cityToday(deps).slice(0, 4))
  input.facts.forEach((f, i) => {
    const path = `facts.${i}`
    const def = loaded.definitions.find((d) => d.key === f.key)
    if (!def) return void (fields[`${path}.key`] = translate('facts.unknown'))
    if (def.isProfileField) return void (fields[`${path}.key`] = translate('facts.inProfile'))
    if (def.formula || !def.sources.includes('declared'))
      return void (fields[`${path}.key`] = translate('facts.notDeclarable'))
    if (def.isPeriodic && !f.period)
      return void (fields[`${path}.period`] = translate('facts.periodRequired'))
    if (!def.isPeriodic && f.period)
      return void (fields[`${path}.period`] = translate('facts.periodNotAllowed'))
    if (f.period && (Number(f.period) > thisYear || Number(f.period) < thisYear - 10))
      return void (fields[`${path}.period`] = translate('facts.periodRange', {
        from: thisYear - 10,
        to: thisYear,
      }))
    if (f.value === null) return void writes.push({ key: f.key, period: f.period ?? '', value: null })
    const checked = checkFactValue(def, f.value, isDivisionCode)
    if (!checked.ok) return void (fields[`${path}.value`] = translate(checked.reason, checked.params))
    writes.push({ key: f.key, period: f.period ?? '', value: checked.value })
  })
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
  return deps.db.transaction().execute(async (tx) => {
    const changed = await recordFacts(tx, loaded, {
      enterpriseId,
      source: 'declared',
      writes,
      importId: null,
      recordedBy: user.userId,
      at: new Date(),
    })
    if (changed > 0)
      await writeAudit(tx, user, {
        action: 'enterprise.declare_facts',
        entityType: 'enterprise',
        entityId: enterpriseId,
        after: writes,
      })
    const sheet = (await loadFactSheet(tx, loaded, enterpriseId, cityToday(deps)))!
    return { enterpriseId, facts: sheet.entries, changed }
  })
}

/**
 * The first facts of enterprises that have none (demo data): each (enterprise, fact, period) given
 * once, so the current value is that one. Answers how many were written.
 */
export async function seedInitialFacts(
  tx: Tx,
  loaded: LoadedSchema,
  rows: {
    enterpriseId: string
    key: string
    period: string
    value: RawValue
    source: Exclude<FactSource, 'profile'>
    importId?: string | null
    recordedBy?: string | null
  }[],
): Promise<number> {
  const valid = rows.filter((r) => loaded.schema.get(r.key))
  const ids = await q.insertInitialFacts(
    tx,
    valid.map((r) => ({ ...r, isVerified: r.source !== 'declared' })),
  )
  await q.insertCurrentValues(
    tx,
    valid.map((r, i) => ({
      enterprise_id: r.enterpriseId,
      fact_key: r.key,
      ...toColumns(loaded.schema.get(r.key)!, r.value),
      period: r.period,
      source: r.source,
      is_verified: r.source !== 'declared',
      fact_id: ids[i]!,
    })),
  )
  return valid.length
}

export const countFacts = q.countFacts

/**
 * Demo data only: the record of a department's data file that seeded facts cite as their import, so
 * a demo value carries the same trail (source, department, who, when) as a file sent on the import page.
 */
export async function insertDemoImport(
  tx: Tx,
  row: { source: FactSource; departmentId: string; importedBy: string; fileName: string; rows: number },
): Promise<string> {
  const record = await iq.insertImport(tx, {
    source: row.source,
    departmentId: row.departmentId,
    fileName: row.fileName,
    sha256: crypto.createHash('sha256').update(`${row.source}:${row.fileName}:${row.rows}`).digest('hex'),
    total: row.rows,
    applied: row.rows,
    failed: 0,
    report: [],
    by: row.importedBy,
  })
  return record.id
}
