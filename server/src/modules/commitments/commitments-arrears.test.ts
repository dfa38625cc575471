import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { buildCommitmentWorld, registerPayable, type CommitmentWorld } from './commitments.factories'

/**
 * The benchmark 拖欠企业账款平均逾期天数 (arrearsDays) computed from the ledger, through HTTP: the clock is
 * pinned to Tuesday 10 March 2026 in Dalian; one payable of 100,000 yuan accepted on 5 January is due
 * 30 days later, on 4 February; half of it is paid on 5 March.
 */
const at = (day: string) => new Date(`${day}T10:00:00+08:00`)

let t: TestApp
let w: CommitmentWorld
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at('2026-03-10'))
  t = await createTestApp()
  w = await buildCommitmentWorld(t)
})
afterAll(async () => {
  vi.useRealTimers()
  await t.close()
})

const arrears = async () => {
  const res = await w.leader.get('/api/v1/benchmarks?year=2026')
  expect(res.status).toBe(200)
  return res.body.indicators.find((i: { key: string }) => i.key === 'arrearsDays')
}

it('is computed by the ledger: what is still owed, weighted by amount, in days overdue at each month end', async () => {
  expect(await arrears()).toMatchObject({ kind: 'computed', ours: null, note: '' })
  const payable = await registerPayable(w)
  expect(payable.status).toBe(201)
  expect(payable.body.dueOn).toBe('2026-02-04')
  // February: 100,000 owed 24 days at its end; March (to today): 34 days; the year 29
  let row = await arrears()
  expect(row.months.slice(0, 3).map((m: { value: number | null }) => m.value)).toEqual([null, 24, 34])
  expect(row.ours).toBe(29)
  // half paid on 5 March: March weighs 50,000 × 34 days
  const paid = await w.handlerA.post(`/api/v1/commitments/${payable.body.id}/payments`, {
    version: payable.body.version,
    paidOn: '2026-03-05',
    principalFen: 5_000_000,
    interestFen: 0,
  })
  expect(paid.status).toBe(200)
  row = await arrears()
  expect(row.months[2].value).toBe(34)
  expect(row.oursParts).toEqual({ numerator: 100_000 * 24 + 50_000 * 34, denominator: 150_000 })
})
