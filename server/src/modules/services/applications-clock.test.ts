import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  buildDepartment,
  buildEnterprise,
  buildEnterpriseUser,
  signInAs,
  signInEnterprise,
} from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import { sweepApplicationClocks } from './application-clock-sweep.service'
import { attachMaterials, buildPublishedMatter } from './services.factories'

/**
 * The licensing clock's sweep with a pinned clock (Dalian time): a completeness check that came too
 * late is a deemed acceptance from the day the (last) materials arrived; a missed 容缺 commitment
 * ends the application; a supplement request left unanswered past its deadline is a deemed withdrawal. The sweep is idempotent and leaves everything else alone.
 */
const BASE = '/api/v1/services/applications'
const at = (local: string) => new Date(`${local}+08:00`)
const iso = (local: string) => at(local).toISOString()

let t: TestApp
let applicant: TestClient
let handler: TestClient
let enterpriseId: string
let matterId: string

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at('2026-11-02T10:00:00'))
  t = await createTestApp({ STAFF_SESSION_HOURS: '5000', ENTERPRISE_SESSION_DAYS: '365' })
  const departmentId = (await buildDepartment(t)).id
  handler = await signInAs(t, 'handler', { departmentId })
  // what the matter editor does not write yet: the materials that may follow a 容缺 acceptance
  matterId = await buildPublishedMatter(handler, departmentId, {
    beforePublish: (id) =>
      t.deps.db
        .updateTable('service_matter_versions')
        .set({ tolerance_materials: JSON.stringify(['食品安全管理制度文本']) })
        .where('matter_id', '=', id)
        .execute(),
  })
  enterpriseId = (await buildEnterprise(t)).id
  applicant = await signInEnterprise(
    t,
    (await buildEnterpriseUser(t, { enterpriseIds: [enterpriseId] })).phone,
  )
})
afterAll(async () => {
  await t.close()
  vi.useRealTimers()
})

async function submitted(): Promise<string> {
  const opened = await applicant.post(BASE, { enterpriseId, matterId })
  await attachMaterials(applicant, opened.body.id)
  expect((await applicant.post(`${BASE}/${opened.body.id}/submit`)).status).toBe(200)
  return opened.body.id
}

async function read(id: string) {
  return (await applicant.get(`${BASE}/${id}`)).body
}

async function noticeKinds(id: string) {
  const rows = await t.deps.db
    .selectFrom('application_notices')
    .select('kind')
    .where('application_id', '=', id)
    .orderBy('issued_at')
    .orderBy('id')
    .execute()
  return rows.map((r) => r.kind)
}

