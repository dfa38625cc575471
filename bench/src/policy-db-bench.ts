import { runMatching } from '../../server/src/modules/matching/matching-runs.service'
import { resetEngine } from '../../server/src/modules/matching/population.service'
import { rematchEnterprises } from '../../server/src/modules/matching/rematch.service'
import { computePreview } from '../../server/src/modules/policies/policy-preview.service'
import { previewInputOf } from '../../server/src/modules/policies/policy-publication.service'
import { stopMatchWorkers } from '../../server/src/modules/matching/match-parallel'
import {
  explainForEnterprise,
  explainForEnterprises,
} from '../../server/src/modules/matching/explanations.service'
import { loadCatalogue } from '../../server/src/modules/policies/policy-catalogue.service'
import { openBenchApp } from './bench-app'
import { note, type Report } from './report'

/**
 * The matching engine with its database, on PostgreSQL: the Dalian demo data at a larger size (demo
 * enterprises with demo facts, the ten real policies in force). What a run costs beyond evaluation:
 * loading the population from the database, writing the bitmaps, a second run that finds nothing
 * changed, and re-matching one enterprise after its facts changed.
 */

export async function runPolicyDbBench(options: { report: Report }) {
  const enterprises = Number(process.env.BENCH_POLICY_DB_ENTERPRISES ?? 100_000)
  let t0 = performance.now()
  const bench = await openBenchApp('postgres', { name: 'policy', enterprises })
  note(
    `demo data: ${enterprises} enterprises with facts and ten policies in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  )
  try {
    t0 = performance.now()
    const first = await runMatching(bench.deps, { kind: 'full' }, { rebuild: true })
    const firstMs = performance.now() - t0
    t0 = performance.now()
    const second = await runMatching(bench.deps, { kind: 'full' })
    const secondMs = performance.now() - t0
    options.report(
      'policy-match-db-first-run',
      firstMs / 1000,
      's',
      secondMs / 1000,
      'the next run with nothing changed',
      false,
    )
    note(
      `first run (${first.items} items × ${first.enterprises} enterprises, baseline ${first.isBaseline}): load ${first.loadMs.toFixed(0)} ms, compute ${first.computeMs.toFixed(0)} ms, write ${first.persistMs.toFixed(0)} ms`,
    )
    note(
      `next run: load ${second.loadMs.toFixed(0)} ms, compute ${second.computeMs.toFixed(0)} ms, write ${second.persistMs.toFixed(0)} ms, newly eligible ${second.newlyEligible}`,
    )
    const ids = (
      await bench.deps.db.selectFrom('enterprises').select('id').orderBy('match_index').limit(200).execute()
    ).map((r) => r.id)
    await rematchEnterprises(bench.deps, ids.slice(0, 10))
    t0 = performance.now()
    for (const id of ids.slice(10)) await rematchEnterprises(bench.deps, [id])
    const perEnterprise = (performance.now() - t0) / (ids.length - 10)
    options.report('policy-rematch-enterprise-db', perEnterprise, 'ms', secondMs, 'a full run', false)
    note(
      `one enterprise re-matched with its database reads and writes: ${perEnterprise.toFixed(1)} ms (mean of ${ids.length - 10})`,
    )
    await benchPreview(bench.deps, secondMs, options.report)
    await benchRecheck(bench.deps, options.report)
  } finally {
    await stopMatchWorkers()
    await bench.close()
  }
}

/**
 * The publication preview the department head waits for in the dialog: a policy's items over the
 * whole population with their breakdowns, costs and pushes, nothing written — once the engine holds
 * the population (as on a running server), and cold (the population loaded from the database first).
 */
async function benchPreview(deps: Parameters<typeof runMatching>[0], fullRunMs: number, report: Report) {
  const policy = await deps.db
    .selectFrom('policies')
    .selectAll()
    .where('document_number', '=', '财政部 税务总局公告2023年第12号')
    .executeTakeFirstOrThrow()
  const items = await deps.db
    .selectFrom('benefit_items')
    .selectAll()
    .where('policy_id', '=', policy.id)
    .execute()
  const preview = () =>
    deps.db.transaction().execute((tx) =>
      computePreview(deps, tx, {
        policy,
        items: items.map(previewInputOf),
        paid: new Map(),
        threshold: 500,
        withPushes: true,
        fieldPrefix: () => '',
      }),
    )
  await preview()
  const runs = 5
  let t0 = performance.now()
  for (let i = 0; i < runs; i++) await preview()
  const warmMs = (performance.now() - t0) / runs
  report('policy-publication-preview-db', warmMs, 'ms', fullRunMs, 'a full run', false)
  resetEngine(deps)
  t0 = performance.now()
  const cold = await preview()
  note(
    `publication preview of ${items.length} items over ${cold.enterprises} enterprises: ${warmMs.toFixed(0)} ms with the population in memory (mean of ${runs}), ${(performance.now() - t0).toFixed(0)} ms cold (population loaded first); ${cold.items.map((i) => `${i.code} ${i.counts.eligible}/${i.counts.undetermined}/${i.counts.ineligible}`).join(', ')}, ${cold.pushes.told} told`,
  )
}

/**
 * A payout list re-checks every consent against the enterprise's facts today: 2,000 enterprises and
 * one item read together, against the same explanations one enterprise at a time.
 */
async function benchRecheck(deps: Parameters<typeof runMatching>[0], report: Report) {
  const catalogue = await loadCatalogue(deps)
  const item = [...catalogue.byId.values()].find((i) => i.mode === 'no_application')
  if (!item) throw new Error('no no-application item in force')
  const ids = (
    await deps.db.selectFrom('enterprises').select('id').orderBy('match_index').limit(2000).execute()
  ).map((r) => r.id)
  await explainForEnterprises(deps, deps.db, ids.slice(0, 100), item.id)
  let t0 = performance.now()
  const together = await explainForEnterprises(deps, deps.db, ids, item.id)
  const togetherMs = performance.now() - t0
  t0 = performance.now()
  for (const id of ids.slice(0, 200)) await explainForEnterprise(deps, deps.db, id, item.id)
  const oneByOneMs = ((performance.now() - t0) / 200) * ids.length
  report('benefits-recheck-consents', togetherMs, 'ms', oneByOneMs, 'one enterprise at a time', false)
  note(
    `a payout list of ${ids.length} consents re-checked: ${togetherMs.toFixed(0)} ms together (${together?.explanations.size ?? 0} explained); one at a time ${(oneByOneMs / ids.length).toFixed(2)} ms each (200 timed, scaled)`,
  )
}
