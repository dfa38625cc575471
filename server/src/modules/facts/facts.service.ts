import crypto from 'node:crypto'
import { cityToday } from '../../kernel/calendar/city-today'
import { requireRole, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { cityProfile } from '../../kernel/city'
import type { Executor, Tx } from '../../kernel/db/database'
import { AppError, type FieldErrors } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { SliceSizer, type SliceClock } from '../../kernel/slices'
import { factsOf, type Node, type RuleProblem } from '../../shared/rules/ast'
import { compileRule } from '../../shared/rules/checker'
import { describeProblem } from '../../shared/rules/problems'
import type { FactValue, RawValue } from '../../shared/rules/evaluate'
import {
  FactSchema,
  valueTypeOf,
  type FactDefinition,
  type FactSource,
  type FactType,
} from '../../shared/rules/fact-schema'
import { requireEnterpriseAccess } from '../enterprises'
import { childDivisions, findDivision } from '../reference'
import { BUILTIN_FACTS, PROFILE_FACT_COLUMNS, type ProfileFactKey } from './builtin-facts'
import {
  checkFactValue,
  fromColumns,
  isStale,
  resolveCurrent,
  toColumns,
  type FactCandidate,
} from './fact-values'
import type {
  CreateFactDefinitionInput,
  DeclareFactsInput,
  EnterpriseFactsView,
  FactDefinitionView,
  UpdateFactDefinitionInput,
} from './facts.schema'
import './facts.messages'
import './rules.messages'
import * as q from './facts.queries'
import type { CurrentValueRow, DefinitionRow, OwnDeclarationRow, ProfileRow } from './facts.queries'

/**
 * Facts: what the platform knows about an enterprise, each value with its period and its source.
 * The enterprise declares; departments' data verifies; one value per fact is current (the latest
 * period; within a period, verified over declared) and that is what rules read.
 */

export const isDivisionCode = (code: string) => findDivision(code)?.level === 'county'

export function definitionOf(row: DefinitionRow): FactDefinition & { sources: FactSource[] } {
  return {
    key: row.key,
    labelZh: row.label_zh,
    labelEn: row.label_en,
    type: row.type as FactType,
    unitZh: row.unit_zh,
    unitEn: row.unit_en,
    values: row.allowed_values,
    isPeriodic: row.is_periodic,
    maxAgeYears: row.max_age_years,
    formula: row.formula,
    isProfileField: row.is_profile_field,
    descriptionZh: row.description_zh,
    sources: row.sources as FactSource[],
  }
}

function presentDefinition(row: DefinitionRow): FactDefinitionView {
  return {
    ...definitionOf(row),
    unitZh: row.unit_zh,
    unitEn: row.unit_en,
    values: row.allowed_values,
    maxAgeYears: row.max_age_years,
    formula: row.formula,
    isProfileField: row.is_profile_field,
    isBuiltin: row.is_builtin,
    descriptionZh: row.description_zh,
    descriptionEn: row.description_en,
    isActive: row.is_active,
    version: row.version,
  }
}

export type LoadedSchema = {
  schema: FactSchema
  /** derived facts' checked formulas */
  derived: Map<string, Node>
  definitions: (FactDefinition & { sources: FactSource[] })[]
}

/** The active fact schema with every derived fact's formula checked (a broken formula leaves that fact out). */
export async function loadFactSchema(db: Executor, cityCode: string): Promise<LoadedSchema> {
  const definitions = (await q.findDefinitions(db)).filter((r) => r.is_active).map(definitionOf)
  const schema = new FactSchema(definitions)
  const derived = new Map<string, Node>()
  for (const d of definitions) {
    if (!d.formula) continue
    const compiled = compileRule(d.formula, schema, {
      expect: 'number',
      resolveDivision: divisionResolver(cityCode),
    })
    if (compiled.ok) derived.set(d.key, compiled.rule.node)
  }
  return { schema, derived, definitions }
}

/** Districts by code or by name (中山区, 甘井子区), as rules name them: counties of the city, or the city itself. */
export function divisionResolver(cityCode: string) {
  const counties = childDivisions(cityCode)
  return (nameOrCode: string): string | undefined => {
    if (/^\d{6}$/.test(nameOrCode)) return findDivision(nameOrCode) ? nameOrCode : undefined
    if (findDivision(cityCode)?.name === nameOrCode) return cityCode
    return counties.find((c) => c.name === nameOrCode)?.code
  }
}

export function divisionNamer(code: string): string | undefined {
  return findDivision(code)?.name
}

/** On every start: the built-in definitions and, once, which departments verify which source. */
export async function seedFactCatalogue(db: Executor): Promise<void> {
  await q.upsertBuiltinDefinitions(
    db,
    BUILTIN_FACTS.map((d) => ({
      key: d.key,
      label_zh: d.labelZh,
      label_en: d.labelEn,
      type: d.type,
      unit_zh: d.unitZh ?? null,
      unit_en: d.unitEn ?? null,
      allowed_values: d.values ? JSON.stringify(d.values) : null,
      is_periodic: d.isPeriodic,
      max_age_years: d.maxAgeYears ?? null,
      formula: d.formula ?? null,
      is_profile_field: d.isProfileField ?? false,
      is_builtin: true,
      sources: d.sources,
      description_zh: d.descriptionZh ?? null,
      description_en: null,
      sort_order: d.sortOrder,
    })),
  )
}

/** Anyone may read the schema: the public policy calculator asks for the same facts. */
export async function listFactDefinitions(deps: AppDeps): Promise<FactDefinitionView[]> {
  return (await q.findDefinitions(deps.db)).filter((r) => r.is_active).map(presentDefinition)
}

export async function listAllFactDefinitions(deps: AppDeps, actor: Actor): Promise<FactDefinitionView[]> {
  requireRole(actor, 'admin')
  return (await q.findDefinitions(deps.db)).map(presentDefinition)
}

function problemsAsField(problems: RuleProblem[]): string {
  return problems.map((p) => describeProblem(p, translate)).join('; ')
}

/** A new or changed definition must make sense on its own and keep every derived fact computable. */
async function assertDefinitionSound(tx: Executor, candidate: FactDefinition, isNew: boolean): Promise<void> {
  const fields: FieldErrors = {}
  const others = (await q.findDefinitions(tx)).filter((r) => r.key !== candidate.key).map(definitionOf)
  if (isNew && (await q.findDefinition(tx, candidate.key))) fields.key = translate('facts.keyTaken')
  if (others.some((d) => d.labelZh === candidate.labelZh)) fields.labelZh = translate('facts.labelTaken')
  const needsValues = candidate.type === 'enum' || candidate.type === 'tags'
  if (needsValues && !candidate.values?.length) fields.values = translate('facts.valuesRequired')
  if (!needsValues && candidate.values?.length) fields.values = translate('facts.valuesNotAllowed')
  if (candidate.formula) {
    if (valueTypeOf(candidate.type) !== 'number') fields.formula = translate('facts.formulaNumeric')
    else {
      const schema = new FactSchema([...others, candidate])
      const compiled = compileRule(candidate.formula, schema, { expect: 'number' })
      if (!compiled.ok) fields.formula = problemsAsField(compiled.problems)
      else {
        const cycle = findCycle([...others, candidate], schema)
        if (cycle) fields.formula = translate('facts.formulaCycle', { cycle: cycle.join(' → ') })
      }
    }
  }
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
}

/**
 * A derived fact that depends on itself through others would never finish computing: refused when
 * defined, so no rule can be a loop.
 */
export function findCycle(definitions: FactDefinition[], schema: FactSchema): string[] | null {
  const deps = new Map<string, string[]>()
  for (const d of definitions) {
    if (!d.formula) continue
    const compiled = compileRule(d.formula, schema, { expect: 'number' })
    if (compiled.ok) {
      deps.set(d.key, factsOf(compiled.rule.node))
    }
  }
  const state = new Map<string, 'visiting' | 'done'>()
  const path: string[] = []
  const visit = (key: string): string[] | null => {
    if (state.get(key) === 'done') return null
    if (state.get(key) === 'visiting') return [...path.slice(path.indexOf(key)), key]
    state.set(key, 'visiting')
    path.push(key)
    for (const next of deps.get(key) ?? []) {
      const found = visit(next)
      if (found) return found
    }
    path.pop()
    state.set(key, 'done')
    return null
  }
  for (const key of deps.keys()) {
    const found = visit(key)
    if (found) return found.map((k) => schema.get(k)?.labelZh ?? k)
  }
  return null
}

/** Refuses: FORBIDDEN (not an admin), VALIDATION_FAILED (key or name taken, values, formula, a cycle). */
export async function createFactDefinition(deps: AppDeps, actor: Actor, input: CreateFactDefinitionInput) {
  const admin = requireRole(actor, 'admin')
  return deps.db.transaction().execute(async (tx) => {
    const candidate: FactDefinition = { ...input, values: input.values, isProfileField: false }
    await assertDefinitionSound(tx, candidate, true)
    const row = await q.insertDefinition(tx, {
      key: input.key,
      label_zh: input.labelZh,
      label_en: input.labelEn,
      type: input.type,
      unit_zh: input.unitZh,
      unit_en: input.unitEn,
      allowed_values: input.values ? JSON.stringify(input.values) : null,
      is_periodic: input.isPeriodic,
      max_age_years: input.maxAgeYears,
      formula: input.formula,
      sources: input.formula ? [] : input.sources,
      description_zh: input.descriptionZh,
      description_en: input.descriptionEn,
      sort_order: 10_000,
    })
    await writeAudit(tx, admin, {
      action: 'fact_definition.create',
      entityType: 'fact_definition',
      entityId: row.key,
      after: input,
    })
    return presentDefinition(row)
  })
}

/**
 * Names, units, sources and allowed values may change; a key and a type never do (rules depend on
 * them). A built-in's names follow the code. Refuses: FORBIDDEN, NOT_FOUND, VERSION_CONFLICT,
 * VALIDATION_FAILED.
 */
export async function updateFactDefinition(
  deps: AppDeps,
  actor: Actor,
  key: string,
  input: UpdateFactDefinitionInput,
) {
  const admin = requireRole(actor, 'admin')
  return deps.db.transaction().execute(async (tx) => {
    const row = await q.findDefinition(tx, key)
    if (!row) throw new AppError('NOT_FOUND')
    if (row.is_builtin && (input.labelZh || input.labelEn || input.formula !== undefined || input.values))
      throw new AppError('VALIDATION_FAILED', { fields: { labelZh: translate('facts.builtinFixed') } })
    const current = definitionOf(row)
    const candidate: FactDefinition = {
      ...current,
      ...(input.labelZh ? { labelZh: input.labelZh } : {}),
      ...(input.labelEn ? { labelEn: input.labelEn } : {}),
      ...(input.values !== undefined ? { values: input.values } : {}),
      ...(input.formula !== undefined ? { formula: input.formula } : {}),
    }
    await assertDefinitionSound(tx, candidate, false)
    const updated = await q.updateDefinition(tx, key, input.version, {
      ...(input.labelZh ? { label_zh: input.labelZh } : {}),
      ...(input.labelEn ? { label_en: input.labelEn } : {}),
      ...(input.unitZh !== undefined ? { unit_zh: input.unitZh } : {}),
      ...(input.unitEn !== undefined ? { unit_en: input.unitEn } : {}),
      ...(input.values !== undefined
        ? { allowed_values: input.values ? JSON.stringify(input.values) : null }
        : {}),
      ...(input.maxAgeYears !== undefined ? { max_age_years: input.maxAgeYears } : {}),
      ...(input.formula !== undefined ? { formula: input.formula } : {}),
      ...(input.sources ? { sources: input.sources } : {}),
      ...(input.descriptionZh !== undefined ? { description_zh: input.descriptionZh } : {}),
      ...(input.descriptionEn !== undefined ? { description_en: input.descriptionEn } : {}),
      ...(input.isActive !== undefined ? { is_active: input.isActive } : {}),
    })
    if (!updated) throw new AppError('VERSION_CONFLICT')
    await writeAudit(tx, admin, {
      action: 'fact_definition.update',
      entityType: 'fact_definition',
      entityId: key,
      before: presentDefinition(row),
      after: input,
    })
    return presentDefinition(updated)
  })
}

// Reading one enterprise's facts

function profileValue(profile: ProfileRow, key: ProfileFactKey): RawValue | undefined {
  const value = profile[PROFILE_FACT_COLUMNS[key]]
  return value === null || value === undefined ? undefined : (value as RawValue)
}

export type FactSheet = {
  /** the value a rule reads, or undefined (missing or stale) */
  lookup: (key: string) => FactValue | undefined
  entries: EnterpriseFactsView['facts']
  matchIndex: number
}

/**
 * Everything known about one enterprise, as rules see it on `today`: the profile, then any
 * department's value over it, every declared or verified periodic fact, stale ones marked.
 */
export async function loadFactSheet(
  db: Executor,
  loaded: LoadedSchema,
  enterpriseId: string,
  today: string,
): Promise<FactSheet | undefined> {
  return (await loadFactSheets(db, loaded, [enterpriseId], today)).get(enterpriseId)
}

/** At most this many enterprises per query: a payout list or a change batch reads in a few round trips. */
const SHEETS_PER_QUERY = 500

/** The fact sheets of many enterprises (a payout list, a batch of changes), three queries per 500. */
export async function loadFactSheets(
  db: Executor,
  loaded: LoadedSchema,
  enterpriseIds: readonly string[],
  today: string,
): Promise<Map<string, FactSheet>> {
  const sheets = new Map<string, FactSheet>()
  const unique = [...new Set(enterpriseIds)]
  for (let start = 0; start < unique.length; start += SHEETS_PER_QUERY) {
    const ids = unique.slice(start, start + SHEETS_PER_QUERY)
    const [profiles, values, own] = await Promise.all([
      q.findProfiles(db, ids),
      q.findCurrentValues(db, ids),
      q.findOwnDeclarations(db, ids),
    ])
    const valuesOf = groupBy(values, (v) => v.enterprise_id)
    const ownOf = groupBy(own, (d) => d.enterprise_id)
    for (const profile of profiles)
      sheets.set(
        profile.id,
        buildFactSheet(loaded, profile, valuesOf.get(profile.id) ?? [], ownOf.get(profile.id) ?? [], today),
      )
  }
  return sheets
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const row of rows) {
    const k = key(row)
    const list = out.get(k)
    if (list) list.push(row)
    else out.set(k, [row])
  }
  return out
}

