import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { sql } from 'kysely'
import { systemActor } from '../../kernel/auth/actor'
import { buildEnterprise, buildEnterpriseUser, signInAs, signInEnterprise } from '../../../test/factories'
import { createTestApp, type TestApp } from '../../../test/harness'
import { notifyRatingRecorded } from '../ratings/ratings-registry'
import { buildApplicationIn, buildMatterVersion } from '../services/services.factories'
import { sweepApplicationClocks } from '../services/application-clock-sweep.service'
import { buildLadderWorld, openByHand, type LadderWorld } from './supervision.factories'
import { seedDemoSupervisionCases } from './supervision-demo'
import { supervisionFigures } from './supervision-figures'
import { sweepSupervisionLadder } from './supervision-sweep.service'
import { openSupervisionCases } from './supervision.service'

/**
 * The ladder (督办) through HTTP on a real database with a pinned clock (Dalian time): every move and
 * who may make it, the escalation sweep on working days, and each automatic source opening once.
 */
const at = (local: string) => new Date(`${local}+08:00`)
const BASE = '/api/v1/supervision-cases'

let t: TestApp
let w: LadderWorld
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  // Tuesday before the National Day holiday (1–8 October 2026 off; 26 September and 10 October? the
  // kernel calendar knows): working days jump the holiday.
  vi.setSystemTime(at('2026-09-29T10:00:00'))
  t = await createTestApp({ STAFF_SESSION_HOURS: '5000', ENTERPRISE_SESSION_DAYS: '365' })
  w = await buildLadderWorld(t)
})
afterAll(async () => {
  await t.close()
  vi.useRealTimers()
})

async function read(id: string) {
  return (await w.dispatcher.get(`${BASE}/${id}`)).body
}

