import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildDepartment, buildEnterprise, buildEnterpriseUser, signInAs } from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import { buildAppeal } from '../cockpit/cockpit.factories'
import { buildApplication, buildMatter } from '../services/services-figures.factories'
import { registerComputedIndicator } from './index'
import { seedDemoBenchmarks } from './benchmarks.demo'

/**
 * Benchmarks through HTTP on a real database (docs/METRICS.md "Benchmarks"), against numbers worked
 * out by hand. The clock is pinned to 15 June 2026 in Dalian: 2026 is the current year, 2027 to come.
 */
const at = (local: string) => new Date(`${local}:00+08:00`)
const API = '/api/v1/benchmarks'
const source = {
  sourceOrganisation: '大连市发展和改革委员会',
  sourceDocument: '2025 年大连市营商环境评价报告',
  sourceDate: '2026-03-31',
}

let t: TestApp
let leader: TestClient
let admin: TestClient
let head: TestClient
let dispatcher: TestClient
let handler: TestClient
let enterprise: TestClient

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at('2026-06-15T10:00'))
  t = await createTestApp()
  const d = (await buildDepartment(t, { name: '对标测试局' })).id
  const e = await buildEnterprise(t)
  const user = await buildEnterpriseUser(t, { enterpriseIds: [e.id] })
  const matter = await buildMatter(t, { departmentId: d })
  const owner = { enterpriseId: e.id, applicantUserId: user.id, matter, departmentId: d }
  // 2026: two decided in March — one instant without a visit after 2 days, one visited after 4 days
  // (promised 4 days from receipt: used 50 % and 100 %); 2025: one without a visit
  await buildApplication(t, owner, {
    status: 'approved',
    instant: true,
    visits_made: 0,
    received_at: at('2026-03-02T10:00'),
    decision_due_at: at('2026-03-06T10:00'),
    decided_at: at('2026-03-04T10:00'),
  })
  await buildApplication(t, owner, {
    status: 'refused',
    visits_made: 1,
    received_at: at('2026-03-01T10:00'),
    decision_due_at: at('2026-03-05T10:00'),
    decided_at: at('2026-03-05T10:00'),
  })
  await buildApplication(t, owner, {
    status: 'approved',
    visits_made: 0,
    received_at: at('2025-05-01T10:00'),
    decided_at: at('2025-05-02T10:00'),
  })
  // appeals dispatched in April 2026: one solved and rated 5, one rated 2 → 50 %
  const appealOwner = { enterpriseId: e.id, userId: user.id }
  await buildAppeal(t, appealOwner, {
    lead_department_id: d,
    first_dispatched_at: at('2026-04-02T10:00'),
    latest_level: 5,
    latest_solved: true,
    replied_at: at('2026-04-05T10:00'),
    status: 'closed',
  })
  await buildAppeal(t, appealOwner, {
    lead_department_id: d,
    first_dispatched_at: at('2026-04-10T10:00'),
    latest_level: 2,
    latest_solved: false,
    replied_at: at('2026-04-11T10:00'),
    status: 'handling',
  })
  leader = await signInAs(t, 'bureau_leader')
  admin = await signInAs(t, 'admin')
  head = await signInAs(t, 'department_head', { departmentId: d })
  dispatcher = await signInAs(t, 'dispatcher')
  handler = await signInAs(t, 'handler', { departmentId: d })
  enterprise = await signInAs(t, 'enterprise')
})

afterAll(async () => {
  vi.useRealTimers()
  await t.close()
})

const row = (body: any, key: string) => body.indicators.find((i: any) => i.key === key)

async function auditActions(entityId: string) {
  const rows = await t.deps.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.action)
}

