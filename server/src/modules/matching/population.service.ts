import type { Executor } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import type { SliceClock } from '../../kernel/slices'
import { factReader, type LoadedSchema } from '../facts'
import { Population } from './match-population'

/**
 * The population the engine evaluates: every enterprise's facts, column-wise, held in memory per app
 * and kept current from the facts' change feed (read through the facts module's reader).
 */

type EngineState = { population: Population | null; seq: number; year: string; schemaKey: string }
const engines = new WeakMap<object, EngineState>()

function engineOf(deps: AppDeps): EngineState {
  let state = engines.get(deps)
  if (!state) {
    state = { population: null, seq: 0, year: '', schemaKey: '' }
    engines.set(deps, state)
  }
  return state
}

/** Forgets the in-memory population (the nightly run rebuilds it from the database). */
export function resetEngine(deps: AppDeps): void {
  engines.delete(deps)
}

const schemaKeyOf = (loaded: LoadedSchema) =>
  loaded.definitions.map((d) => `${d.key}:${d.type}:${d.maxAgeYears ?? ''}`).join(',')

const LOAD_BATCH = 50_000
/**
 * Rows that commit out of sequence order (a transaction that took its number before another but
 * committed after it) are caught by re-reading a little behind the last position; the nightly
 * rebuild catches anything else.
 */
const FEED_LOOKBACK = 1000

/** How a background run pays for its reads: a clock to yield on, and a hook per slice (tests watch it). */
export type Slicing = { clock: SliceClock; onSlice?: ((phase: SlicePhase) => void) | undefined }
export type SlicePhase = 'load' | 'persist' | 'push'

/**
 * The population as of now: loaded whole on first use (or when the schema or the year changed), then
 * by changes. Given a transaction (a preview), everything is read in it; given `slicing` (a run, on
 * `deps.db`), every read is a short query of its own with a yield after it, and the whole load is a
 * COPY stream on PostgreSQL (decision 0029).
 */
export async function syncPopulation(
  deps: AppDeps,
  db: Executor,
  loaded: LoadedSchema,
  today: string,
  slicing?: Slicing,
) {
  const facts = factReader(deps)
  const state = engineOf(deps)
  const schemaKey = schemaKeyOf(loaded)
  const started = performance.now()
  if (!state.population || state.schemaKey !== schemaKey || state.year !== today.slice(0, 4)) {
    const { seq, maxIndex: max } = await facts.position(db)
    const population = new Population(loaded.definitions, max + 1)
    const sink = (index: number, _id: string, key: string, value: unknown) =>
      population.setValue(index, key, value as never)
    if (slicing) {
      await facts.feedWhole(loaded, today, max, sink, (id, index) => population.addEnterprise(id, index), {
        clock: slicing.clock,
        onSlice: () => slicing.onSlice?.('load'),
      })
    } else {
      for (let from = 0; from <= max; from += LOAD_BATCH) {
        const seen = await facts.feed(db, loaded, today, sink, { range: [from, from + LOAD_BATCH] })
        for (const e of seen) population.addEnterprise(e.id, e.index)
      }
    }
    Object.assign(state, { population, seq, year: today.slice(0, 4), schemaKey })
    return { population, seq, changed: population.size, loadMs: performance.now() - started }
  }
  const population = state.population
  let changed = 0
  const batch = slicing ? FEED_SLICE : LOAD_BATCH
  for (;;) {
    const rows = await facts.changedSince(db, Math.max(0, state.seq - FEED_LOOKBACK), batch)
    const fresh = rows.filter((r) => r.seq > state.seq)
    if (fresh.length === 0) break
    const seen = await facts.feed(
      db,
      loaded,
      today,
      (index, id, key, value) => {
        if (population.indexOf(id) === undefined) population.addEnterprise(id, index)
        population.setValue(index, key, value)
      },
      { enterpriseIds: rows.map((r) => r.id) },
    )
    for (const e of seen) population.addEnterprise(e.id, e.index)
    changed += fresh.length
    state.seq = Math.max(state.seq, ...fresh.map((r) => r.seq))
    if (slicing) {
      slicing.onSlice?.('load')
      await slicing.clock.yield()
    }
    if (rows.length < batch) break
  }
  return { population, seq: state.seq, changed, loadMs: performance.now() - started }
}

/** Changed enterprises read per slice by a run (the change feed). */
const FEED_SLICE = 2_000
