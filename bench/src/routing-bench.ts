import {
  suggestDepartments,
  trainRoutingModel,
  type RoutingExample,
} from '../../server/src/modules/appeals/routing-model'
import { CATEGORY_DEFAULT } from './appeal-texts'
import { rngFor } from './prng'

export type RoutingAccuracy = {
  examples: number
  heldOut: number
  top1: number
  top3: number
  categoryTable: number
  trainMs: number
  suggestMs: number
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
  }
}
