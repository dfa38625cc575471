import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { packageException } from '../../kernel/calendar/holiday-package'
import { addDays } from '../../kernel/calendar/zoned-time'
import { DEFAULT_APPEAL_SETTINGS } from './appeal-settings'
import { appealBody, buildAppealWorld, type AppealWorld } from './appeals.factories'
import { signInAs } from '../../../test/factories'
import { createTestApp, type TestApp } from '../../../test/harness'

/**
 * An emergency does not wait for Monday: tiers measured in hours count clock hours by default, and an
 * administrator may make a tier count working hours instead. Pinned to a Friday at 17:00 in Dalian
 * before an ordinary weekend, at least a week after the real date (PostgreSQL stamps the outbox with its
 * own clock; the pinned clock must never fall behind it).
 */
function ordinaryFridayAfter(days: number): string {
  let date = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
  for (;;) {
    const isFriday = new Date(`${date}T00:00:00Z`).getUTCDay() === 5
    const quiet = [0, 1, 2, 3].every((d) => !packageException(addDays(date, d)))
    if (isFriday && quiet) return date
    date = addDays(date, 1)
  }
}
const friday = ordinaryFridayAfter(7)
const monday = addDays(friday, 3)
const dalian = (date: string, time: string) => new Date(`${date}T${time}+08:00`)

let t: TestApp
let w: AppealWorld
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(dalian(friday, '17:00:00'))
  t = await createTestApp()
  w = await buildAppealWorld(t)
})
afterAll(async () => {
  await t.close()
  vi.useRealTimers()
})

async function dispatchUrgent(): Promise<{ dueAt: string; basis: string }> {
  const filed = await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id))
  const res = await w.dispatcher.post(`/api/v1/appeals/${filed.body.id}/dispatch`, {
    leadDepartmentId: w.departments.a.id,
    tier: 'urgent',
  })
  return res.body.clocks.find((c: { kind: string }) => c.kind === 'resolution')
}

describe('urgency tiers measured in hours', () => {
  it('count clock hours by default: 2 hours from Friday 17:00 end at 19:00 the same evening', async () => {
    const clock = await dispatchUrgent()
    expect(clock.basis).toBe('elapsed')
    expect(clock.dueAt).toBe(dalian(friday, '19:00:00').toISOString())
  })

  it('count working hours when the administrator says so: the same 2 hours end on Monday at 10:30', async () => {
    const admin = await signInAs(t, 'admin')
    const current = await admin.get('/api/v1/appeals/settings')
    const profiles = structuredClone(DEFAULT_APPEAL_SETTINGS.profiles)
    profiles.enterprise.urgent.resolution = { unit: 'working_hours', value: 2 }
    const saved = await admin.put('/api/v1/appeals/settings', {
      version: current.body.version,
      settings: { ...DEFAULT_APPEAL_SETTINGS, profiles },
    })
    expect(saved.status).toBe(200)
    const clock = await dispatchUrgent()
    expect(clock.basis).toBe('working')
    expect(clock.dueAt).toBe(dalian(monday, '10:30:00').toISOString())
  })
})
