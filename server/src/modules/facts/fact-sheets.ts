import type { Executor } from '../../kernel/db/database'
import type { FactValue, RawValue } from '../../shared/rules/evaluate'
import type { FactSource } from '../../shared/rules/fact-schema'
import { PROFILE_FACT_COLUMNS, type ProfileFactKey } from './builtin-facts'
import { fromColumns, isStale } from './fact-values'
import type { EnterpriseFactsView } from './facts.schema'
import * as q from './facts.queries'
import type { LoadedSchema } from './fact-schema'
import type { CurrentValueRow, OwnDeclarationRow, ProfileRow } from './facts.queries'

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
  // one round trip (an instant decision reads one sheet inside its transaction), not three
  const rows = await q.findSheetRowsOf(db, enterpriseId)
  return rows && buildFactSheet(loaded, rows.profile, rows.values, rows.own, today)
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
