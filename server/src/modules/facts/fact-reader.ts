import type { Executor } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import type { SliceClock } from '../../kernel/slices'
import { feedPopulation, feedWholePopulation, type FactSink } from './fact-feed'
import { loadFactSheet, loadFactSheets, type FactSheet } from './fact-sheets'
import {
  cityCodeOf,
  divisionNamer,
  divisionResolver,
  keptFactSchema,
  loadFactSchema,
  type LoadedSchema,
} from './fact-schema'
import * as fq from './fact-feed.queries'

/**
 * What rules read from the facts, bound to one app: the schema they compile against, and the values
 * they are evaluated over — one enterprise's sheet, or the whole population column by column with the
 * change feed that keeps it current. The one entry the walk from a changed fact to a push takes
 * into this module (decision 0037); the catalogue and the matching engine read through it.
 */
export type FactReader = {
  /** the active schema with derived facts' formulas checked, and how rules name districts */
  schema(db: Executor): Promise<RuleSchema>
  /**
   * the same, kept in memory at most a few seconds (fact-schema.ts keptFactSchema): for a hot path
   * that may act on an edit another node made a moment ago (the instant decision, decision 0066)
   */
  keptSchema(db: Executor): Promise<RuleSchema>
  /** where the change feed stands: its last sequence number and the highest match index */
  position(db: Executor): Promise<{ seq: number; maxIndex: number }>
  /** the enterprises whose facts changed after `afterSeq`, in change order */
  changedSince(db: Executor, afterSeq: number, limit: number): Promise<{ id: string; seq: number }[]>
  /** some enterprises (or a range of match indexes) fed to `sink` as rules read them on `today` */
  feed(
    db: Executor,
    loaded: LoadedSchema,
    today: string,
    sink: FactSink,
    which: { range: [number, number] } | { enterpriseIds: string[] },
  ): Promise<{ id: string; index: number }[]>
  /** the whole population fed to `sink`, in slices (a COPY stream on PostgreSQL) */
  feedWhole(
    loaded: LoadedSchema,
    today: string,
    maxIndex: number,
    sink: FactSink,
    onEnterprise: (enterpriseId: string, index: number) => void,
    slices: { clock: SliceClock; onSlice?: (() => void) | undefined },
  ): Promise<void>
  /** one enterprise's fact sheet as rules read it on `today` (undefined: no such enterprise) */
  sheet(
    db: Executor,
    loaded: LoadedSchema,
    enterpriseId: string,
    today: string,
  ): Promise<FactSheet | undefined>
  /** many enterprises' fact sheets as rules read them on `today` */
  sheets(
    db: Executor,
    loaded: LoadedSchema,
    enterpriseIds: readonly string[],
    today: string,
  ): Promise<Map<string, FactSheet>>
}

export type RuleSchema = LoadedSchema & {
  resolveDivision: (nameOrCode: string) => string | undefined
  nameDivision: (code: string) => string | undefined
}

export function factReader(deps: AppDeps): FactReader {
  const cityCode = cityCodeOf(deps)
  return {
    schema: async (db) => ({
      ...(await loadFactSchema(db, cityCode)),
      resolveDivision: divisionResolver(cityCode),
      nameDivision: divisionNamer,
    }),
    keptSchema: async (db) => ({
      ...(await keptFactSchema(deps.db, db, cityCode)),
      resolveDivision: divisionResolver(cityCode),
      nameDivision: divisionNamer,
    }),
    position: async (db) => ({ seq: await fq.findFactSeq(db), maxIndex: await fq.findMaxMatchIndex(db) }),
    changedSince: (db, afterSeq, limit) => fq.findChangedEnterprises(db, afterSeq, limit),
    feed: feedPopulation,
    feedWhole: (...args) => feedWholePopulation(deps, ...args),
    sheet: loadFactSheet,
    sheets: loadFactSheets,
  }
}