describe('the ladder by hand', () => {
  it('opens, is answered, sent back, answered again and accepted — each by whom the ladder says', async () => {
    // Only the bureau opens by hand; an unknown unit is refused on its field.
    expect((await w.headA.post(BASE, { departmentId: w.units.a, reason: '督促整改窗口推诿' })).status).toBe(
      403,
    )
    const unknown = await w.dispatcher.post(BASE, {
      departmentId: '00000000-0000-4000-8000-000000000000',
      reason: '督促整改窗口推诿',
    })
    expect(unknown.body.error).toMatchObject({ code: 'SUPERVISION_UNKNOWN_DEPARTMENT' })
    expect(
      (await w.dispatcher.post(BASE, { departmentId: w.units.a, reason: '短' })).body.error,
    ).toMatchObject({ code: 'VALIDATION_FAILED', fields: { reason: expect.any(String) } })

    const opened = await openByHand(w.dispatcher, w.units.a)
    expect(opened).toMatchObject({ status: 'open', level: 'section', source: 'manual', overdue: false })
    const calendar = await t.deps.calendar.calendar(t.deps.db)
    expect(opened.responseDueAt).toBe(calendar.addWorkingDays(at('2026-09-29T10:00:00'), 5).toISOString())

    // Who sees it, and which moves each may make now.
    expect((await w.dispatcher.get(`${BASE}/${opened.id}`)).body.allowedActions).toEqual([
      'escalate',
      'close',
    ])
    expect((await w.headA.get(`${BASE}/${opened.id}`)).body.allowedActions).toEqual(['respond'])
    expect((await w.handlerA.get(`${BASE}/${opened.id}`)).body.allowedActions).toEqual([])
    expect((await w.discipline.get(`${BASE}/${opened.id}`)).body.allowedActions).toEqual([])
    expect((await w.headB.get(`${BASE}/${opened.id}`)).status).toBe(404)
    expect((await w.handlerB.get(`${BASE}/${opened.id}`)).status).toBe(404)
    const listB = await w.headB.get(BASE)
    expect(listB.body.items.map((c: { id: string }) => c.id)).not.toContain(opened.id)

    // The bureau cannot verify what was not answered; a handler cannot answer; another unit's head finds nothing.
    expect(
      (await w.dispatcher.post(`${BASE}/${opened.id}/accept`, { version: 1, note: '核验通过' })).body.error
        .code,
    ).toBe('SUPERVISION_NOT_RESPONDED')
    const answer = { version: 1, note: '已约谈窗口负责人并整改', evidence: ['整改报告（2026-09-29）'] }
    expect((await w.handlerA.post(`${BASE}/${opened.id}/respond`, answer)).status).toBe(403)
    expect((await w.headB.post(`${BASE}/${opened.id}/respond`, answer)).status).toBe(404)
    expect((await w.dispatcher.post(`${BASE}/${opened.id}/respond`, answer)).status).toBe(403)
    expect(
      (await w.headA.post(`${BASE}/${opened.id}/respond`, { ...answer, version: 9 })).body.error.code,
    ).toBe('VERSION_CONFLICT')
    expect(
      (await w.headA.post(`${BASE}/${opened.id}/respond`, { ...answer, evidence: ['<b>'] })).body.error.code,
    ).toBe('VALIDATION_FAILED')

    const responded = await w.headA.post(`${BASE}/${opened.id}/respond`, answer)
    expect(responded.body).toMatchObject({ status: 'responded', version: 2 })
    expect(responded.body.allowedActions).toEqual([])
    expect(
      (await w.headA.post(`${BASE}/${opened.id}/respond`, { ...answer, version: 2 })).body.error.code,
    ).toBe('SUPERVISION_NOT_AWAITING_RESPONSE')
    expect((await w.headA.post(`${BASE}/${opened.id}/accept`, { version: 2, note: '自己核验' })).status).toBe(
      403,
    )

    const rejected = await w.leader.post(`${BASE}/${opened.id}/reject`, {
      version: 2,
      note: '未附整改前后对比',
    })
    expect(rejected.body).toMatchObject({ status: 'open', level: 'section' })
    const again = await w.headA.post(`${BASE}/${opened.id}/respond`, {
      version: rejected.body.version,
      note: '补充整改前后对比材料',
      evidence: ['整改前后对比照片'],
    })
    const accepted = await w.dispatcher.post(`${BASE}/${opened.id}/accept`, {
      version: again.body.version,
      note: '核验通过，窗口已整改',
    })
    expect(accepted.body).toMatchObject({ status: 'closed', closingNote: '核验通过，窗口已整改' })
    expect(accepted.body.closedByName).toBeTruthy()
    expect(accepted.body.allowedActions).toEqual([])
    expect(accepted.body.timeline.map((e: { type: string }) => e.type)).toEqual([
      'open',
      'respond',
      'reject_response',
      'respond',
      'accept_response',
    ])
    expect(accepted.body.timeline[1].data).toEqual({ evidence: ['整改报告（2026-09-29）'] })
    expect(
      (
        await w.dispatcher.post(`${BASE}/${opened.id}/close`, {
          version: accepted.body.version,
          note: '再关一次',
        })
      ).body.error.code,
    ).toBe('SUPERVISION_CASE_CLOSED')

    // Every move is audited.
    const admin = await signInAs(t, 'admin')
    const audit = await admin.get(`/api/v1/audit?entityType=supervision_case&entityId=${opened.id}`)
    expect(audit.body.items.map((r: { action: string }) => r.action).sort()).toEqual([
      'supervision_case.accept_response',
      'supervision_case.open',
      'supervision_case.reject_response',
      'supervision_case.respond',
      'supervision_case.respond',
    ])
  })

  it('an enterprise sees none, and the list filters by level, source, status and overdue', async () => {
    const enterprise = await buildEnterprise(t)
    const member = await signInEnterprise(
      t,
      (await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })).phone,
    )
    expect((await member.get(BASE)).status).toBe(403)

    const city = await openByHand(w.dispatcher, w.units.b, { level: 'city', responseDays: 1 })
    const byLevel = await w.dispatcher.get(`${BASE}?level=city&departmentId=${w.units.b}`)
    expect(byLevel.body.items.map((c: { id: string }) => c.id)).toEqual([city.id])
    expect(
      (await w.dispatcher.get(`${BASE}?source=appeal_breach&departmentId=${w.units.b}`)).body.total,
    ).toBe(0)
    expect((await w.dispatcher.get(`${BASE}?status=open&departmentId=${w.units.b}`)).body.total).toBe(1)
    expect((await w.dispatcher.get(`${BASE}?overdue=true&departmentId=${w.units.b}`)).body.total).toBe(0)
    expect((await w.dispatcher.get(`${BASE}?overdue=nope`)).status).toBe(400)
    vi.setSystemTime(new Date(Date.parse(city.responseDueAt) + 60_000))
    try {
      const overdue = await w.headB.get(`${BASE}?overdue=true`)
      expect(overdue.body.items.map((c: { id: string; overdue: boolean }) => [c.id, c.overdue])).toEqual([
        [city.id, true],
      ])
    } finally {
      vi.setSystemTime(at('2026-09-29T10:00:00'))
    }
  })
})

