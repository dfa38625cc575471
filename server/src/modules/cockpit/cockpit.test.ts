import crypto from 'node:crypto'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildDepartment, buildEnterprise, buildEnterpriseUser, signInAs } from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import { buildApplication, buildMatter } from '../services/services-figures.factories'
import { buildAppeal, buildRating, buildSupervisionCase } from './cockpit.factories'
import { refreshRollups } from './cockpit.service'

/**
 * The cockpit and the open data through HTTP on a real database, against numbers worked out by hand
 * (docs/METRICS.md "Cockpit and open data"). The clock is pinned to 15 April 2026 in Dalian: March is
 * a closed month, April the current one.
 */
const at = (local: string) => new Date(`${local}:00+08:00`)
const PERIOD = '?from=2026-02&to=2026-03'

let t: TestApp
let d1: string
let d2: string
let bureau: TestClient
let headOfD1: TestClient
let handler: TestClient
let enterpriseName: string
let phone: string

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at('2026-04-15T10:00'))
  t = await createTestApp()
  d1 = (await buildDepartment(t, { name: '驾驶舱测试一局' })).id
  d2 = (await buildDepartment(t, { name: '驾驶舱测试二局' })).id
  const enterprise = await buildEnterprise(t)
  enterpriseName = enterprise.name
  const user = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
  phone = user.phone
  const owner = { enterpriseId: enterprise.id, userId: user.id }
  // March, d1: met contact, rated 5 and solved, on time; missed contact, rated 2, late, reopened
  const a1 = await buildAppeal(t, owner, {
    lead_department_id: d1,
    first_dispatched_at: at('2026-03-02T10:00'),
    first_contact_met: true,
    latest_level: 5,
    latest_solved: true,
    resolution_met: 1,
    replied_at: at('2026-03-05T10:00'),
    status: 'closed',
  })
  const a2 = await buildAppeal(t, owner, {
    lead_department_id: d1,
    first_dispatched_at: at('2026-03-10T10:00'),
    first_contact_met: false,
    latest_level: 2,
    latest_solved: false,
    resolution_missed: 1,
    replied_at: at('2026-03-20T10:00'),
    reopen_count: 1,
    status: 'handling',
  })
  // March's last half hour (Dalian) is March; April's first is not in the period
  await buildAppeal(t, owner, {
    lead_department_id: d2,
    first_dispatched_at: at('2026-03-31T23:30'),
    next_due_at: at('2026-04-10T17:30'),
    status: 'handling',
  })
  await buildAppeal(t, owner, { lead_department_id: d2, first_dispatched_at: at('2026-04-01T00:30') })
  await buildAppeal(t, owner, { lead_department_id: d1, first_dispatched_at: at('2026-02-16T09:00') })
  // ratings in March: d1 a given 5 and a bad 2, one excluded on appeal, one default; d2 a given 4
  const rating = (subject: string, departmentId: string, level: number, extra: object = {}) =>
    buildRating(t, {
      subject_type: 'appeal',
      subject_id: subject,
      stage: crypto.randomBytes(3).toString('hex'),
      department_id: departmentId,
      enterprise_id: enterprise.id,
      level,
      rated_by: user.id,
      rated_at: at('2026-03-21T10:00'),
      ...extra,
    })
  await rating(a1, d1, 5)
  await rating(a2, d1, 2)
  await rating(a2, d1, 1, { excluded_at: at('2026-03-25T10:00'), excluded_reason: '恶意差评' })
  await rating(a1, d1, 3, { kind: 'default', rated_by: null })
  await rating(crypto.randomUUID(), d2, 4)
  // services: one application of d1 received (deemed accepted) and decided late in March
  const matter = await buildMatter(t, { departmentId: d1 })
  await buildApplication(
    t,
    { enterpriseId: enterprise.id, applicantUserId: user.id, matter, departmentId: d1 },
    {
      status: 'approved',
      received_at: at('2026-03-03T10:00'),
      deemed_accepted: true,
      decision_due_at: at('2026-03-10T17:30'),
      statutory_due_at: at('2026-03-31T17:30'),
      decided_at: at('2026-03-12T10:00'),
    },
  )
  await buildSupervisionCase(t, {
    department_id: d2,
    reason: '诉求逾期未办结',
    level: 'bureau',
    opened_at: at('2026-03-12T10:00'),
  })
  bureau = await signInAs(t, 'bureau_leader')
  headOfD1 = await signInAs(t, 'department_head', { departmentId: d1 })
  handler = await signInAs(t, 'handler', { departmentId: d1 })
})

afterAll(async () => {
  vi.useRealTimers()
  await t.close()
})

/** A request whose answer is a file: the harness reads answers as text. */
async function downloadWorkbook(client: TestClient, path: string): Promise<ExcelJS.Workbook> {
  const res = await client.download(path)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toContain('spreadsheetml')
  const book = new ExcelJS.Workbook()
  await book.xlsx.load((await res.arrayBuffer()) as never)
  return book
}

const unit = (body: any, id: string) => body.departments.find((d: any) => d.departmentId === id)

