import { cityToday } from '../../kernel/calendar/city-today'
import { SliceClock, SliceSizer } from '../../kernel/slices'
import type { AppDeps } from '../../kernel/http/app-env'
import { dayNumber } from '../../shared/rules/dates'
import { Evaluator, UNKNOWN } from '../../shared/rules/evaluate'
import type { MatchOutcome } from '../../shared/policies'
import { factReader, type FactSheet } from '../facts'
import { effectiveItems, loadCatalogue, type Catalogue } from '../policies'
import { CHUNK_BITS, ELIGIBLE, UNDETERMINED } from './match-chunks'
import { withMatchLease } from './match-lease'
import type { SlicePhase } from './population.service'
import { deliverPushes } from './pushes.service'
import { runMatching } from './matching-runs.service'
import * as q from './matching.queries'

/**
 * One enterprise at a time: when an enterprise's facts change, its outcome for every item is
 * computed again and only the bits that changed are written.
 */

/** The outcome of every effective item for one enterprise's fact sheet (three-valued, per condition). */
export function outcomesFor(
  catalogue: Catalogue,
  sheet: FactSheet,
  today: string,
): Map<string, MatchOutcome> {
  const ctx = {
    schema: catalogue.schema.schema,
    derived: catalogue.schema.derived,
    today: dayNumber(today),
    lookup: sheet.lookup,
  }
  const evaluator = new Evaluator(ctx)
  const out = new Map<string, MatchOutcome>()
  for (const item of effectiveItems(catalogue, today)) {
    let unknown = false
    let failed = false
    for (const c of item.conditions) {
      const v = evaluator.evaluate(c.node)
      if (v === false) {
        failed = true
        break
      }
      if (v === UNKNOWN) unknown = true
    }
    out.set(item.id, failed ? 'ineligible' : unknown ? 'undetermined' : 'eligible')
  }
  return out
}

const outcomeOfBits = (eligible: boolean, undetermined: boolean): MatchOutcome =>
  eligible ? 'eligible' : undetermined ? 'undetermined' : 'ineligible'

/**
 * Re-matches some enterprises (their facts changed) against every item: each one's bit in each
 * item's chunk is compared with its new outcome and only what changed is written; the newly
 * eligible are told. Items never run yet are left to their item run. In slices of enterprises, each
 * its own transaction with its pushes, yielding between them (decision 0029).
 */
export async function rematchEnterprises(
  deps: AppDeps,
  enterpriseIds: string[],
  seq: number | null = null,
  settings: { onSlice?: (phase: SlicePhase) => void } = {},
) {
  const facts = factReader(deps)
  return withMatchLease(deps, async (lease) => {
    const clock = new SliceClock()
    const today = cityToday(deps)
    const catalogue = await loadCatalogue(deps, deps.db)
    const counts = new Set((await q.findCounts(deps.db)).map((c) => c.item_id))
    const run = await q.insertRun(deps.db, { kind: 'enterprises', isBaseline: false, factSeq: seq ?? 0 })
    let computeMs = 0
    let persistMs = 0
    let changedBits = 0
    let newlyEligible = 0
    let pushes = 0
    const sizer = new SliceSizer(10, 1_000, 100)
    for (let from = 0; from < enterpriseIds.length;) {
      const group = enterpriseIds.slice(from, from + sizer.size)
      const started = performance.now()
      await deps.db.transaction().execute(async (tx) => {
        await lease.renew(tx)
        const newly: { itemId: string; enterpriseId: string }[] = []
        let t0 = performance.now()
        const sheets = await facts.sheets(tx, catalogue.schema, group, today)
        for (const enterpriseId of group) {
          const sheet = sheets.get(enterpriseId)
          if (!sheet) continue
          const outcomes = outcomesFor(catalogue, sheet, today)
          const chunk = Math.floor(sheet.matchIndex / CHUNK_BITS)
          const bit = sheet.matchIndex % CHUNK_BITS
          const before = new Map<string, { eligible: boolean; undetermined: boolean }>()
          for (const row of await q.findBytesAt(tx, chunk, bit >>> 3)) {
            const on = !!row.byte?.length && (row.byte[0]! & (1 << (bit & 7))) !== 0
            const entry = before.get(row.item_id) ?? { eligible: false, undetermined: false }
            if (row.outcome === ELIGIBLE) entry.eligible = on
            else entry.undetermined = on
            before.set(row.item_id, entry)
          }
          for (const [itemId, outcome] of outcomes) {
            if (!counts.has(itemId)) continue
            const old = before.get(itemId) ?? { eligible: false, undetermined: false }
            const previous = outcomeOfBits(old.eligible, old.undetermined)
            if (previous === outcome) continue
            changedBits++
            const length = (bit >>> 3) + 1
            for (const [o, on] of [
              [ELIGIBLE, outcome === 'eligible'],
              [UNDETERMINED, outcome === 'undetermined'],
            ] as const) {
              if ((o === ELIGIBLE ? old.eligible : old.undetermined) !== on)
                await q.setChunkBit(tx, { itemId, outcome: o, chunk, bit, on, length, runId: run.id })
            }
            await q.shiftCounts(tx, itemId, previous, outcome)
            if (outcome === 'eligible') newly.push({ itemId, enterpriseId })
          }
        }
        computeMs += performance.now() - t0
        t0 = performance.now()
        pushes += await deliverPushes(deps, tx, run.id, catalogue, newly)
        newlyEligible += newly.length
        persistMs += performance.now() - t0
      })
      sizer.measured(group.length, performance.now() - started)
      from += group.length
      settings.onSlice?.('persist')
      await clock.yield()
    }
    const summary = {
      enterprises: enterpriseIds.length,
      items: changedBits,
      newlyEligible,
      pushes,
      computeMs,
      persistMs,
    }
    await deps.db.transaction().execute(async (tx) => {
      await lease.renew(tx)
      if (seq !== null) await q.saveMatchState(tx, seq)
      await q.finishRun(tx, run.id, summary)
    })
    return { runId: run.id, ...summary }
  })
}

/** How many changed enterprises the per-enterprise path takes; more, and a full run is cheaper. */
const REMATCH_LIMIT = 5_000

/** Job (every minute): what changed in the facts since last time is matched again. */
export async function syncChangedEnterprises(
  deps: AppDeps,
): Promise<{ enterprises: number; mode: 'none' | 'enterprises' | 'full' }> {
  const state = await q.findMatchState(deps.db)
  if ((await q.countRuns(deps.db)) === 0) return { enterprises: 0, mode: 'none' } // nothing matched yet
  const changed = await factReader(deps).changedSince(deps.db, state.fact_seq, REMATCH_LIMIT + 1)
  if (changed.length === 0) return { enterprises: 0, mode: 'none' }
  if (changed.length > REMATCH_LIMIT) {
    const run = await runMatching(deps, { kind: 'full' })
    return { enterprises: run.enterprises, mode: 'full' }
  }
  await rematchEnterprises(
    deps,
    changed.map((c) => c.id),
    Math.max(...changed.map((c) => c.seq)),
  )
  return { enterprises: changed.length, mode: 'enterprises' }
}