describe('computed indicators', () => {
  it('computes services, appeals and their trend from the platform’s cases', async () => {
    const res = await leader.get(`${API}?year=2026`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ year: 2026, city: '大连市', canEdit: true })
    expect(row(res.body, 'zeroVisitRate')).toMatchObject({
      kind: 'computed',
      unit: 'percent',
      ours: 50,
      oursParts: { numerator: 1, denominator: 2 },
      previousYear: 100,
      trend: { change: -50, direction: 'worsening' },
      national: { key: 'government_services', name: '政务服务' },
    })
    expect(row(res.body, 'zeroVisitRate').months.find((m: any) => m.month === '2026-03').value).toBe(50)
    expect(row(res.body, 'zeroVisitRate').months.find((m: any) => m.month === '2026-02').value).toBeNull()
    expect(row(res.body, 'instantRate')).toMatchObject({ ours: 50, previousYear: 0 })
    expect(row(res.body, 'daysToDecision')).toMatchObject({
      ours: 3,
      previousYear: 1,
      trend: { direction: 'worsening' },
    })
    expect(row(res.body, 'promisedTimeUsed')).toMatchObject({ ours: 75, previousYear: null, trend: null })
    expect(row(res.body, 'appealResolutionRate')).toMatchObject({
      ours: 50,
      oursParts: { numerator: 1, denominator: 2 },
    })
    expect(row(res.body, 'daysToReply')).toMatchObject({ ours: 2 })
    // no payouts and no inspections checked in: nothing to divide, or zero over the enterprises
    expect(row(res.body, 'daysToCash')).toMatchObject({ ours: null, gap: null })
    // no inspection checked in: zero per enterprise — or nothing to divide on PostgreSQL, whose own
    // clock (not the pinned one) dates the test's enterprises after the month
    const perEnterprise = row(res.body, 'inspectionsPerEnterprise')
    expect(perEnterprise.kind).toBe('computed')
    expect(perEnterprise.ours ?? 0).toBe(0)
    // the commitments ledger computes arrears: nothing owed, nothing to divide
    expect(row(res.body, 'arrearsDays')).toMatchObject({ kind: 'computed', ours: null })
    expect(res.body.national).toHaveLength(18)
  })

  it('covers the 18 national indicators, and says where each entered value comes from', async () => {
    const res = await leader.get(`${API}?year=2026`)
    expect(res.body.national.filter((n: any) => n.indicators === 0)).toEqual([])
    const entered = res.body.indicators.filter((i: any) => i.kind === 'entered')
    expect(entered.length).toBeGreaterThan(20)
    // a message, not its key: `benchmarks.source.<key>` is registered for every entered indicator
    for (const i of entered) expect(i.note, i.key).not.toMatch(/^benchmarks\.|^$/)
    for (const i of res.body.indicators.filter((i: any) => i.kind === 'computed')) expect(i.note).toBe('')
    expect(row(res.body, 'labourArbitrationDays')).toMatchObject({
      unit: 'days',
      national: { key: 'labour_market_regulation', name: '劳动力市场监管' },
      bready: { topic: 'labor', pillar: 'operational_efficiency', topicName: '劳动就业' },
    })
    expect(row(res.body, 'breadyLaborFramework')).toMatchObject({
      kind: 'entered',
      unit: 'score',
      range: [0, 100],
      name: 'B-READY 劳动就业·监管框架得分',
    })
  })

  it('compares a computed indicator with the best benchmark city', async () => {
    const saved = await leader.put(`${API}/city-values`, {
      indicatorKey: 'zeroVisitRate',
      city: '杭州',
      year: 2025,
      value: 95,
      ...source,
    })
    expect(saved.status).toBe(200)
    await leader.put(`${API}/city-values`, {
      indicatorKey: 'zeroVisitRate',
      city: '上海',
      year: 2025,
      value: 90,
      ...source,
    })
    const res = await head.get(`${API}?year=2026`)
    expect(res.body.canEdit).toBe(false)
    expect(row(res.body, 'zeroVisitRate')).toMatchObject({
      best: { city: '杭州', year: 2025, value: 95, isDemo: false },
      gap: { absolute: 45, relative: 0.4737, standing: 'behind' },
    })
    expect(row(res.body, 'zeroVisitRate').cities).toHaveLength(2)
    expect(res.body.summary).toMatchObject({ compared: 1, behind: 1, leading: 0 })
  })

  it('refuses a formula for an indicator the catalogue does not have', () => {
    expect(() => registerComputedIndicator('noSuchIndicator', async () => [])).toThrow(/noSuchIndicator/)
  })
})