describe('the cockpit', () => {
  it('counts the period per month and unit for the bureau, with raw numbers', async () => {
    const res = await bureau.get(`/api/v1/cockpit${PERIOD}`)
    expect(res.status).toBe(200)
    expect(res.body.scope).toBe('city')
    expect(res.body.months).toEqual(['2026-02', '2026-03'])
    const march = res.body.trend[1]
    expect(march.figures).toMatchObject({
      appealsDispatched: 3,
      appealsResponseMet: 1,
      appealsResponseDecided: 2,
      appealsRated: 2,
      appealsSolved: 1,
      appealsSatisfied: 1,
      appealsOnTimeMet: 1,
      appealsOnTimeDecided: 2,
      appealsAnswered: 2,
      appealsReopened: 1,
      ratingsGiven: 3,
      ratingsDefault: 1,
      ratingsExcluded: 1,
      ratingsLevel1: 0,
      ratingsLevel2: 1,
      ratingsLevel4: 1,
      ratingsLevel5: 1,
      ratingsBad: 1,
      applicationsReceived: 1,
      applicationsDeemedAccepted: 1,
      applicationsDecided: 1,
      applicationsPastPromised: 1,
      applicationsPastStatutory: 0,
      supervisionOpened: 1,
      supervisionEscalated: 1,
    })
    expect(march.rates.responseRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 })
    expect(march.rates.ratingSatisfaction).toEqual({ numerator: 2, denominator: 3, value: 0.6667 })
    expect(res.body.trend[0].figures.appealsDispatched).toBe(1)
    expect(res.body.total.figures.appealsDispatched).toBe(4)
    expect(res.body.total.now).toEqual({ appealsOverdue: 1, supervisionOpen: 1, supervisionEscalatedOpen: 1 })
    expect(unit(res.body, d1).figures.appealsDispatched).toBe(3)
    expect(unit(res.body, d1).departmentName).toBe('驾驶舱测试一局')
    expect(unit(res.body, d2).now.appealsOverdue).toBe(1)
    // the problem-classes module fills the list (none in these data)
    expect(res.body.problemClasses).toEqual([])
  })

  it('shows a department head their own units only', async () => {
    const res = await headOfD1.get(`/api/v1/cockpit${PERIOD}`)
    expect(res.status).toBe(200)
    expect(res.body.scope).toBe('departments')
    expect(res.body.departments.map((d: any) => d.departmentId)).toEqual([d1])
    expect(res.body.total.figures.appealsDispatched).toBe(3)
    expect(res.body.total.now.appealsOverdue).toBe(0)
  })

  it('refuses a handler and a period over 24 months', async () => {
    expect((await handler.get(`/api/v1/cockpit${PERIOD}`)).status).toBe(403)
    expect((await handler.get('/api/v1/cockpit/cases?metric=appealsOverdue')).status).toBe(403)
    const long = await bureau.get('/api/v1/cockpit?from=2024-01&to=2026-03')
    expect(long.status).toBe(400)
    expect(long.body.error.fields.to).toBeTruthy()
  })

  it('reads closed months from the rollup once the job has written them, with the same numbers', async () => {
    const live = await bureau.get(`/api/v1/cockpit${PERIOD}`)
    await refreshRollups(t.deps)
    const rolled = await bureau.get(`/api/v1/cockpit${PERIOD}`)
    expect(rolled.body.rolledUpMonths.sort()).toEqual(['2026-02', '2026-03'])
    // the current month is always counted live: a case dispatched after the job ran is in it at once
    const april = await bureau.get('/api/v1/cockpit?from=2026-04&to=2026-04')
    expect(april.body.rolledUpMonths).toEqual([])
    expect(april.body.total.figures.appealsDispatched).toBe(1)
    const [enterprise] = await t.deps.db.selectFrom('enterprises').select('id').limit(1).execute()
    const [member] = await t.deps.db
      .selectFrom('enterprise_members')
      .select('user_id')
      .where('enterprise_id', '=', enterprise!.id)
      .execute()
    await buildAppeal(
      t,
      { enterpriseId: enterprise!.id, userId: member!.user_id },
      { lead_department_id: d1, first_dispatched_at: at('2026-04-15T09:59'), status: 'handling' },
    )
    const now = await bureau.get('/api/v1/cockpit?from=2026-04&to=2026-04')
    expect(now.body.total.figures.appealsDispatched).toBe(2)
    expect(rolled.body.total).toEqual(live.body.total)
    expect(rolled.body.trend).toEqual(live.body.trend)
    const head = await headOfD1.get(`/api/v1/cockpit${PERIOD}`)
    expect(head.body.total.figures.appealsDispatched).toBe(3)
  })

  it('exports the period as an xlsx workbook: the trend, the units and the formulas, with the same numbers', async () => {
    const book = await downloadWorkbook(bureau, `/api/v1/cockpit.xlsx${PERIOD}`)
    expect(book.worksheets.map((s) => s.name)).toEqual(['月度趋势', '部门排名', '口径'])
    const [trend, units, formulas] = book.worksheets as [
      ExcelJS.Worksheet,
      ExcelJS.Worksheet,
      ExcelJS.Worksheet,
    ]
    const rows = (sheet: ExcelJS.Worksheet) =>
      sheet
        .getSheetValues()
        .filter(Boolean)
        .map((r) => (r as unknown[]).slice(1))
    const [trendHeader, ...months] = rows(trend)
    expect(trendHeader!.slice(0, 2)).toEqual(['月份', '诉求派单数'])
    const march = months.find((r) => r[0] === '2026-03')!
    const cell = (header: unknown[], row: unknown[], name: string) => row[header.indexOf(name)]
    expect(months.map((r) => r[0])).toEqual(['2026-02', '2026-03'])
    expect(cell(trendHeader!, march, '诉求派单数')).toBe(3)
    expect(cell(trendHeader!, march, '主动评价数')).toBe(3)
    const [unitHeader, ...unitRows] = rows(units)
    const first = unitRows.find((r) => r[0] === '驾驶舱测试一局')!
    expect(cell(unitHeader!, first, '诉求派单数')).toBe(3)
    expect(cell(unitHeader!, first, '响应率')).toBe(0.5)
    expect(rows(formulas)[0]).toEqual(['指标', '分子', '分母'])
    const responseRate = rows(formulas).find((r) => r[0] === '响应率')!
    expect(responseRate).toHaveLength(3)
    expect(responseRate.every((c) => typeof c === 'string' && c.length > 0)).toBe(true)
  })
})