describe('the escalation sweep', () => {
  it('climbs one level when no response came by the deadline in working days, and stops at city', async () => {
    const opened = await openByHand(w.dispatcher, w.units.a)
    const calendar = await t.deps.calendar.calendar(t.deps.db)
    const sectionDue = new Date(opened.responseDueAt)
    // The National Day holiday lies between: five working days are far more than five calendar days.
    expect(sectionDue.getTime() - at('2026-09-29T10:00:00').getTime()).toBeGreaterThan(9 * 86_400_000)

    await sweepSupervisionLadder(t.deps, new Date(sectionDue.getTime() - 60_000))
    expect(await read(opened.id)).toMatchObject({ level: 'section', escalationCount: 0 })

    await sweepSupervisionLadder(t.deps, sectionDue)
    const bureau = await read(opened.id)
    const bureauDue = calendar.addWorkingDays(sectionDue, 3)
    expect(bureau).toMatchObject({ level: 'bureau', status: 'open', escalationCount: 1 })
    expect(bureau.responseDueAt).toBe(bureauDue.toISOString())
    // Twice at the same instant does nothing more.
    await sweepSupervisionLadder(t.deps, sectionDue)
    expect((await read(opened.id)).escalationCount).toBe(1)

    await sweepSupervisionLadder(t.deps, bureauDue)
    const city = await read(opened.id)
    expect(city).toMatchObject({ level: 'city', escalationCount: 2 })
    await sweepSupervisionLadder(t.deps, new Date(Date.parse(city.responseDueAt) + 86_400_000))
    expect(await read(opened.id)).toMatchObject({ level: 'city', escalationCount: 2 })
    expect(
      city.timeline
        .filter((e: { type: string }) => e.type === 'escalate')
        .map((e: { data: object }) => e.data),
    ).toMatchObject([
      { from: 'section', to: 'bureau' },
      { from: 'bureau', to: 'city' },
    ])

    // By hand it cannot climb past city; the next level's readers heard of each climb.
    expect(
      (
        await w.dispatcher.post(`${BASE}/${opened.id}/escalate`, {
          version: city.version,
          note: '再次提级督办',
        })
      ).body.error.code,
    ).toBe('SUPERVISION_TOP_LEVEL')
    const heard = await t.deps.db
      .selectFrom('notifications')
      .select('template')
      .where('template', '=', 'supervision.escalated')
      .execute()
    expect(heard.length).toBeGreaterThanOrEqual(2)
    const admin = await signInAs(t, 'admin')
    const audit = await admin.get(`/api/v1/audit?entityType=supervision_case&entityId=${opened.id}`)
    expect(
      audit.body.items.filter((r: { action: string }) => r.action === 'supervision_case.escalate'),
    ).toHaveLength(2)
  })

  it('a response stops the clock: a responded case does not climb', async () => {
    const opened = await openByHand(w.dispatcher, w.units.a)
    await w.headA.post(`${BASE}/${opened.id}/respond`, { version: 1, note: '已整改完毕', evidence: [] })
    await sweepSupervisionLadder(t.deps, new Date(Date.parse(opened.responseDueAt) + 86_400_000))
    expect(await read(opened.id)).toMatchObject({ level: 'section', status: 'responded' })
  })

  it('the bureau escalates by hand with a note', async () => {
    const opened = await openByHand(w.dispatcher, w.units.a)
    const up = await w.leader.post(`${BASE}/${opened.id}/escalate`, {
      version: 1,
      note: '情节严重，提级督办',
    })
    expect(up.body).toMatchObject({ level: 'bureau', escalationCount: 1 })
    expect(
      (await w.headA.post(`${BASE}/${opened.id}/escalate`, { version: 2, note: '提级督办' })).status,
    ).toBe(403)
  })
})

