import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildDepartment,
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  signInAs,
  signInStaff,
} from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import { buildApplication, buildMatter, buildNotice, material } from './services-figures.factories'
import type { ApplicationFacts } from './services-figures.factories'

/**
 * The services figures through HTTP on a real database, checked against numbers worked out by hand
 * (docs/METRICS.md "Online services"). The figures read only stored instants — none from the wall
 * clock — so the rows below give the same answer whenever the suite runs. March 2026 in Dalian has no
 * holiday; a working day is 09:00–12:00 and 13:30–17:30 (420 minutes). Times are Dalian's (UTC+8).
 */
const FIGURES = '/api/v1/services/figures'
const STATISTICS = '/api/v1/services/statistics'
const at = (local: string) => new Date(`${local}:00+08:00`)

let t: TestApp
let d1: string
let d2: string
let enterpriseName: string
let bureau: TestClient
let headOfD1: TestClient
const ids: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestApp()
  d1 = (await buildDepartment(t, { name: '统计测试一局' })).id
  d2 = (await buildDepartment(t, { name: '统计测试二局' })).id
  const enterprise = await buildEnterprise(t)
  enterpriseName = enterprise.name
  const user = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
  // M1: promised 5 of statutory 20 working days; the platform supplies two of its three materials
  const m1 = await buildMatter(t, {
    departmentId: d1,
    name: '统计测试许可甲',
    promisedLimitDays: 5,
    statutoryLimitDays: 20,
    materials: [material('营业执照', true), material('申请书', false), material('身份证', true)],
  })
  const m2 = await buildMatter(t, {
    departmentId: d2,
    name: '统计测试许可乙',
    promisedLimitDays: 10,
    statutoryLimitDays: 20,
  })
  const of = (matter: typeof m1, departmentId: string, facts: ApplicationFacts) =>
    buildApplication(
      t,
      { enterpriseId: enterprise.id, applicantUserId: user.id, matter, departmentId },
      { title: `${enterpriseName}的申请`, ...facts },
    )
  // A1: Mon 2 Mar 10:00 → Thu 5 Mar 10:00 = 3.0 days, before its promised due: early, no visit
  ids.a1 = await of(m1, d1, {
    status: 'approved',
    received_at: at('2026-03-02T10:00'),
    accepted_from: at('2026-03-02T10:00'),
    decision_due_at: at('2026-03-09T17:30'),
    statutory_due_at: at('2026-03-30T17:30'),
    decided_at: at('2026-03-05T10:00'),
  })
  await buildNotice(t, ids.a1, { kind: 'supplement', issuedAt: at('2026-03-02T15:00'), title: '补正告知书' })
  // A2: the check came late (deemed accepted); Tue 3 → Fri 13 Mar = 8 days, one of them in a special
  // step (420 minutes) → 7.0; decided after its promised due, one visit, refused
  ids.a2 = await of(m1, d1, {
    status: 'refused',
    received_at: at('2026-03-03T10:00'),
    accepted_from: at('2026-03-03T10:00'),
    deemed_accepted: true,
    completeness_due_at: at('2026-03-10T17:30'),
    decision_due_at: at('2026-03-10T17:30'),
    statutory_due_at: at('2026-03-31T17:30'),
    decided_at: at('2026-03-13T10:00'),
    suspended_minutes: 420,
    visits_made: 1,
  })
  // A3: an instant matter: approved on receipt, no decision clock → 0.0 days
  ids.a3 = await of(m1, d1, {
    status: 'approved',
    instant: true,
    received_at: at('2026-03-04T10:00'),
    decided_at: at('2026-03-04T10:00'),
  })
  // A4: received in March, decided in April: Fri 6 Mar 10:00 → Thu 2 Apr 10:00 = 19.0 days
  ids.a4 = await of(m2, d2, {
    status: 'approved',
    received_at: at('2026-03-05T10:00'),
    accepted_from: at('2026-03-06T10:00'),
    decision_due_at: at('2026-03-20T17:30'),
    statutory_due_at: at('2026-04-03T17:30'),
    decided_at: at('2026-04-02T10:00'),
  })
  await buildNotice(t, ids.a4, { kind: 'supplement', issuedAt: at('2026-03-05T15:00'), title: '补正告知书' })
  // A5: received in February: outside the period
  ids.a5 = await of(m2, d2, { status: 'accepted', received_at: at('2026-02-27T10:00') })
  // A6: 00:30 on 1 April in Dalian (still 31 March in UTC): April's
  ids.a6 = await of(m2, d2, { status: 'submitted', received_at: new Date('2026-03-31T16:30:00Z') })
  // a draft was never received: it counts nowhere
  await of(m1, d1, { status: 'draft' })
  // May: A7's supplement went unanswered (视为撤回 by the sweep); A8 never brought what it committed
  // to (容缺 terminated); A9 was withdrawn by its applicant, which the clock did not do
  ids.a7 = await of(m1, d1, { status: 'withdrawn', received_at: at('2026-05-06T10:00') })
  await buildNotice(t, ids.a7, { kind: 'supplement', issuedAt: at('2026-05-06T15:00'), title: '补正告知书' })
  await buildNotice(t, ids.a7, {
    kind: 'withdrawal',
    issuedAt: at('2026-05-14T00:01'),
    title: '视为撤回申请通知书',
  })
  ids.a8 = await of(m1, d1, { status: 'terminated', received_at: at('2026-05-07T10:00') })
  await buildNotice(t, ids.a8, {
    kind: 'termination',
    issuedAt: at('2026-05-20T00:01'),
    title: '终止办理通知书',
  })
  await of(m1, d1, { status: 'withdrawn', received_at: at('2026-05-08T10:00') })

  bureau = await signInAs(t, 'bureau_leader')
  headOfD1 = await signInStaff(t, await buildStaff(t, { roles: ['department_head'], departmentId: d1 }))
})
afterAll(() => t.close())