describe('why: the cases behind a number', () => {
  it('lists the cases of a month and unit for the bureau', async () => {
    const res = await bureau.get(
      `/api/v1/cockpit/cases?metric=appealsDispatched&month=2026-03&departmentId=${d1}`,
    )
    expect(res.status).toBe(200)
    expect(res.body.total).toBe(2)
    expect(res.body.items.every((i: any) => i.kind === 'appeal' && i.departmentId === d1)).toBe(true)
    const overdue = await bureau.get('/api/v1/cockpit/cases?metric=appealsOverdue')
    expect(overdue.body.total).toBe(1)
    const bad = await bureau.get('/api/v1/cockpit/cases?metric=ratingsBad&month=2026-03')
    expect(bad.body.items.map((i: any) => i.level)).toEqual([2])
    const deemed = await bureau.get('/api/v1/cockpit/cases?metric=applicationsDeemedAccepted&month=2026-03')
    expect(deemed.body.total).toBe(1)
    const period = await bureau.get(
      `/api/v1/cockpit/cases?metric=appealsDispatched&from=2026-02&to=2026-03&departmentId=${d1}`,
    )
    expect(period.body.total).toBe(3)
  })

  it('lists only a head’s own units’ cases, whatever unit is asked for', async () => {
    const all = await headOfD1.get('/api/v1/cockpit/cases?metric=appealsDispatched&month=2026-03')
    expect(all.body.total).toBe(2)
    const other = await headOfD1.get(
      `/api/v1/cockpit/cases?metric=appealsDispatched&month=2026-03&departmentId=${d2}`,
    )
    expect(other.status).toBe(200)
    expect(other.body.total).toBe(0)
    const overdue = await headOfD1.get('/api/v1/cockpit/cases?metric=supervisionOpen')
    expect(overdue.body.total).toBe(0)
  })

  it('asks for the month of a month figure', async () => {
    const res = await bureau.get('/api/v1/cockpit/cases?metric=ratingsBad')
    expect(res.status).toBe(400)
    expect(res.body.error.fields.month).toBeTruthy()
  })
})

describe('open data', () => {
  const PERSONAL =
    /phone|mobile|email|person|user|rated_by|enterprise|uscc|credit_code|id_card|address|contact|comment|device|^name$/

  it('lists the closed months and serves one as JSON with the allow-listed aggregate columns', async () => {
    const anyone = t.anonymous()
    const index = await anyone.get('/api/v1/open-data/monthly')
    expect(index.status).toBe(200)
    expect(index.body.months[0]).toEqual({
      month: '2026-03',
      json: '/api/v1/open-data/monthly/2026-03.json',
      csv: '/api/v1/open-data/monthly/2026-03.csv',
    })
    const month = await anyone.get('/api/v1/open-data/monthly/2026-03.json')
    expect(month.status).toBe(200)
    for (const column of month.body.columns) expect(column).not.toMatch(PERSONAL)
    for (const row of month.body.rows) expect(Object.keys(row)).toEqual(month.body.columns)
    const first = month.body.rows.find((r: any) => r.department_name === '驾驶舱测试一局')
    expect(first.appeals_dispatched).toBe(2)
    expect(first.ratings_bad).toBe(1)
  })

  it('serves the same month as CSV with no person in it, and no current month', async () => {
    const anyone = t.anonymous()
    const res = await anyone.get('/api/v1/open-data/monthly/2026-03.csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body)
    expect(text.split('\r\n')[0]).toContain('month,department_code,department_name,appeals_dispatched')
    expect(text).not.toContain(enterpriseName)
    expect(text).not.toContain(phone)
    expect((await anyone.get('/api/v1/open-data/monthly/2026-04.json')).status).toBe(404)
    expect((await anyone.get('/api/v1/open-data/monthly/2026-13.csv')).status).toBe(400)
  })
})