describe('entered values', () => {
  it('enters our value with its source, replaces it, and shows the gap and trend', async () => {
    const first = await leader.put(`${API}/entries`, {
      indicatorKey: 'daysToStartBusiness',
      year: 2025,
      value: 2,
      ...source,
    })
    expect(first.status).toBe(200)
    const second = await admin.put(`${API}/entries`, {
      indicatorKey: 'daysToStartBusiness',
      year: 2026,
      value: 1.5,
      ...source,
      note: '一网通办',
    })
    expect(second.body).toMatchObject({
      year: 2026,
      month: null,
      value: 1.5,
      source: { organisation: source.sourceOrganisation, note: '一网通办' },
    })
    const replaced = await leader.put(`${API}/entries`, {
      indicatorKey: 'daysToStartBusiness',
      year: 2026,
      value: 1.2,
      ...source,
    })
    expect(replaced.body.id).toBe(second.body.id)
    expect(await auditActions(second.body.id)).toEqual(['benchmark_entry.enter', 'benchmark_entry.replace'])
    await leader.put(`${API}/entries`, {
      indicatorKey: 'daysToStartBusiness',
      year: 2026,
      month: 5,
      value: 1.1,
      ...source,
    })
    await leader.put(`${API}/city-values`, {
      indicatorKey: 'daysToStartBusiness',
      city: '上海',
      year: 2025,
      value: 1,
      ...source,
      isDemo: true,
    })

    const res = await dispatcher.get(`${API}?year=2026`)
    expect(row(res.body, 'daysToStartBusiness')).toMatchObject({
      kind: 'entered',
      ours: 1.2,
      oursEntry: { value: 1.2, source: { document: source.sourceDocument, date: '2026-03-31' } },
      previousYear: 2,
      trend: { change: -0.8, direction: 'improving' },
      best: { city: '上海', value: 1, isDemo: true },
      gap: { absolute: 0.2, standing: 'behind' },
      national: { key: 'starting_business' },
      bready: { topic: 'business_entry', pillar: 'operational_efficiency', topicName: '企业准入' },
    })
    expect(row(res.body, 'daysToStartBusiness').months.find((m: any) => m.month === '2026-05').value).toBe(
      1.1,
    )
  })

  it('answers in English when asked', async () => {
    const res = await leader.get(`${API}?year=2026`, { 'accept-language': 'en' })
    expect(res.body.city).toBe('Dalian')
    expect(row(res.body, 'daysToStartBusiness')).toMatchObject({
      name: 'Time to start a business',
      national: { name: 'Starting a business' },
      bready: { topicName: 'Business Entry', pillarName: 'Operational Efficiency' },
    })
  })

  it('edits and removes a benchmark city’s value, audited', async () => {
    const saved = await leader.put(`${API}/city-values`, {
      indicatorKey: 'taxHoursPerYear',
      city: '深圳',
      year: 2024,
      value: 100,
      ...source,
    })
    const again = await leader.put(`${API}/city-values`, {
      indicatorKey: 'taxHoursPerYear',
      city: '深圳',
      year: 2024,
      value: 90,
      ...source,
    })
    expect(again.body).toMatchObject({ id: saved.body.id, value: 90 })
    expect((await leader.delete(`${API}/city-values/${saved.body.id}`)).status).toBe(200)
    expect((await leader.delete(`${API}/city-values/${saved.body.id}`)).body.error.code).toBe('NOT_FOUND')
    expect(await auditActions(saved.body.id)).toEqual([
      'benchmark_city_value.enter',
      'benchmark_city_value.replace',
      'benchmark_city_value.delete',
    ])
  })
})