describe('automatic sources, once per cause', () => {
  it('repeated bad ratings of one unit open one case when the threshold is reached', async () => {
    const unit = w.units.b
    const enterprise = await buildEnterprise(t)
    const rate = async (level: number) => {
      await t.deps.db.transaction().execute(async (tx) => {
        const row = await tx
          .insertInto('ratings')
          .values({
            subject_type: 'appeal',
            subject_id: crypto.randomUUID(),
            department_id: unit,
            enterprise_id: enterprise.id,
            level,
            rated_at: new Date(),
          })
          .returning(['id', 'rated_at'])
          .executeTakeFirstOrThrow()
        await notifyRatingRecorded(tx, {
          id: row.id,
          subjectType: 'appeal',
          subjectId: crypto.randomUUID(),
          stage: 'final',
          departmentId: unit,
          enterpriseId: enterprise.id,
          kind: 'given',
          level,
          comment: null,
          ratedBy: null,
          ratedAt: row.rated_at,
        })
      })
    }
    const cases = async () => (await w.dispatcher.get(`${BASE}?source=bad_ratings&departmentId=${unit}`)).body
    await rate(1)
    await rate(5) // a good one counts for nothing
    await rate(2)
    expect((await cases()).total).toBe(0)
    await rate(1) // the third bad one within 30 days (the default settings)
    const opened = await cases()
    expect(opened.total).toBe(1)
    expect(opened.items[0]).toMatchObject({ subjectType: 'department', subjectId: unit, level: 'section' })
    await rate(1)
    await rate(2)
    await rate(1)
    expect((await cases()).total).toBe(1)
    const detail = await read(opened.items[0].id)
    expect(detail.timeline[0].data.ratings).toHaveLength(3)
  })

  it('a deemed-accepted application opens one case against its department', async () => {
    const enterprise = await buildEnterprise(t)
    const applicant = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
    const matter = await buildMatterVersion(t, { departmentId: w.units.a })
    const id = await buildApplicationIn(t, 'submitted', {
      matter,
      enterpriseId: enterprise.id,
      createdBy: applicant.id,
      dueAt: at('2026-09-28T17:30:00'),
    })
    await sweepApplicationClocks(t.deps, at('2026-09-29T10:00:00'))
    await sweepApplicationClocks(t.deps, at('2026-09-29T10:05:00'))
    const found = await w.headA.get(`${BASE}?source=deemed_accepted`)
    const mine = found.body.items.filter((c: { subjectId: string }) => c.subjectId === id)
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({
      subjectType: 'application',
      departmentId: w.units.a,
      subjectTitle: expect.any(String),
    })
  })
})

describe('figures for the cockpit', () => {
  it('counts opened, closed, escalated by level, overdue and by unit', async () => {
    const figures = await supervisionFigures(t.deps.db, {
      from: at('2026-09-01T00:00:00'),
      to: at('2026-12-31T00:00:00'),
    })
    expect(figures.opened).toBeGreaterThanOrEqual(6)
    expect(figures.closed).toBeGreaterThanOrEqual(1)
    expect(figures.escalated.bureau).toBeGreaterThanOrEqual(2)
    expect(figures.escalated.city).toBeGreaterThanOrEqual(1)
    expect(figures.openedBySource).toMatchObject({
      manual: expect.any(Number),
      bad_ratings: 1,
      deemed_accepted: 1,
    })
    const a = figures.byUnit.find((u) => u.departmentId === w.units.a)!
    expect(a.opened).toBeGreaterThanOrEqual(4)
    expect(a.closed).toBe(1)
  })
})

describe('settings', () => {
  it('the leadership sets the ladder; the task force reads it', async () => {
    const settings = {
      sectionDays: 4,
      bureauDays: 3,
      cityDays: 2,
      badRatingThreshold: 5,
      badRatingWindowDays: 60,
    }
    expect((await w.dispatcher.put('/api/v1/supervision-settings', settings)).status).toBe(403)
    expect((await w.leader.put('/api/v1/supervision-settings', { ...settings, sectionDays: 0 })).status).toBe(
      400,
    )
    expect((await w.leader.put('/api/v1/supervision-settings', settings)).body).toEqual(settings)
    expect((await w.dispatcher.get('/api/v1/supervision-settings')).body).toEqual(settings)
    // opened at the pinned Tuesday before National Day: four working days jump the holiday
    const openedAt = at('2026-09-29T10:00:00')
    vi.setSystemTime(openedAt)
    const opened = await openByHand(w.dispatcher, w.units.a)
    const calendar = await t.deps.calendar.calendar(t.deps.db)
    expect(opened.responseDueAt).toBe(calendar.addWorkingDays(openedAt, 4).toISOString())
  })
})

