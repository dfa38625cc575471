import jsonLogic, { type RulesLogic } from 'json-logic-js'
import { BUILTIN_FACTS } from '../../server/src/modules/facts/builtin-facts'
import {
  evaluateAllItems,
  stopMatchWorkers,
  threadCount,
} from '../../server/src/modules/matching/match-parallel'
import {
  combineConditions,
  sharedSubexpressions,
  VectorEvaluator,
} from '../../server/src/modules/matching/match-vector'
import type { Node } from '../../server/src/shared/rules/ast'
import { compileRule } from '../../server/src/shared/rules/checker'
import { dayNumber } from '../../server/src/shared/rules/dates'
import { Evaluator, UNKNOWN, type RawValue } from '../../server/src/shared/rules/evaluate'
import { FactSchema } from '../../server/src/shared/rules/fact-schema'
import { syntheticItems, syntheticPopulation, TODAY } from './policy-data'
import { note, type Report } from './report'

/**
 * Policy matching at city scale: a million enterprises against a thousand benefit items.
 *   policy-match-full      every item against every enterprise, column-wise (the engine's run, in
 *                          memory: the population as loaded, results as bitmaps) — vs a per-pair
 *                          interpreter (json-logic-js) timed on a sample and scaled to all pairs
 *   policy-match-enterprise one enterprise against every item (after its facts change)
 *   policy-match-item      one item against every enterprise (after it is published)
 * plus the peak memory of the process. Sizes: BENCH_POLICY_ENTERPRISES, BENCH_POLICY_ITEMS.
 */

const schema = new FactSchema(BUILTIN_FACTS)
const today = dayNumber(TODAY)

function compileAll(sources: string[]): Node[] {
  return sources.map((s) => {
    const c = compileRule(s, schema, { expect: 'boolean' })
    if (!c.ok) throw new Error(`${s}: ${JSON.stringify(c.problems)}`)
    return c.rule.node
  })
}

const derived = new Map<string, Node>()
for (const d of BUILTIN_FACTS)
  if (d.formula) {
    const c = compileRule(d.formula, schema, { expect: 'number' })
    if (c.ok) derived.set(d.key, c.rule.node)
  }

/** The same rule for json-logic-js: what a per-pair interpreter evaluates. */
function toJsonLogic(node: Node): RulesLogic {
  const j = toJsonLogic
  switch (node.kind) {
    case 'number':
      return node.value
    case 'date':
      return dayNumber(node.value)
    case 'today':
      return today
    case 'bool':
      return node.value
    case 'symbol':
      return node.name
    case 'duration':
      return node.amount * (node.unit === 'year' ? 365 : node.unit === 'month' ? 30 : 1)
    case 'fact': {
      const formula = derived.get(node.key)
      return formula ? j(formula) : { var: node.key }
    }
    case 'arith':
      return { [node.op]: [j(node.left), j(node.right)] } as RulesLogic
    case 'neg':
      return { '-': [0, j(node.operand)] }
    case 'compare': {
      const op = node.op === '=' ? '==' : node.op
      if (node.left.type === 'industry' || node.left.type === 'division') {
        const code = (node.right as { name: string }).name
        const eq = { '==': [{ substr: [j(node.left), 0, code.length] }, code] }
        return (op === '!=' ? { '!': eq } : eq) as RulesLogic
      }
      return { [op]: [j(node.left), j(node.right)] } as RulesLogic
    }
    case 'between':
      return { '<=': [j(node.low), j(node.value), j(node.high)] }
    case 'in': {
      const coded = node.value.type === 'industry' || node.value.type === 'division'
      const inList = coded
        ? {
            or: node.items.map((i) => ({
              '==': [
                { substr: [j(node.value), 0, (i as { name: string }).name.length] },
                (i as { name: string }).name,
              ],
            })),
          }
        : { in: [j(node.value), node.items.map((i) => j(i))] }
      return (node.negated ? { '!': inList } : inList) as RulesLogic
    }
    case 'has': {
      const has = { in: [(node.item as { name: string }).name, j(node.set)] }
      return (node.negated ? { '!': has } : has) as RulesLogic
    }
    case 'and':
      return { and: node.items.map(j) }
    case 'or':
      return { or: node.items.map(j) }
    case 'not':
      return { '!': j(node.operand) }
    case 'if':
      return { if: [j(node.cond), j(node.then), j(node.otherwise)] }
    case 'tiered':
      return {
        if: [
          ...node.tiers.flatMap((t) => [
            { [t.op]: [j(node.subject), j(t.bound)] } as RulesLogic,
            j(t.result),
          ]),
          j(node.otherwise!),
        ],
      } as unknown as RulesLogic
    case 'call':
      if (node.fn === 'yearsSince') return { '/': [{ '-': [today, j(node.args[0]!)] }, 365.25] }
      if (node.fn === 'round') return j(node.args[0]!)
      return { [node.fn]: node.args.map(j) } as RulesLogic
  }
}

function peakMemory() {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) }
}