describe('bad input: clear errors, nothing written', () => {
  const count = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('benchmark_entries')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ) +
    Number(
      (
        await t.deps.db
          .selectFrom('benchmark_city_values')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it.each([
    { why: 'a year before 2000', body: { year: 1999 }, code: 'VALIDATION_FAILED', fields: ['year'] },
    { why: 'a year as text', body: { year: '2025' }, code: 'VALIDATION_FAILED', fields: ['year'] },
    { why: 'a year to come', body: { year: 2027 }, code: 'VALIDATION_FAILED', fields: ['year'] },
    { why: 'a month to come', body: { year: 2026, month: 7 }, code: 'VALIDATION_FAILED', fields: ['month'] },
    { why: 'a month 13', body: { month: 13 }, code: 'VALIDATION_FAILED', fields: ['month'] },
    { why: 'negative days', body: { value: -1 }, code: 'BENCHMARK_VALUE_OUT_OF_RANGE', fields: ['value'] },
    {
      why: 'ten years to start',
      body: { value: 5000 },
      code: 'BENCHMARK_VALUE_OUT_OF_RANGE',
      fields: ['value'],
    },
    { why: 'no number', body: { value: 'fast' }, code: 'VALIDATION_FAILED', fields: ['value'] },
    {
      why: 'no source',
      body: { sourceOrganisation: undefined, sourceDocument: '  ', sourceDate: undefined },
      code: 'VALIDATION_FAILED',
      fields: ['sourceOrganisation', 'sourceDocument', 'sourceDate'],
    },
    {
      why: 'an impossible source date',
      body: { sourceDate: '2025-02-30' },
      code: 'VALIDATION_FAILED',
      fields: ['sourceDate'],
    },
    {
      why: 'a source dated tomorrow',
      body: { sourceDate: '2026-06-16' },
      code: 'VALIDATION_FAILED',
      fields: ['sourceDate'],
    },
    {
      why: 'an unknown indicator',
      body: { indicatorKey: 'happiness' },
      code: 'BENCHMARK_INDICATOR_UNKNOWN',
      fields: ['indicatorKey'],
    },
    {
      why: 'a computed indicator',
      body: { indicatorKey: 'zeroVisitRate', value: 90 },
      code: 'BENCHMARK_INDICATOR_COMPUTED',
      fields: ['indicatorKey'],
    },
    { why: 'an unknown field', body: { city: '杭州' }, code: 'VALIDATION_FAILED', fields: [] },
  ])('our value with $why → $code', async ({ body, code, fields }) => {
    const before = await count()
    const res = await leader.put(`${API}/entries`, {
      indicatorKey: 'daysToConnectElectricity',
      year: 2025,
      value: 5,
      ...source,
      ...body,
    })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(res.body.error.code).toBe(code)
    for (const field of fields) expect(res.body.error.fields?.[field], field).toBeTruthy()
    expect(await count()).toBe(before)
  })

  it('says in words what is wrong with each field', async () => {
    const res = await leader.put(`${API}/entries`, {
      indicatorKey: 'daysToConnectElectricity',
      year: 1999,
      month: 13,
      value: 5,
      sourceOrganisation: '',
      sourceDocument: '报告',
      sourceDate: '2026-01-01',
    })
    expect(res.body.error.fields).toMatchObject({
      year: '年份须为 2000 至 2100 之间的整数',
      month: '月份须为 1 至 12 的整数，或留空表示全年',
      sourceOrganisation: expect.any(String),
    })
    const range = await leader.put(`${API}/entries`, {
      indicatorKey: 'daysToConnectElectricity',
      year: 2025,
      value: 1001,
      ...source,
    })
    expect(range.body.error.fields.value).toBe('须在 0 至 1000 之间（个工作日）')
  })

  it.each([
    {
      why: 'a percent over 100',
      body: { indicatorKey: 'zeroVisitRate', value: 101 },
      code: 'BENCHMARK_VALUE_OUT_OF_RANGE',
    },
    { why: 'no city', body: { city: '' }, code: 'VALIDATION_FAILED' },
    { why: 'a year to come', body: { year: 2030 }, code: 'VALIDATION_FAILED' },
    { why: 'markup in the source', body: { sourceDocument: '<script>' }, code: 'VALIDATION_FAILED' },
  ])('a city value with $why → $code', async ({ body, code }) => {
    const before = await count()
    const res = await leader.put(`${API}/city-values`, {
      indicatorKey: 'daysToConnectElectricity',
      city: '杭州',
      year: 2025,
      value: 5,
      ...source,
      ...body,
    })
    expect(res.body.error.code).toBe(code)
    expect(await count()).toBe(before)
  })

  it.each(['year=abc', 'year=1999', 'year=2027', '', 'year=2026&x=1'])(
    'the table with %s → VALIDATION_FAILED',
    async (query) => {
      const res = await leader.get(`${API}?${query}`)
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('VALIDATION_FAILED')
    },
  )
})

describe('who may do what', () => {
  it('lets department heads and the task force read, not write; handlers and enterprises nothing', async () => {
    const body = { indicatorKey: 'daysToStartBusiness', year: 2025, value: 2, ...source }
    for (const reader of [head, dispatcher]) {
      expect((await reader.get(`${API}?year=2026`)).status).toBe(200)
      expect((await reader.put(`${API}/entries`, body)).body.error.code).toBe('FORBIDDEN')
      expect((await reader.put(`${API}/city-values`, { ...body, city: '杭州' })).body.error.code).toBe(
        'FORBIDDEN',
      )
    }
    for (const outsider of [handler, enterprise]) {
      expect((await outsider.get(`${API}?year=2026`)).body.error.code).toBe('FORBIDDEN')
      expect((await outsider.put(`${API}/entries`, body)).body.error.code).toBe('FORBIDDEN')
    }
  })
})

describe('the demo', () => {
  it('seeds labelled demo values once', async () => {
    const first = await t.deps.db.transaction().execute((tx) => seedDemoBenchmarks(t.deps, tx))
    // this database already has city values (the tests above): the demo leaves them alone
    expect(first).toBe(0)
    await t.deps.db.deleteFrom('benchmark_city_values').execute()
    await t.deps.db.deleteFrom('benchmark_entries').execute()
    const seeded = await t.deps.db.transaction().execute((tx) => seedDemoBenchmarks(t.deps, tx))
    expect(seeded).toBeGreaterThan(20)
    const res = await leader.get(`${API}?year=2026`)
    const start = row(res.body, 'daysToStartBusiness')
    expect(start.best).toMatchObject({ year: 2025, isDemo: true })
    expect(start.oursEntry).toMatchObject({ year: 2025, value: 1.5 })
    expect(start.oursEntry.source.organisation).toContain('演示')
    expect(res.body.summary.compared).toBeGreaterThan(3)
  })
})
