import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import type { WorkingCalendar } from '../../kernel/calendar/working-calendar'
import { addDays, zonedInstant } from '../../kernel/calendar/zoned-time'
import { buildBenefitWorld, FORM, key, upload, type BenefitWorld, type Firm } from './benefits.factories'

/**
 * The review clock through HTTP with a pinned clock: due the promised working days after submission,
 * stopped by a supplement request, resumed with the minutes it had left, and the overdue list.
 *
 * The days are a Monday and the week after it, at least a week after the real date (PostgreSQL
 * stamps the outbox with its own clock; a pinned clock must never fall behind it).
 */
function mondayAfter(days: number): string {
  let date = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
  while (new Date(`${date}T00:00:00Z`).getUTCDay() !== 1) date = addDays(date, 1)
  return date
}
const monday = mondayAfter(7)
/** A local Dalian time on the n-th day after that Monday. */
const at = (dayOffset: number, hh: number, mm = 0) =>
  zonedInstant(addDays(monday, dayOffset), hh * 60 + mm, 'Asia/Shanghai')

let t: TestApp
let w: BenefitWorld
let calendar: WorkingCalendar
let e1: Firm
let e2: Firm
let e3: Firm

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at(0, 9, 30))
  // The test spans three weeks of pinned time: staff stay signed in through it.
  t = await createTestApp({ STAFF_SESSION_HOURS: '1000' })
  w = await buildBenefitWorld(t)
  e1 = await w.firm(1_000_000)
  e2 = await w.firm(2_000_000)
  e3 = await w.firm(3_000_000)
  calendar = await t.deps.calendar.calendar(t.deps.db)
})
afterAll(async () => {
  await t.close()
  vi.useRealTimers()
})

async function applyFast(f: Firm) {
  const res = await f.client.post(`/api/v1/enterprises/${f.id}/claims/apply`, {
    itemId: w.items.fast,
    idempotencyKey: key(),
    form: FORM,
    materials: { license: [await upload(f.client)], bank_proof: [await upload(f.client)] },
  })
  if (res.status !== 201) throw new Error(JSON.stringify(res.body))
  return res.body as { id: string; dueAt: string }
}

const ids: Record<string, string> = {}

describe('the review clock', () => {
  it('is due at the end of the fifth working day after submission', async () => {
    vi.setSystemTime(at(0, 10))
    const first = await applyFast(e1)
    ids.first = first.id
    expect(first.dueAt).toBe(calendar.addWorkingDays(at(0, 10), 5).toISOString())
    vi.setSystemTime(at(0, 11))
    ids.second = (await applyFast(e2)).id
    vi.setSystemTime(at(0, 12))
    ids.third = (await applyFast(e3)).id
    vi.setSystemTime(at(0, 13))
    await w.handler.post(`/api/v1/benefits/claims/${ids.third}/supplement-request`, { note: '材料不全' })
  })

  it('a supplement request keeps the working minutes left; the resubmission moves the due instant by the paused working time', async () => {
    const before = (await w.handler.get(`/api/v1/benefits/claims/${ids.first}`)).body.dueAt as string
    vi.setSystemTime(at(1, 10))
    const asked = await w.handler.post(`/api/v1/benefits/claims/${ids.first}/supplement-request`, {
      note: '请补充开户许可证原件扫描件',
    })
    const left = Math.floor(calendar.workingMinutesBetween(at(1, 10), new Date(before)))
    expect(asked.body).toMatchObject({ status: 'supplement_requested', remainingMinutes: left, dueAt: null })
    vi.setSystemTime(at(3, 14))
    const resumed = await e1.client.post(`/api/v1/enterprises/${e1.id}/claims/${ids.first}/resubmit`, {
      materials: { bank_proof: [await upload(e1.client)] },
    })
    expect(resumed.body.status).toBe('submitted')
    expect(resumed.body.dueAt).toBe(calendar.addWorkingMinutes(at(3, 14), left).toISOString())
    const moved = calendar.workingMinutesBetween(new Date(before), new Date(resumed.body.dueAt))
    expect(moved).toBe(calendar.workingMinutesBetween(at(1, 10), at(3, 14)))
    const event = resumed.body.timeline.find((e: { type: string }) => e.type === 'request_supplement')
    expect(event.data.remainingMinutes).toBe(left)
  })

  it('the overdue list shows the reviews past their due, the earliest first; a paused one is not overdue', async () => {
    vi.setSystemTime(at(7, 9))
    expect((await w.handler.get('/api/v1/benefits/claims?view=overdue')).body.total).toBe(0)
    vi.setSystemTime(at(21, 10))
    const overdue = await w.handler.get('/api/v1/benefits/claims?view=overdue')
    expect(overdue.body.items.map((c: { id: string }) => c.id)).toEqual([ids.second, ids.first])
    expect(overdue.body.items.every((c: { isOverdue: boolean }) => c.isOverdue)).toBe(true)
    const dues = overdue.body.items.map((c: { dueAt: string }) => c.dueAt)
    expect([...dues].sort()).toEqual(dues)
    expect((await w.otherHandler.get('/api/v1/benefits/claims?view=overdue')).body.total).toBe(0)
    // the bureau sees the overdue reviews of every department
    expect((await w.leader.get('/api/v1/benefits/claims?view=overdue')).body.total).toBe(2)
  })

  it('a late decision is recorded as late', async () => {
    const decided = await w.head.post(`/api/v1/benefits/claims/${ids.second}/decision`, { approve: true })
    expect(decided.body.status).toBe('approved')
    const event = decided.body.timeline.find((e: { type: string }) => e.type === 'approve')
    expect(event.data).toMatchObject({ isLate: true, amount: 20_000 })
    expect(
      (await w.handler.get('/api/v1/benefits/claims?view=overdue')).body.items.map(
        (c: { id: string }) => c.id,
      ),
    ).toEqual([ids.first])
  })
})