function buildFactSheet(
  loaded: LoadedSchema,
  profile: ProfileRow,
  values: readonly CurrentValueRow[],
  own: readonly OwnDeclarationRow[],
  today: string,
): FactSheet {
  const byKey = new Map(values.map((v) => [v.fact_key, v]))
  const current = new Map<string, FactValue>()
  const entries: EnterpriseFactsView['facts'] = []
  for (const def of loaded.definitions) {
    if (def.formula) continue
    const row = byKey.get(def.key)
    const stored = row ? fromColumns(def, row) : undefined
    let fact: (FactValue & { recordedAt: Date | null }) | undefined
    if (row && stored !== undefined)
      fact = {
        value: stored,
        source: row.source as FactSource,
        period: row.period || null,
        isVerified: row.is_verified,
        recordedAt: row.recorded_at,
      }
    else if (def.isProfileField) {
      const value = profileValue(profile, def.key as ProfileFactKey)
      if (value !== undefined)
        fact = {
          value,
          source: 'profile',
          period: null,
          isVerified: false,
          recordedAt: profile.updated_at,
        }
    }
    const stale = fact ? isStale(def, fact.period, today) : false
    if (fact && !stale) current.set(def.key, fact)
    const declared = own
      .filter((d) => d.fact_key === def.key)
      .sort((a, b) => (a.period < b.period ? 1 : -1))[0]
    entries.push({
      key: def.key,
      value: fact?.value ?? null,
      period: fact?.period ?? null,
      source: fact?.source ?? null,
      isVerified: fact?.isVerified ?? false,
      isStale: stale,
      declared:
        fact?.isVerified && declared
          ? { value: declared.value as RawValue, period: declared.period || null }
          : null,
      recordedAt: fact?.recordedAt?.toISOString() ?? null,
    })
  }
  return { lookup: (key) => current.get(key), entries, matchIndex: profile.match_index }
}