describe('the licensing clock sweep', () => {
  it('with nothing due, does nothing', async () => {
    expect(await sweepApplicationClocks(t.deps, at('2026-11-02T10:00:00'))).toEqual({
      deemed: 0,
      terminated: 0,
      withdrawn: 0,
    })
  })

  it('deems an application accepted from receipt once the 5 working days are over, once', async () => {
    const id = await submitted()
    const answered = await submitted()
    await handler.post(`${BASE}/${answered}/supplement-request`, {
      items: [{ item: '申请书', problem: '缺' }],
    })
    vi.setSystemTime(at('2026-11-04T15:00:00'))
    await applicant.post(`${BASE}/${answered}/supplement`, { note: '补齐' })

    // the last minute of the fifth working day: not yet
    await sweepApplicationClocks(t.deps, at('2026-11-09T17:29:00'))
    expect((await read(id)).status).toBe('submitted')

    const swept = await sweepApplicationClocks(t.deps, at('2026-11-09T17:31:00'))
    expect(swept.deemed).toBeGreaterThanOrEqual(1)
    expect(await read(id)).toMatchObject({
      status: 'accepted',
      deemedAccepted: true,
      acceptedAt: iso('2026-11-09T17:31:00'),
      acceptedFrom: iso('2026-11-02T10:00:00'),
      decisionDueAt: iso('2026-11-16T17:30:00'),
      statutoryDueAt: iso('2026-11-30T17:30:00'),
    })
    expect(await noticeKinds(id)).toEqual(['receipt', 'deemed_acceptance'])
    // the answered supplement restarted the check: 5 working days from the answer
    expect((await read(answered)).status).toBe('submitted')

    expect(await sweepApplicationClocks(t.deps, at('2026-11-09T17:40:00'))).toEqual({
      deemed: 0,
      terminated: 0,
      withdrawn: 0,
    })
    expect(await noticeKinds(id)).toEqual(['receipt', 'deemed_acceptance'])
    const events = await t.deps.db
      .selectFrom('application_events')
      .select(['type', 'actor_role'])
      .where('application_id', '=', id)
      .orderBy('id')
      .execute()
    expect(events.map((e) => e.type)).toEqual(['open', 'submit', 'deem_accepted'])

    await sweepApplicationClocks(t.deps, at('2026-11-11T17:31:00'))
    expect(await read(answered)).toMatchObject({
      status: 'accepted',
      deemedAccepted: true,
      acceptedFrom: iso('2026-11-04T15:00:00'),
    })
    vi.setSystemTime(at('2026-11-02T10:00:00'))
  })

  it('ends a 容缺 acceptance whose materials did not come in time; a kept one goes on', async () => {
    const missed = await submitted()
    const kept = await submitted()
    for (const id of [missed, kept]) {
      await applicant.post(`${BASE}/${id}/tolerance-commitment`, {
        items: ['食品安全管理制度文本'],
        commitment: '承诺3个工作日内补交',
      })
      const accepted = await handler.post(`${BASE}/${id}/tolerance-acceptance`, {
        items: ['食品安全管理制度文本'],
        dueWorkingDays: 3,
      })
      expect(accepted.body.toleranceDueAt).toBe(iso('2026-11-05T17:30:00'))
    }
    await applicant.post(`${BASE}/${kept}/tolerance-fulfilment`, { note: '已补交' })

    expect((await sweepApplicationClocks(t.deps, at('2026-11-05T17:00:00'))).terminated).toBe(0)
    const swept = await sweepApplicationClocks(t.deps, at('2026-11-05T17:31:00'))
    expect(swept.terminated).toBe(1)
    expect((await read(missed)).status).toBe('terminated')
    expect((await noticeKinds(missed)).at(-1)).toBe('termination')
    expect((await read(kept)).status).toBe('accepted')

    vi.setSystemTime(at('2026-11-06T09:00:00'))
    const late = await applicant.post(`${BASE}/${missed}/tolerance-fulfilment`, { note: '晚了' })
    expect(late.body.error.code).toBe('APPLICATION_NOT_UNDER_REVIEW')
    expect((await sweepApplicationClocks(t.deps, at('2026-11-06T09:00:00'))).terminated).toBe(0)
    vi.setSystemTime(at('2026-11-02T10:00:00'))
  })

  it('deems an application withdrawn when its supplement request goes unanswered past the deadline', async () => {
    const lapsed = await submitted()
    const requested = await handler.post(`${BASE}/${lapsed}/supplement-request`, {
      items: [{ item: '营业场所证明', problem: '未提交' }],
    })
    expect(requested.status).toBe(200)
    const due = new Date(requested.body.supplementDueAt as string)
    const minutes = (n: number) => new Date(due.getTime() + n * 60_000)
    const told = await t.deps.db
      .selectFrom('application_notices')
      .select('body')
      .where('application_id', '=', lapsed)
      .where('kind', '=', 'supplement')
      .executeTakeFirstOrThrow()
    expect(told.body).toContain('逾期未补正的，视为撤回申请')

    // the last minute of the last day: still open to an answer
    expect((await sweepApplicationClocks(t.deps, minutes(-1))).withdrawn).toBe(0)
    expect((await read(lapsed)).status).toBe('supplement_requested')

    const swept = await sweepApplicationClocks(t.deps, minutes(1))
    expect(swept.withdrawn).toBe(1)
    expect((await read(lapsed)).status).toBe('withdrawn')
    // receipt and supplement request share the pinned minute; the withdrawal notice comes last
    const kinds = await noticeKinds(lapsed)
    expect(kinds.at(-1)).toBe('withdrawal')
    expect(kinds.sort()).toEqual(['receipt', 'supplement', 'withdrawal'])
    const notice = await t.deps.db
      .selectFrom('application_notices')
      .select(['title', 'body'])
      .where('application_id', '=', lapsed)
      .where('kind', '=', 'withdrawal')
      .executeTakeFirstOrThrow()
    expect(notice.title).toBe('视为撤回申请通知书')
    expect(notice.body).toContain('视为撤回')
    const events = await t.deps.db
      .selectFrom('application_events')
      .select(['type', 'actor_role'])
      .where('application_id', '=', lapsed)
      .orderBy('id')
      .execute()
    expect(events.map((e) => e.type)).toEqual(['open', 'submit', 'request_supplement', 'deem_withdrawn'])
    // the applicant's timeline shows the step, with the deadline it missed
    const timeline = await applicant.get(`${BASE}/${lapsed}/timeline`)
    expect(timeline.status).toBe(200)
    expect(JSON.stringify(timeline.body)).toContain('deem_withdrawn')
    expect(JSON.stringify(timeline.body)).toContain(due.toISOString())
    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', lapsed)
      .where('action', 'like', '%deem_withdrawn%')
      .execute()
    expect(audited).toHaveLength(1)

    // the answer now comes too late, and a second sweep moves nothing
    vi.setSystemTime(minutes(2))
    const late = await applicant.post(`${BASE}/${lapsed}/supplement`, { note: '补交' })
    expect(late.status).toBe(409)
    expect(late.body.error.code).toBe('APPLICATION_NO_SUPPLEMENT_PENDING')
    expect((await sweepApplicationClocks(t.deps, minutes(3))).withdrawn).toBe(0)
    vi.setSystemTime(at('2026-11-02T10:00:00'))
  })
})
