import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { packageException } from '../../kernel/calendar/holiday-package'
import { buildAppealWorld, fileAndDispatch, type AppealWorld } from './appeals.factories'
import { createTestApp, type TestApp } from '../../../test/harness'

/**
 * The same flow, pinned to the middle of a working day with a start that is not on a whole minute:
 * working time then has fractions of a minute, which the clocks must store as whole minutes.
 * (Other tests run at whatever time CI runs, often outside working hours.)
 *
 * The day is an ordinary working day at least a week after the real date: PostgreSQL stamps the
 * outbox with its own (real) clock, so the pinned clock must never fall behind it.
 */
function ordinaryWorkingDayAfter(days: number): string {
  const day = new Date(Date.now() + days * 86_400_000)
  for (;;) {
    const date = day.toISOString().slice(0, 10)
    const weekday = day.getUTCDay()
    if (weekday >= 1 && weekday <= 5 && !packageException(date)) return date
    day.setUTCDate(day.getUTCDate() + 1)
  }
}
const date = ordinaryWorkingDayAfter(7)
/** A UTC time of that day; Dalian is UTC+8, so 02:00Z is 10:00 there. */
const at = (utcTime: string) => new Date(`${date}T${utcTime}Z`)

let t: TestApp
let w: AppealWorld
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at('02:00:30.500'))
  t = await createTestApp()
  w = await buildAppealWorld(t)
})
afterAll(async () => {
  await t.close()
  vi.useRealTimers()
})

describe('during working hours', () => {
  it('dispatch, sign for, pause, resume, contact, reply and rating all store whole minutes', async () => {
    const id = await fileAndDispatch(w)
    vi.setSystemTime(at('02:17:11.250'))
    const signed = await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)
    expect(signed.body.status, JSON.stringify(signed.body)).toBe('handling')
    vi.setSystemTime(at('03:05:42.900'))
    expect(
      (
        await w.handlerA.post(`/api/v1/appeals/${id}/pause`, {
          reason: 'awaiting_enterprise',
          note: '请补充材料',
          noteAudience: 'enterprise',
        })
      ).body.status,
    ).toBe('paused')
    vi.setSystemTime(at('06:30:05.100'))
    expect((await w.handlerA.post(`/api/v1/appeals/${id}/resume`, {})).body.status).toBe('handling')
    vi.setSystemTime(at('07:00:59.999'))
    await w.handlerA.post(`/api/v1/appeals/${id}/contact`, {
      method: 'phone',
      contactPerson: '王经理',
      note: '已联系',
      noteAudience: 'internal',
    })
    const replied = await w.handlerA.post(`/api/v1/appeals/${id}/reply`, {
      body: '已办理完毕，请确认。',
      attachmentIds: [],
    })
    expect(replied.body.status).toBe('replied')
    const resolution = replied.body.clocks.find((c: { kind: string }) => c.kind === 'resolution')
    // 10:00:30.5 → 11:05:42.9, paused, then 14:30:05.1 → 15:00:59.999: 65.2 (banked as 65) + 30.9 working minutes.
    expect(resolution.usedMinutes).toBe(96)
    expect(resolution.isMet).toBe(true)
    const closed = await w.enterpriseUser.post(`/api/v1/appeals/${id}/verdict`, { solved: true, level: 5 })
    expect(closed.body.status).toBe('closed')
  })
})