export const cityCodeOf = (deps: AppDeps) => cityProfile(deps.config.city).divisionCode

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

// The population, column-wise, for the matching engine

export type FactSink = (index: number, enterpriseId: string, key: string, value: RawValue | undefined) => void

/**
 * Feeds every fact of a set of enterprises to `sink` as rules read them on `today`: profile values,
 * a department's value over them, declared and verified facts, stale ones as missing. Either a range
 * of match indexes (a full load, in batches) or some enterprises (after changes: each of their facts
 * is set, missing ones cleared). Answers the enterprises seen.
 */
export async function feedPopulation(
  db: Executor,
  loaded: LoadedSchema,
  today: string,
  sink: FactSink,
  which: { range: [number, number] } | { enterpriseIds: string[] },
): Promise<{ id: string; index: number }[]> {
  const [profiles, values] =
    'range' in which
      ? await Promise.all([
          q.findProfilesInRange(db, ...which.range),
          q.findValuesInRange(db, ...which.range),
        ])
      : await Promise.all([
          q.findProfilesByIds(db, which.enterpriseIds),
          q.findValuesByIds(db, which.enterpriseIds),
        ])
  const stored = loaded.definitions.filter((d) => !d.formula)
  const profileDefs = stored.filter((d) => d.isProfileField)
  const otherDefs = stored.filter((d) => !d.isProfileField)
  const byDef = new Map(stored.map((d) => [d.key, d]))
  const indexOf = new Map<string, number>()
  const clearOthers = 'enterpriseIds' in which
  for (const p of profiles) {
    indexOf.set(p.id, p.match_index)
    for (const def of profileDefs) {
      const raw = p[PROFILE_FACT_COLUMNS[def.key as ProfileFactKey]]
      sink(p.match_index, p.id, def.key, raw === null || raw === undefined ? undefined : (raw as RawValue))
    }
    if (clearOthers) for (const def of otherDefs) sink(p.match_index, p.id, def.key, undefined)
  }
  for (const v of values) {
    const index = indexOf.get(v.enterprise_id)
    const def = byDef.get(v.fact_key)
    if (index === undefined || !def) continue
    const value = fromColumns(def, v)
    // a tombstone leaves a profile fact to the profile and any other fact missing
    if (value === undefined) {
      if (!def.isProfileField) sink(index, v.enterprise_id, def.key, undefined)
      continue
    }
    sink(index, v.enterprise_id, def.key, isStale(def, v.period || null, today) ? undefined : value)
  }
  return profiles.map((p) => ({ id: p.id, index: p.match_index }))
}