describe('the demo', () => {
  it('seeds one case at each step of the ladder, once', async () => {
    await t.deps.db.deleteFrom('supervision_case_events').execute()
    await t.deps.db.deleteFrom('supervision_cases').execute()
    const ids = new Map([
      ['DL-SCJGJ', w.units.a],
      ['DL-TAX', w.units.b],
      ['DL-RSJ', w.units.a],
    ])
    expect(await seedDemoSupervisionCases(t.deps, (code) => ids.get(code))).toBe(3)
    expect(await seedDemoSupervisionCases(t.deps, (code) => ids.get(code))).toBe(0)
    const all = (await w.dispatcher.get(BASE)).body
    expect(all.items.map((c: { status: string; level: string }) => `${c.status}/${c.level}`).sort()).toEqual([
      'open/bureau',
      'open/section',
      'responded/section',
    ])
  })
})

describe('many at once (a sweep)', () => {
  it('opens each cause once, writes few statements, and sends each person one message', async () => {
    const [p1, p2, p3] = [randomUUID(), randomUUID(), randomUUID()]
    const ask = (subjectId: string, departmentId: string) => ({
      source: 'overdue_payment' as const,
      subjectType: 'payable' as const,
      subjectId,
      departmentId,
      reason: `逾期未支付中小企业款项：${subjectId.slice(0, 8)}`,
    })
    const opened = await t.deps.db.transaction().execute((tx) =>
      openSupervisionCases(t.deps, tx, systemActor('test'), [
        ask(p1, w.units.a),
        ask(p2, w.units.a),
        ask(p3, w.units.b),
        ask(p1, w.units.a), // the same cause twice: one case
      ]),
    )
    expect(opened.map((o) => o.isNew)).toEqual([true, true, true, false])
    expect(opened[3]!.id).toBe(opened[0]!.id)
    expect(new Set(opened.map((o) => o.id)).size).toBe(3)
    // asked again (the next day's sweep): nothing new
    const again = await t.deps.db
      .transaction()
      .execute((tx) => openSupervisionCases(t.deps, tx, systemActor('test'), [ask(p2, w.units.a)]))
    expect(again).toEqual([{ id: opened[1]!.id, isNew: false }])
    for (const { id } of opened.slice(0, 3)) {
      const c = await read(id)
      expect(c).toMatchObject({ source: 'overdue_payment', status: 'open', level: 'section' })
    }
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'supervision_case.open')
      .where(
        'entity_id',
        'in',
        opened.map((o) => o.id),
      )
      .execute()
    expect(audit).toHaveLength(3)
    // one message each: A's head of two cases (the count), B's head of one (its reason), the task force of three
    const messages = await t.deps.db
      .selectFrom('notifications as n')
      .innerJoin('user_roles as r', 'r.user_id', 'n.recipient_user_id')
      .select(['r.role', 'r.department_id', 'n.template', 'n.params'])
      .where('n.template', 'in', ['supervision.opened', 'supervision.openedMany'])
      // this test's: the count, or an overdue payment's reason (no other test opens those)
      .where(sql<boolean>`n.params ? 'count' OR n.params->>'reason' LIKE '逾期未支付中小企业款项%'`)
      .execute()
    const of = (role: string, departmentId?: string) =>
      messages.filter((m) => m.role === role && (!departmentId || m.department_id === departmentId))
    expect(of('department_head', w.units.a)).toMatchObject([
      { template: 'supervision.openedMany', params: { count: 2 } },
    ])
    expect(of('department_head', w.units.b)).toMatchObject([{ template: 'supervision.opened' }])
    expect(of('dispatcher')).toMatchObject([{ template: 'supervision.openedMany', params: { count: 3 } }])
  })
})
