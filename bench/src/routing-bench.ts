import {
  loadRoutingCatalogue,
  suggestWithoutHistory,
} from '../../server/src/modules/appeals/appeals-routing.service'
import {
  suggestDepartments,
  trainRoutingModel,
  type RoutingExample,
  type RoutingModel,
} from '../../server/src/modules/appeals/routing-model'
import { wordsOf } from '../../server/src/modules/appeals/words'
import { ROUTING_HELD_OUT, type HeldOutAppeal } from '../data/routing-held-out'
import { CATEGORY_DEFAULT } from './appeal-texts'
import { openBenchApp } from './bench-app'
import { rngFor } from './prng'

export type RoutingAccuracy = {
  examples: number
  heldOut: number
  top1: number
  top3: number
  categoryTable: number
  trainMs: number
  suggestMs: number
  /** the model trained on the 80 %, kept for scoring it on the hand-written set too */
  model: RoutingModel
}

/**
 * The department classifier on a realistic history (appeal words from the server's wordsOf, the
 * category the enterprise chose, the department that kept it): trained on 80 % of past dispatches
 * (as the nightly job trains on the latest kept ones), scored on the other 20 % against the
 * cold-start category → department table on the same held-out appeals.
 */
export function measureRoutingAccuracy(
  examples: readonly RoutingExample[],
  seed = 20_260_101,
): RoutingAccuracy {
  const history = [...examples]
  // A deterministic shuffle, then the split.
  const rng = rngFor(seed, -1)
  for (let i = history.length - 1; i > 0; i--) {
    const j = rng.int(0, i + 1)
    ;[history[i], history[j]] = [history[j]!, history[i]!]
  }
  const cut = Math.floor(history.length * 0.8)
  const train: RoutingExample[] = history.slice(0, cut)
  const test = history.slice(cut)

  let started = performance.now()
  const model = trainRoutingModel(train)
  const trainMs = performance.now() - started

  let top1 = 0
  let top3 = 0
  let table = 0
  started = performance.now()
  for (const example of test) {
    const suggested = suggestDepartments(model, example, 3)
    if (suggested[0]?.departmentId === example.departmentId) top1++
    if (suggested.some((s) => s.departmentId === example.departmentId)) top3++
    if (CATEGORY_DEFAULT[example.categoryCode] === example.departmentId) table++
  }
  const suggestMs = (performance.now() - started) / test.length
  return {
    examples: train.length,
    heldOut: test.length,
    top1: top1 / test.length,
    top3: top3 / test.length,
    categoryTable: table / test.length,
    trainMs,
    suggestMs,
    model,
  }
}

export type ColdStartAccuracy = {
  appeals: number
  top1: number
  top3: number
  /** the category → department table alone: the chosen category's default department */
  categoryTable: number
  /** the learned model of measureRoutingAccuracy (trained on generated history) on the same appeals */
  trainedTop1: number
  trainedTop3: number
  suggestMs: number
  /** top-1 / top-3 / table hits within slices of the set, for the notes */
  slices: Record<string, { n: number; top1: number; top3: number; table: number }>
  /** how often each basis was the first suggestion, and how often it was right */
  firstBasis: Record<string, { n: number; right: number }>
}

/**
 * Cold-start routing on the hand-written held-out set (bench/data/routing-held-out.ts): the
 * server's own cold start (loadRoutingCatalogue + suggestWithoutHistory, what suggestForAppeal runs
 * when there is no model) against the seeded Dalian departments and catalogue, in a fresh embedded
 * database — no history at all. Beside it the category table alone, and the learned model trained
 * on generated history scored on the same hand-written appeals.
 */
export async function measureColdStartAccuracy(
  trained: RoutingModel,
  heldOut: readonly HeldOutAppeal[] = ROUTING_HELD_OUT,
): Promise<ColdStartAccuracy> {
  const bench = await openBenchApp('embedded', { demo: false })
  try {
    const catalogue = await loadRoutingCatalogue(bench.deps.db)
    const departments = await bench.deps.db.selectFrom('departments').select(['id', 'code']).execute()
    const idOf = new Map(departments.map((d) => [d.code, d.id]))
    const codeOf = new Map(departments.map((d) => [d.id, d.code]))
    const showMisses = process.env.BENCH_ROUTING_MISSES === '1'
    const unknown = heldOut.flatMap((a, i) => [
      ...(idOf.has(a.department) ? [] : [`#${i} department ${a.department}`]),
      ...(catalogue.categories.has(a.category) ? [] : [`#${i} category ${a.category}`]),
    ])
    if (unknown.length) throw new Error(`held-out set: unknown codes: ${unknown.join(', ')}`)

    const result: ColdStartAccuracy = {
      appeals: heldOut.length,
      top1: 0,
      top3: 0,
      categoryTable: 0,
      trainedTop1: 0,
      trainedTop3: 0,
      suggestMs: 0,
      slices: {},
      firstBasis: {},
    }
    const slice = (name: string, top1: boolean, top3: boolean, table: boolean) => {
      const s = (result.slices[name] ??= { n: 0, top1: 0, top3: 0, table: 0 })
      s.n++
      s.top1 += Number(top1)
      s.top3 += Number(top3)
      s.table += Number(table)
    }
    let elapsed = 0
    for (const appeal of heldOut) {
      const wanted = idOf.get(appeal.department)!
      const started = performance.now()
      const suggested = suggestWithoutHistory(catalogue, {
        title: appeal.title,
        body: appeal.body,
        categoryCode: appeal.category,
      })
      elapsed += performance.now() - started
      const top1 = suggested[0]?.departmentId === wanted
      const top3 = suggested.some((s) => s.departmentId === wanted)
      const table = catalogue.categories.get(appeal.category)?.defaultDepartmentId === wanted
      result.top1 += Number(top1)
      result.top3 += Number(top3)
      result.categoryTable += Number(table)
      const first = (result.firstBasis[suggested[0]?.basis ?? 'none'] ??= { n: 0, right: 0 })
      first.n++
      first.right += Number(top1)
      const mentions = suggested.some((s) => s.evidence.some((e) => e.basis === 'mentioned'))
      slice(
        table ? 'category right' : appeal.category === 'other' ? 'category other' : 'category wrong',
        top1,
        top3,
        table,
      )
      slice(mentions ? 'names a department' : 'names none', top1, top3, table)

      // The model knows departments by code (the generated history's labels).
      const learned = suggestDepartments(
        trained,
        { words: wordsOf(`${appeal.title} ${appeal.body}`), categoryCode: appeal.category },
        3,
      )
      result.trainedTop1 += Number(learned[0]?.departmentId === appeal.department)
      result.trainedTop3 += Number(learned.some((s) => s.departmentId === appeal.department))
      if (showMisses && !top1)
        console.error(
          `  # miss${top3 ? ' (in top 3)' : ''}: ${appeal.department} [${appeal.category}] ${appeal.title} → ` +
            suggested.map((s) => `${codeOf.get(s.departmentId)}:${s.basis}`).join(' '),
        )
    }
    const n = heldOut.length
    return {
      ...result,
      top1: result.top1 / n,
      top3: result.top3 / n,
      categoryTable: result.categoryTable / n,
      trainedTop1: result.trainedTop1 / n,
      trainedTop3: result.trainedTop3 / n,
      suggestMs: elapsed / n,
    }
  } finally {
    await bench.close()
  }
}