/** Where each profile fact sits in a row of `q.copyProfiles`. */
const PROFILE_COPY_AT: Record<string, { at: number; parse: (raw: string) => RawValue }> = {
  employees: { at: 2, parse: Number },
  annual_revenue: { at: 3, parse: Number },
  founded_on: { at: 4, parse: String },
  size_class: { at: 5, parse: String },
  industry_code: { at: 6, parse: String },
  division_code: { at: 7, parse: String },
  tags: { at: 8, parse: (raw) => JSON.parse(raw) as string[] },
}

/**
 * The whole population, for a full load of the engine (enterprises up to `maxIndex`): streamed with
 * COPY on PostgreSQL; on the embedded database read in slices of match indexes, each its own short
 * query, yielding between them so that requests are served meanwhile (decision 0029).
 */
export async function feedWholePopulation(
  deps: AppDeps,
  loaded: LoadedSchema,
  today: string,
  maxIndex: number,
  sink: FactSink,
  onEnterprise: (enterpriseId: string, index: number) => void,
  slices: { clock: SliceClock; onSlice?: (() => void) | undefined },
): Promise<void> {
  if (deps.database.kind === 'postgres')
    return feedCopiedPopulation(deps, loaded, today, maxIndex, sink, onEnterprise)
  const sizer = new SliceSizer(100, 20_000, 500)
  for (let from = 0; from <= maxIndex;) {
    const started = performance.now()
    const to = from + sizer.size
    const seen = await feedPopulation(deps.db, loaded, today, sink, { range: [from, to] })
    for (const e of seen) onEnterprise(e.id, e.index)
    sizer.measured(to - from, performance.now() - started)
    from = to
    slices.onSlice?.()
    await slices.clock.yield()
  }
}

