import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signInAs } from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'

let t: TestApp
let admin: TestClient
beforeAll(async () => {
  t = await createTestApp()
  admin = await signInAs(t, 'admin')
})
afterAll(() => t.close())

describe('GET /calendar/days', () => {
  it('marks holidays and make-up working days with their names', async () => {
    const res = await t.anonymous().get('/api/v1/calendar/days?from=2026-09-19&to=2026-10-10')
    const byDate = Object.fromEntries(res.body.days.map((d: { date: string }) => [d.date, d]))
    expect(byDate['2026-09-20']).toEqual({
      date: '2026-09-20',
      isWorkingDay: true,
      name: '国庆节调休',
      source: 'package',
    })
    expect(byDate['2026-10-01']).toEqual({
      date: '2026-10-01',
      isWorkingDay: false,
      name: '国庆节',
      source: 'package',
    })
    expect(byDate['2026-09-19']).toEqual({
      date: '2026-09-19',
      isWorkingDay: false,
      name: '',
      source: 'package',
    })
    expect(res.body.days).toHaveLength(22)
    expect(res.body.years).toEqual([{ year: 2026, source: 'package' }])
  })

  it('says so when a year has no official data', async () => {
    const res = await t.anonymous().get('/api/v1/calendar/days?from=2031-01-01&to=2031-01-07')
    expect(res.body.years).toEqual([{ year: 2031, source: 'fallback' }])
    expect(res.body.days[0]).toMatchObject({ date: '2031-01-01', isWorkingDay: true, source: 'fallback' })
  })

  it('refuses reversed and over-long ranges', async () => {
    expect(
      (await t.anonymous().get('/api/v1/calendar/days?from=2026-02-01&to=2026-01-01')).body.error.fields.to,
    ).toBeTruthy()
    expect((await t.anonymous().get('/api/v1/calendar/days?from=2020-01-01&to=2026-01-01')).status).toBe(400)
  })
})

describe('GET /calendar/due', () => {
  it.each([
    [
      '1 working day from the eve of National Day',
      '2026-09-30T10:00:00+08:00',
      'workingDays=1',
      '2026-10-08T09:30:00.000Z',
    ],
    [
      '2 working days over a weekend',
      '2026-11-27T16:00:00+08:00',
      'workingDays=2',
      '2026-12-01T09:30:00.000Z',
    ],
    [
      '2 working hours from late afternoon',
      '2026-11-27T17:00:00+08:00',
      'workingHours=2',
      '2026-11-30T02:30:00.000Z',
    ],
    [
      '24 working hours from Friday noon (4 h Fri, 7 h Mon, 7 h Tue, 6 h Wed)',
      '2026-11-27T12:00:00+08:00',
      'workingHours=24',
      '2026-12-02T08:30:00.000Z',
    ],
  ])('%s', async (_name, start, count, due) => {
    const res = await t.anonymous().get(`/api/v1/calendar/due?start=${encodeURIComponent(start)}&${count}`)
    expect(res.status).toBe(200)
    expect(res.body.due).toBe(due)
    expect(res.body.usesFallback).toBe(false)
  })

  it('needs exactly one of workingDays and workingHours', async () => {
    const both = await t
      .anonymous()
      .get('/api/v1/calendar/due?start=2026-11-27T12:00:00%2B08:00&workingDays=1&workingHours=2')
    expect(both.status).toBe(400)
    const none = await t.anonymous().get('/api/v1/calendar/due?start=2026-11-27T12:00:00%2B08:00')
    expect(none.status).toBe(400)
  })
})

