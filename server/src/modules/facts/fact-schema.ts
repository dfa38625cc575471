import { cityProfile } from '../../kernel/city'
import type { Executor } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import type { Node } from '../../shared/rules/ast'
import { compileRule } from '../../shared/rules/checker'
import {
  FactSchema,
  type FactDefinition,
  type FactSource,
  type FactType,
} from '../../shared/rules/fact-schema'
import { childDivisions, findDivision } from '../reference'
import * as q from './facts.queries'
import type { DefinitionRow } from './facts.queries'

/** The fact schema rules compile against, and how rules name the city's districts. */

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

export const cityCodeOf = (deps: AppDeps) => cityProfile(deps.config.city).divisionCode

/**
 * The schema kept in memory for the instant decision's hot path (decision 0066): reading the
 * definitions and checking every derived formula was one round trip and most of the CPU of a decision
 * on submission. Kept per app (its database handle), loaded through whichever executor asks (a
 * transaction's own connection: a second connection while holding one could starve the pool).
 * Forgotten at once on this node when a definition is written here; another node's edit is seen
 * within KEPT_SCHEMA_MAX_AGE_MS. The age is measured on the monotonic clock: a clock set back or a
 * test's pinned Date neither keeps it forever nor throws it away.
 */
export const KEPT_SCHEMA_MAX_AGE_MS = 5_000

type KeptSchema = { generation: number; entry?: { loadedAt: number; cityCode: string; loaded: LoadedSchema } }
const keptSchemas = new WeakMap<object, KeptSchema>()

function keptFor(app: object): KeptSchema {
  let kept = keptSchemas.get(app)
  if (!kept) {
    kept = { generation: 0 }
    keptSchemas.set(app, kept)
  }
  return kept
}

export async function keptFactSchema(
  app: object,
  db: Executor,
  cityCode: string,
  now = performance.now(),
): Promise<LoadedSchema> {
  const kept = keptFor(app)
  const entry = kept.entry
  if (entry && entry.cityCode === cityCode && now - entry.loadedAt < KEPT_SCHEMA_MAX_AGE_MS)
    return entry.loaded
  const generation = kept.generation
  const loaded = await loadFactSchema(db, cityCode)
  // a definition written while this one loaded: do not keep what may be older than it
  if (kept.generation === generation) kept.entry = { loadedAt: now, cityCode, loaded }
  return loaded
}

/** A definition changed on this node (after its transaction committed): the next reader loads afresh. */
export function forgetKeptFactSchema(app: object): void {
  const kept = keptFor(app)
  kept.generation++
  kept.entry = undefined
}
