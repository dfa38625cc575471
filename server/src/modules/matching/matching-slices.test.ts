import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEnterprise, buildStaff, signInStaff } from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import { runMatching } from './matching-runs.service'
import type { SlicePhase } from './population.service'

/**
 * Background work never freezes the app (issue 10 item 11, decision 0029). On the embedded database
 * (one connection) a matching run used to hold that connection for the whole run, so every request
 * waited until it ended. A run now works in slices and yields between them: a read issued while the
 * run is going is answered while the run is still going, and the run carries on after it.
 */
const POPULATION = 20_000

let t: TestApp
let reader: TestClient
let enterpriseId: string

beforeAll(async () => {
  t = await createTestApp()
  reader = await signInStaff(t, await buildStaff(t, { roles: ['dispatcher'] }))
  enterpriseId = (await buildEnterprise(t)).id
  for (let from = 0; from < POPULATION; from += 2_000) {
    await t.deps.db
      .insertInto('enterprises')
      .values(
        Array.from({ length: 2_000 }, (_, k) => {
          const n = from + k
          return {
            uscc: `91210204${String(n).padStart(9, '0')}X`,
            name: `切片测试企业${n}`,
            legal_representative: '李四',
            division_code: '210204',
            industry_code: 'I65',
            size_class: n % 3 === 0 ? ('micro' as const) : ('small' as const),
            founded_on: '2016-05-01',
            employees: n % 400,
            annual_revenue: (n % 97) * 100_000,
            tags: [],
          }
        }),
      )
      .execute()
  }
})
afterAll(() => t.close())

// The embedded database's one connection is what a run could hold; on PostgreSQL a request takes
// another connection from the pool (and the population comes in one COPY stream), so nothing to show.
describe.skipIf(process.env.DATABASE_URL)('a matching run over a sizeable population', () => {
  it('answers reads while it is in progress: the reads come between its slices', async () => {
    const slices: SlicePhase[] = []
    let isFinished = false
    let sliced!: () => void
    const firstSlice = new Promise<void>((resolve) => (sliced = resolve))
    const run = runMatching(
      t.deps,
      { kind: 'full' },
      {
        rebuild: true,
        onSlice: (phase) => {
          slices.push(phase)
          sliced()
        },
      },
    ).finally(() => (isFinished = true))

    await firstSlice // the run has begun loading the population
    const reads: { status: number; slicesBefore: number; isRunFinished: boolean }[] = []
    for (let i = 0; i < 3; i++) {
      const res = await reader.get(`/api/v1/enterprises/${enterpriseId}`)
      reads.push({ status: res.status, slicesBefore: slices.length, isRunFinished: isFinished })
    }
    const summary = await run

    expect(reads.map((r) => r.status)).toEqual([200, 200, 200])
    expect(reads[0]!.isRunFinished).toBe(false) // answered while the run was still going
    expect(slices.length).toBeGreaterThan(reads[0]!.slicesBefore) // and the run went on after it
    expect(summary.enterprises).toBeGreaterThanOrEqual(POPULATION)
  })
})