describe('administering the calendar', () => {
  it('a new year’s State Council notice, entered without a release, replaces the fallback', async () => {
    const before = await t.anonymous().get('/api/v1/calendar/days?from=2027-02-05&to=2027-02-21')
    expect(before.body.years[0].source).toBe('fallback')
    const notice = {
      title: '国务院办公厅关于2027年部分节假日安排的通知',
      url: 'https://www.gov.cn/',
      publishedOn: '2026-11-10',
      holidays: [{ name: '春节', from: '2027-02-06', to: '2027-02-14' }],
      makeUpDays: [{ name: '春节', date: '2027-02-20' }],
    }
    const res = await admin.put('/api/v1/calendar/notices/2027', notice)
    expect(res.status).toBe(200)
    expect(res.body.days).toHaveLength(10)
    const after = await t.anonymous().get('/api/v1/calendar/days?from=2027-02-05&to=2027-02-21')
    expect(after.body.years[0].source).toBe('notice')
    const byDate = Object.fromEntries(after.body.days.map((d: { date: string }) => [d.date, d]))
    expect(byDate['2027-02-08']).toMatchObject({ isWorkingDay: false, name: '春节' })
    expect(byDate['2027-02-20']).toMatchObject({ isWorkingDay: true, name: '春节调休' })
    const due = await t
      .anonymous()
      .get('/api/v1/calendar/due?start=2027-02-05T10:00:00%2B08:00&workingDays=1')
    expect(due.body.due).toBe('2027-02-15T09:30:00.000Z')
  })

  it('refuses notice days outside the year and make-up days inside a holiday', async () => {
    const res = await admin.put('/api/v1/calendar/notices/2028', {
      title: '通知',
      holidays: [{ name: '元旦', from: '2027-12-31', to: '2028-01-01' }],
      makeUpDays: [{ name: '春节', date: '2029-01-01' }],
    })
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['holidays.0.from', 'makeUpDays.0.date'])
  })

  it('a city override changes one day, and the due dates that cross it', async () => {
    const start = encodeURIComponent('2026-12-03T10:00:00+08:00')
    const before = await t.anonymous().get(`/api/v1/calendar/due?start=${start}&workingDays=1`)
    expect(before.body.due).toBe('2026-12-04T09:30:00.000Z')
    const set = await admin.put('/api/v1/calendar/overrides/2026-12-04', {
      isWorkingDay: false,
      name: '城市应急停工',
    })
    expect(set.status).toBe(200)
    const after = await t.anonymous().get(`/api/v1/calendar/due?start=${start}&workingDays=1`)
    expect(after.body.due).toBe('2026-12-07T09:30:00.000Z')
    expect((await admin.delete('/api/v1/calendar/overrides/2026-12-04')).status).toBe(200)
    expect((await admin.delete('/api/v1/calendar/overrides/2026-12-04')).status).toBe(404)
  })

  it('working hours can change; overlapping slots are refused; stale versions too', async () => {
    const settings = await t.anonymous().get('/api/v1/calendar/settings')
    expect(settings.body.workingSlots).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ])
    const overlap = await admin.put('/api/v1/calendar/settings', {
      version: settings.body.version,
      workingSlots: [
        { start: '09:00', end: '12:00' },
        { start: '11:00', end: '17:00' },
      ],
    })
    expect(overlap.status).toBe(400)
    const ok = await admin.put('/api/v1/calendar/settings', {
      version: settings.body.version,
      workingSlots: [
        { start: '08:30', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
    })
    expect(ok.status).toBe(200)
    const stale = await admin.put('/api/v1/calendar/settings', {
      version: settings.body.version,
      workingSlots: [{ start: '09:00', end: '17:00' }],
    })
    expect(stale.body.error.code).toBe('VERSION_CONFLICT')
    const due = await t
      .anonymous()
      .get(`/api/v1/calendar/due?start=${encodeURIComponent('2026-11-26T10:00:00+08:00')}&workingDays=1`)
    expect(due.body.due).toBe('2026-11-27T09:00:00.000Z')
  })

  it('only admins change the calendar', async () => {
    const handler = await signInAs(t, 'handler')
    expect(
      (await handler.put('/api/v1/calendar/overrides/2026-12-05', { isWorkingDay: true, name: '加班' }))
        .status,
    ).toBe(403)
  })
})