async function feedCopiedPopulation(
  deps: AppDeps,
  loaded: LoadedSchema,
  today: string,
  maxIndex: number,
  sink: FactSink,
  onEnterprise: (enterpriseId: string, index: number) => void,
): Promise<void> {
  const stored = loaded.definitions.filter((d) => !d.formula)
  const profileDefs = stored
    .filter((d) => d.isProfileField)
    .map((def) => ({ def, ...PROFILE_COPY_AT[PROFILE_FACT_COLUMNS[def.key as ProfileFactKey]]! }))
  const byDef = new Map(stored.map((d) => [d.key, d]))
  await q.copyProfiles(deps.database.pool, maxIndex, (rows) => {
    for (const r of rows) {
      const id = r[0]!
      const index = Number(r[1])
      for (const p of profileDefs) {
        const raw = r[p.at]
        sink(index, id, p.def.key, raw === null || raw === undefined ? undefined : p.parse(raw))
      }
      onEnterprise(id, index)
    }
  })
  await q.copyValues(deps.database.pool, maxIndex, (rows) => {
    for (const r of rows) {
      const def = byDef.get(r[1]!)
      if (!def) continue
      const index = Number(r[0])
      const value = fromColumns(def, {
        value_num: r[2] === null ? null : Number(r[2]),
        value_text: r[3] ?? null,
        value_tags: r[4] === null || r[4] === undefined ? null : (JSON.parse(r[4]) as string[]),
      })
      // a tombstone leaves a profile fact to the profile and any other fact missing
      if (value === undefined) {
        if (!def.isProfileField) sink(index, '', def.key, undefined)
        continue
      }
      sink(index, '', def.key, isStale(def, r[5] || null, today) ? undefined : value)
    }
  })
}

export const findMaxMatchIndex = q.findMaxMatchIndex
export const findFactSeq = q.findFactSeq
export const findChangedEnterprises = q.findChangedEnterprises

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
  const record = await q.insertImport(tx, {
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
