import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildAppealWorld, fileAndDispatch, type AppealWorld } from '../../../test/appeal-factories'
import { createTestApp, type TestApp } from '../../../test/harness'

/**
 * The same flow, pinned to the middle of a working day with a start that is not on a whole minute:
 * working time then has fractions of a minute, which the clocks must store as whole minutes.
 * (Other tests run at whatever time CI runs, often outside working hours.)
 */
let t: TestApp
let w: AppealWorld
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-12-01T02:00:30.500Z')) // Tuesday 10:00:30.5 in Dalian (after the database's own clock, which stamps the outbox)
  t = await createTestApp()
  w = await buildAppealWorld(t)
})
afterAll(async () => {
  await t.close()
  vi.useRealTimers()
})

describe('during working hours', () => {
  it('dispatch, sign for, pause, resume, contact, reply and verdict all store whole minutes', async () => {
    const id = await fileAndDispatch(w)
    vi.setSystemTime(new Date('2026-12-01T02:17:11.250Z'))
    const signed = await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)
    expect(signed.body.status, JSON.stringify(signed.body)).toBe('handling')
    vi.setSystemTime(new Date('2026-12-01T03:05:42.900Z'))
    expect(
      (
        await w.handlerA.post(`/api/v1/appeals/${id}/pause`, {
          reason: 'awaiting_enterprise',
          note: '请补充材料',
        })
      ).body.status,
    ).toBe('paused')
    vi.setSystemTime(new Date('2026-12-01T06:30:05.100Z'))
    expect((await w.handlerA.post(`/api/v1/appeals/${id}/resume`, {})).body.status).toBe('handling')
    vi.setSystemTime(new Date('2026-12-01T07:00:59.999Z'))
    await w.handlerA.post(`/api/v1/appeals/${id}/contact`, { note: '已联系' })
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