type Row = Record<string, unknown> & { month: string; departmentId: string | null; matterId: string | null }
const rowOf = (rows: Row[], month: string, departmentId: string | null) =>
  rows.find((r) => r.month === month && r.departmentId === departmentId)

const MARCH_D1 = {
  departmentName: '统计测试一局',
  received: 3,
  deemedAccepted: 1,
  deemedAcceptedRate: 0.3333,
  supplementRequests: 1,
  supplementsPerApplication: 0.3333,
  finished: 3,
  approved: 2,
  refused: 1,
  instant: 1,
  instantRate: 0.3333,
  zeroVisit: 2,
  zeroVisitRate: 0.6667,
  withDecisionClock: 2,
  finishedEarly: 1,
  earlyRate: 0.5,
  pastPromised: 1,
  pastStatutory: 0,
  usedDaysMean: 3.3, // (3.0 + 7.0 + 0.0) / 3
  usedDaysMedian: 3,
  usedDaysP90: 7,
  promisedDaysMean: 5,
  statutoryDaysMean: 20,
  promisedBelowStatutory: 0.75, // 1 − 15 / 60
  materialsAsked: 9,
  materialsSuppliedByPlatform: 6,
  platformSupplyRate: 0.6667,
}

const EMPTY_DECISIONS = {
  finished: 0,
  instantRate: null,
  zeroVisitRate: null,
  earlyRate: null,
  usedDaysMean: null,
  usedDaysMedian: null,
  usedDaysP90: null,
  promisedBelowStatutory: null,
  platformSupplyRate: null,
}

