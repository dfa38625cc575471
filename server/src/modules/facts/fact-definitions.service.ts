import { requireRole, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import type { Executor } from '../../kernel/db/database'
import { AppError, type FieldErrors } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { factsOf, type RuleProblem } from '../../shared/rules/ast'
import { compileRule } from '../../shared/rules/checker'
import { describeProblem } from '../../shared/rules/problems'
import { FactSchema, valueTypeOf, type FactDefinition } from '../../shared/rules/fact-schema'
import { BUILTIN_FACTS } from './builtin-facts'
import type { CreateFactDefinitionInput, FactDefinitionView, UpdateFactDefinitionInput } from './facts.schema'
import './facts.messages'
import './rules.messages'
import * as q from './facts.queries'
import type { DefinitionRow } from './facts.queries'
import { definitionOf, forgetKeptFactSchema } from './fact-schema'

/** The fact registry: the definitions rules may read, built in or added by an administrator. */

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
  forgetKeptFactSchema(db)
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
  const created = await deps.db.transaction().execute(async (tx) => {
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
  // read by the instant decision from memory: this node reads it afresh (decision 0066)
  forgetKeptFactSchema(deps.db)
  return created
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
  const updated = await deps.db.transaction().execute(async (tx) => {
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
  // read by the instant decision from memory: this node reads it afresh (decision 0066)
  forgetKeptFactSchema(deps.db)
  return updated
}
