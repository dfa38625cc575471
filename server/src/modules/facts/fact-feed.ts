import type { Executor } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import { SliceSizer, type SliceClock } from '../../kernel/slices'
import type { RawValue } from '../../shared/rules/evaluate'
import { PROFILE_FACT_COLUMNS, type ProfileFactKey } from './builtin-facts'
import { fromColumns, isStale } from './fact-values'
import * as fq from './fact-feed.queries'
import type { LoadedSchema } from './fact-schema'

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
          fq.findProfilesInRange(db, ...which.range),
          fq.findValuesInRange(db, ...which.range),
        ])
      : await Promise.all([
          fq.findProfilesByIds(db, which.enterpriseIds),
          fq.findValuesByIds(db, which.enterpriseIds),
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

/** Where each profile fact sits in a row of `fq.copyProfiles`. */
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
  await fq.copyProfiles(deps.database.pool, maxIndex, (rows) => {
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
  await fq.copyValues(deps.database.pool, maxIndex, (rows) => {
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