describe('Services figures', () => {
  it('counts each department by month exactly as worked out by hand', async () => {
    const res = await bureau.get(`${FIGURES}?from=2026-03&to=2026-04&by=department`)
    expect(res.status).toBe(200)
    const rows = res.body.rows as Row[]
    expect(rows).toHaveLength(3)
    expect(rowOf(rows, '2026-03', d1)).toMatchObject(MARCH_D1)
    expect(rowOf(rows, '2026-03', d2)).toMatchObject({
      received: 1,
      deemedAccepted: 0,
      supplementsPerApplication: 1,
      ...EMPTY_DECISIONS,
    })
    expect(rowOf(rows, '2026-04', d2)).toMatchObject({
      received: 1, // A6, by the city's date
      finished: 1,
      approved: 1,
      instantRate: 0,
      zeroVisitRate: 1,
      withDecisionClock: 1,
      earlyRate: 0,
      pastPromised: 1,
      pastStatutory: 0,
      usedDaysMean: 19,
      usedDaysMedian: 19,
      promisedDaysMean: 10,
      promisedBelowStatutory: 0.5,
      materialsAsked: 0,
      platformSupplyRate: null,
    })
    // the late check is a failure, listed for follow-up
    expect(res.body.deemedAcceptedApplications).toEqual([
      expect.objectContaining({ id: ids.a2, departmentName: '统计测试一局', matterName: '统计测试许可甲' }),
    ])
  })

  it('adds up to the city, and splits by matter', async () => {
    const city = await bureau.get(`${FIGURES}?from=2026-03&to=2026-03&by=city`)
    expect(city.body.rows).toEqual([
      expect.objectContaining({
        month: '2026-03',
        departmentId: null,
        matterId: null,
        received: 4,
        deemedAccepted: 1,
        deemedAcceptedRate: 0.25,
        supplementsPerApplication: 0.5,
        finished: 3,
        usedDaysMean: 3.3,
      }),
    ])
    const byMatter = await bureau.get(`${FIGURES}?from=2026-03&to=2026-03&by=matter`)
    expect(byMatter.body.rows.map((r: Row) => [r.matterName, r.received, r.finished]).sort()).toEqual([
      ['统计测试许可乙', 1, 0],
      ['统计测试许可甲', 3, 3],
    ])
  })

  it('counts the applications the clock closed apart: deemed withdrawn, terminated', async () => {
    const res = await bureau.get(`${FIGURES}?from=2026-05&to=2026-05&by=city`)
    expect(res.status).toBe(200)
    expect(res.body.rows).toEqual([
      expect.objectContaining({
        month: '2026-05',
        received: 3,
        deemedWithdrawn: 1,
        terminated: 1,
        supplementsPerApplication: 0.3333,
        finished: 0,
      }),
    ])
    // the earlier months have none
    const march = await bureau.get(`${FIGURES}?from=2026-03&to=2026-03&by=city`)
    expect(march.body.rows[0]).toMatchObject({ deemedWithdrawn: 0, terminated: 0 })
  })

  it('shows a department head their own department only; other roles are refused', async () => {
    const res = await headOfD1.get(`${FIGURES}?from=2026-03&to=2026-04`)
    expect(res.status).toBe(200)
    expect(res.body.rows).toEqual([expect.objectContaining({ departmentId: d1, ...MARCH_D1 })])
    for (const role of ['handler', 'inspector', 'enterprise'] as const) {
      const refused = await (await signInAs(t, role)).get(`${FIGURES}?from=2026-03&to=2026-04`)
      expect([role, refused.body.error?.code]).toEqual([role, 'FORBIDDEN'])
    }
    expect((await t.anonymous().get(`${FIGURES}?from=2026-03&to=2026-04`)).status).toBe(401)
  })

  it('publishes the same aggregates to everyone, with no application or enterprise named', async () => {
    const res = await t.anonymous().get(`${STATISTICS}?from=2026-03&to=2026-04&by=matter`)
    expect(res.status).toBe(200)
    expect(res.body).not.toHaveProperty('deemedAcceptedApplications')
    expect(rowOf(res.body.rows, '2026-03', d1)).toMatchObject({ ...MARCH_D1, matterName: '统计测试许可甲' })
    const text = JSON.stringify(res.body)
    expect(text).not.toContain(enterpriseName)
    for (const id of Object.values(ids)) expect(text).not.toContain(id)
  })

  it('refuses a period that is not one to 24 months, with the field named', async () => {
    for (const query of ['from=2026-04&to=2026-03', 'from=2024-01&to=2026-01']) {
      const res = await bureau.get(`${FIGURES}?${query}`)
      expect([query, res.status, Object.keys(res.body.error.fields)]).toEqual([query, 400, ['to']])
    }
    const bad = await t.anonymous().get(`${STATISTICS}?from=2026-13&to=march&by=year`)
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['by', 'from', 'to'])
  })
})