export async function runPolicyBench(options: { report: Report }) {
  const enterprises = Number(process.env.BENCH_POLICY_ENTERPRISES ?? 1_000_000)
  const itemCount = Number(process.env.BENCH_POLICY_ITEMS ?? 1000)
  const memory = peakMemory()
  const rssBefore = process.memoryUsage().rss
  let t0 = performance.now()
  const { population, rows } = syntheticPopulation(enterprises)
  note(
    `population: ${enterprises} enterprises × ${BUILTIN_FACTS.length} facts generated in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${((process.memoryUsage().rss - rssBefore) / 1e6).toFixed(0)} MB`,
  )
  const items = syntheticItems(itemCount).map((item) => ({ ...item, nodes: compileAll(item.conditions) }))
  const allNodes = items.flatMap((i) => i.nodes)
  const shared = sharedSubexpressions(allNodes)
  const distinct = new Set(items.flatMap((i) => i.conditions)).size
  note(
    `items: ${itemCount}, ${allNodes.length} conditions, ${distinct} distinct, ${shared.size} shared sub-expressions`,
  )

  // The full run: every item, column-wise, shared parts once, on every core.
  const ctx = { schema, derived, today }
  const runFull = async () => {
    let eligible = 0
    for await (const bits of evaluateAllItems(
      population,
      { ...ctx, definitions: BUILTIN_FACTS },
      items.map((i) => i.nodes),
      shared,
    ))
      for (let w = 0; w < bits.eligible.length; w++) if (bits.eligible[w]) eligible++
    return eligible
  }
  await runFull() // warm up the JIT and the workers on the same work (not counted)
  t0 = performance.now()
  await runFull()
  const fullSeconds = (performance.now() - t0) / 1000
  note(`threads: ${enterprises >= 200_000 ? threadCount() : 1}`)

  // The naive baseline: each pair through json-logic-js, on a sample, scaled to every pair.
  const logic = items.map((i) => ({ and: i.nodes.map(toJsonLogic) }) as RulesLogic)
  const sample = Math.min(enterprises, Number(process.env.BENCH_POLICY_NAIVE_SAMPLE ?? 300))
  const datas = Array.from({ length: sample }, (_, k) => {
    const facts = rows(Math.floor((k * enterprises) / sample))
    const data: Record<string, unknown> = {}
    for (const [key, value] of facts)
      data[key] =
        BUILTIN_FACTS.find((d) => d.key === key)?.type === 'date' ? dayNumber(value as string) : value
    return data
  })
  for (let k = 0; k < Math.min(20, sample); k++) for (const rule of logic) jsonLogic.apply(rule, datas[k])
  t0 = performance.now()
  let naiveTrue = 0
  for (const data of datas) for (const rule of logic) if (jsonLogic.apply(rule, data)) naiveTrue++
  const naivePerPair = (performance.now() - t0) / 1000 / (sample * itemCount)
  const naiveSeconds = naivePerPair * enterprises * itemCount
  options.report(
    'policy-match-full',
    fullSeconds,
    's',
    naiveSeconds,
    'naive per-pair interpreter (json-logic-js)',
    false,
  )
  note(
    `full: ${enterprises} × ${itemCount} = ${((enterprises * itemCount) / 1e9).toFixed(2)} billion pairs in ${fullSeconds.toFixed(2)} s; target ≤ 5 s`,
  )
  note(
    `naive: ${(naivePerPair * 1e6).toFixed(2)} µs per pair on ${sample} × ${itemCount} pairs (${naiveTrue} true), scaled: ${(naiveSeconds / 3600).toFixed(1)} h`,
  )

  // One enterprise against every item: the one-enterprise evaluator (after a declaration or an import).
  const picks = Array.from({ length: 200 }, (_, k) => rows(Math.floor(((k + 0.5) * enterprises) / 200)))
  const oneEnterprise = (facts: Map<string, RawValue>) => {
    const evaluator = new Evaluator({
      schema,
      derived,
      today,
      lookup: (key) => {
        const v = facts.get(key)
        return v === undefined ? undefined : { value: v, source: 'declared', period: null, isVerified: false }
      },
    })
    let eligible = 0
    for (const item of items) {
      let ok = true
      for (const node of item.nodes) {
        const v = evaluator.evaluate(node)
        if (v === false) {
          ok = false
          break
        }
        if (v === UNKNOWN) ok = false
      }
      if (ok) eligible++
    }
    return eligible
  }
  for (const facts of picks.slice(0, 20)) oneEnterprise(facts)
  t0 = performance.now()
  for (const facts of picks) oneEnterprise(facts)
  const perEnterpriseMs = (performance.now() - t0) / picks.length
  const naiveEnterpriseMs = naivePerPair * itemCount * 1000
  options.report(
    'policy-match-enterprise',
    perEnterpriseMs,
    'ms',
    naiveEnterpriseMs,
    'the same pairs through json-logic-js',
    false,
  )
  note(
    `one enterprise × ${itemCount} items: ${perEnterpriseMs.toFixed(2)} ms (mean of ${picks.length}); target ≤ 5 ms`,
  )

  // One item against every enterprise, nothing cached (a newly published item).
  const sampleItems = items.filter((_, i) => i % Math.max(1, Math.floor(itemCount / 20)) === 0).slice(0, 20)
  const oneItem = (item: (typeof items)[number]) => {
    const evaluator = new VectorEvaluator(population, ctx)
    return combineConditions(
      item.nodes.map((n) => evaluator.evaluateCondition(n)),
      population.present,
      population.words,
    )
  }
  oneItem(sampleItems[0]!)
  t0 = performance.now()
  for (const item of sampleItems) oneItem(item)
  const perItemMs = (performance.now() - t0) / sampleItems.length
  options.report(
    'policy-match-item',
    perItemMs,
    'ms',
    naivePerPair * enterprises * 1000,
    'the same pairs through json-logic-js',
    false,
  )
  note(
    `one item × ${enterprises} enterprises: ${perItemMs.toFixed(1)} ms (mean of ${sampleItems.length}); target ≤ 200 ms`,
  )

  await stopMatchWorkers()
  const peak = memory.stop()
  note(`peak memory (RSS): ${(peak / 1e6).toFixed(0)} MB`)
  console.log(`policy-match-peak-memory: ${(peak / 1e6).toFixed(0)} MB`)
}
