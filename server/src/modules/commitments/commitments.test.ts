import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { buildCommitmentWorld, registerPayable, type CommitmentWorld } from './commitments.factories'
import { sweepOverdueCommitments } from './commitments.sweep'

/**
 * The ledger through HTTP on a real database: a payable registered late is overdue at once and opens
 * a supervision case; the enterprise complains, the bureau verifies; the unit pays in two parts with
 * interest; a broken repayment plan is a second breach; the yearly publication counts what is owed.
 * The clock is pinned (Tuesday 10 March 2026, 10:00 in Dalian); the sweep gets its instants.
 */
const API = '/api/v1/commitments'
const at = (date: string) => new Date(`${date}T02:00:00Z`)

let t: TestApp
let w: CommitmentWorld
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at('2026-03-10'))
  // the story spans weeks of the pinned clock: sessions must outlive it
  t = await createTestApp({ STAFF_SESSION_HOURS: '1000' })
  w = await buildCommitmentWorld(t)
})
afterAll(async () => {
  await t.close()
  vi.useRealTimers()
})

async function auditActions(entityId: string) {
  const rows = await t.deps.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', entityId)
    .execute()
  // as a set: rows written in one frozen instant have no order worth asserting
  return rows.map((r) => r.action).sort()
}

async function countCommitments() {
  const row = await t.deps.db
    .selectFrom('commitments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('registering a payable', () => {
  it.each([
    [{ paymentTermDays: 45 }, 'PAYMENT_TERM_OVER_MAXIMUM'],
    [{ paymentTermDays: 61, isLargeBuyer: true }, 'PAYMENT_TERM_OVER_MAXIMUM'],
    [{ agreedRateBp: 300, floorRateBp: 310 }, 'INTEREST_BELOW_FLOOR'],
    [{ disputedFen: 20_000_000 }, 'COMMITMENT_DISPUTE_TOO_LARGE'],
    [{ amountFen: undefined }, 'VALIDATION_FAILED'],
    [{ amountFen: 12.5 }, 'VALIDATION_FAILED'],
    [{ acceptedOn: '2026-02-30' }, 'VALIDATION_FAILED'],
    [{ departmentId: '00000000-0000-4000-8000-000000000000' }, 'COMMITMENT_UNIT_UNKNOWN'],
  ])('%o is refused with %s, nothing written', async (overrides, code) => {
    const before = await countCommitments()
    const res = await registerPayable(w, overrides)
    expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect((res.body as unknown as { error: { code: string } }).error.code).toBe(code)
    expect(await countCommitments()).toBe(before)
  })

  it('a large buyer may agree 60 days; the agreed rate at the floor is accepted', async () => {
    const res = await registerPayable(w, {
      paymentTermDays: 60,
      isLargeBuyer: true,
      agreedRateBp: 310,
      floorRateBp: 310,
      acceptedOn: '2026-03-01',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({ dueOn: '2026-04-30', rateBp: 310, status: 'open', interestFen: 0 })
  })
})

describe('an unpaid invoice from complaint to payment with interest', () => {
  let id: string
  it('a payable registered 34 days late is overdue at once, accrues 0.05 % a day and opens a supervision case', async () => {
    const res = await registerPayable(w)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    id = res.body.id
    // accepted 5 Jan + 30 days = due 4 Feb; 34 days late on 10 Mar: 34 × 5,000 fen a day
    expect(res.body).toMatchObject({
      dueOn: '2026-02-04',
      status: 'overdue',
      rateBp: 1825,
      outstandingFen: 10_000_000,
      interestFen: 170_000,
      interestDueFen: 170_000,
    })
    const supervision = await t.deps.db
      .selectFrom('supervision_cases')
      .select(['source', 'subject_type', 'department_id', 'level'])
      .where('subject_id', '=', id)
      .execute()
    expect(supervision).toEqual([
      { source: 'overdue_payment', subject_type: 'payable', department_id: w.units.a, level: 'section' },
    ])
    expect(await auditActions(id)).toEqual(['commitment.overdue', 'commitment.register'])
  })

  it('is seen by the owning role, the bureau and the enterprise; nobody else', async () => {
    for (const reader of [w.handlerA, w.dispatcher, w.leader, w.enterprise])
      expect((await reader.get(`${API}/${id}`)).status).toBe(200)
    // the unit's head holds another role than the owning one: the role owns it, not the unit's people
    for (const stranger of [w.headA, w.handlerB, w.outsider])
      expect((await stranger.get(`${API}/${id}`)).status).toBe(404)
    expect((await w.inspector.get(API)).status).toBe(403)
    const mine = await w.enterprise.get(API)
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(id)
    const other = await w.outsider.get(API)
    expect(other.body.items).toEqual([])
  })

  let complaintId: string
  it('the enterprise complains; the bureau verifies within 10 working days and records the breach', async () => {
    const filed = await w.enterprise.post(`${API}/${id}/complaints`, {
      text: '工程验收已两个多月，进度款仍未支付',
    })
    expect(filed.status, JSON.stringify(filed.body)).toBe(201)
    complaintId = filed.body.id
    // 10 working days after Tuesday 10 March 2026 (no holiday in between): Tuesday 24 March
    expect(filed.body).toMatchObject({ status: 'submitted', isOverdue: false })
    expect(filed.body.verifyBy.slice(0, 10)).toBe('2026-03-24')
    expect(
      (await w.enterprise.post(`${API}/${id}/complaints`, { text: '再次投诉，仍未付款' })).body.error.code,
    ).toBe('COMPLAINT_ALREADY_OPEN')
    expect((await w.outsider.post(`${API}/${id}/complaints`, { text: '冒名投诉他人账款' })).status).toBe(404)
    expect(
      (
        await w.handlerA.post(`${API}/complaints/${complaintId}/verify`, {
          version: 1,
          outcome: 'breach',
          explanation: 'x',
        })
      ).status,
    ).toBe(403)

    const verified = await w.dispatcher.post(`${API}/complaints/${complaintId}/verify`, {
      version: 1,
      outcome: 'breach',
      explanation: '经核实，工程已验收，单位未按期付款且拒不整改，认定违约失信',
      refusedToRectify: true,
    })
    expect(verified.status, JSON.stringify(verified.body)).toBe(200)
    expect(verified.body).toMatchObject({ status: 'breach', refusedToRectify: true })
    const again = await w.leader.post(`${API}/complaints/${complaintId}/verify`, {
      version: 2,
      outcome: 'rectified',
      explanation: '重复核实',
    })
    expect(again.body.error.code).toBe('COMPLAINT_ALREADY_DECIDED')

    const seen = await w.enterprise.get(`${API}/${id}`)
    expect(seen.body).toMatchObject({ breachCount: 1 })
    expect(seen.body.timeline.map((e: { type: string }) => e.type)).toEqual([
      'register',
      'overdue',
      'complain',
      'complaint_verified',
    ])
    expect(await auditActions(complaintId)).toEqual([
      'commitment_complaint.file',
      'commitment_complaint.verify',
    ])
    const told = await t.deps.db
      .selectFrom('notifications')
      .select('template')
      .where('recipient_enterprise_id', '=', w.enterpriseId)
      .where('template', 'like', 'commitments.complaint_%')
      .execute()
    // notification ids are random uuids: compare as a set
    expect(told.map((n) => n.template).sort()).toEqual([
      'commitments.complaint_breach',
      'commitments.complaint_received',
    ])
  })

  it('the owning role pays in two parts; interest accrues on what is left and the payable is settled', async () => {
    const v = (await w.handlerA.get(`${API}/${id}`)).body.version
    // the bureau, the enterprise and another role cannot record a payment
    expect(
      (
        await w.dispatcher.post(`${API}/${id}/payments`, {
          version: v,
          paidOn: '2026-03-10',
          principalFen: 1,
          interestFen: 0,
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await w.enterprise.post(`${API}/${id}/payments`, {
          version: v,
          paidOn: '2026-03-10',
          principalFen: 1,
          interestFen: 0,
        })
      ).status,
    ).toBe(403)
    const tooMuch = await w.handlerA.post(`${API}/${id}/payments`, {
      version: v,
      paidOn: '2026-03-10',
      principalFen: 10_000_001,
      interestFen: 0,
    })
    expect(tooMuch.body.error.code).toBe('COMMITMENT_PAYMENT_TOO_LARGE')
    const future = await w.handlerA.post(`${API}/${id}/payments`, {
      version: v,
      paidOn: '2026-03-11',
      principalFen: 1,
      interestFen: 0,
    })
    expect(future.body.error.code).toBe('COMMITMENT_DATE_INVALID')

    const part = await w.handlerA.post(`${API}/${id}/payments`, {
      version: v,
      paidOn: '2026-03-10',
      principalFen: 4_000_000,
      interestFen: 0,
    })
    expect(part.status, JSON.stringify(part.body)).toBe(200)
    expect(part.body).toMatchObject({ status: 'overdue', outstandingFen: 6_000_000, interestFen: 170_000 })

    // Ten days on, the sweep accrues 10 × 3,000 fen on the 60,000 yuan left: 200,000 fen in all.
    vi.setSystemTime(at('2026-03-20'))
    const swept = await sweepOverdueCommitments(t.deps, at('2026-03-20'))
    expect(swept.accrued).toBeGreaterThanOrEqual(1)
    const row = await t.deps.db
      .selectFrom('commitments')
      .select('interest_fen')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.interest_fen).toBe(200_000)
    const seen = await w.enterprise.get(`${API}/${id}`)
    expect(seen.body).toMatchObject({ interestFen: 200_000, interestDueFen: 200_000 })
    // a second run the same day writes nothing
    expect((await sweepOverdueCommitments(t.deps, at('2026-03-20'))).accrued).toBe(0)

    const rest = await w.handlerA.post(`${API}/${id}/payments`, {
      version: seen.body.version,
      paidOn: '2026-03-20',
      principalFen: 6_000_000,
      interestFen: 200_000,
    })
    expect(rest.status, JSON.stringify(rest.body)).toBe(200)
    expect(rest.body).toMatchObject({ status: 'settled', settledOn: '2026-03-20', interestPaidFen: 200_000 })

    const enterpriseView = await w.enterprise.get(`${API}/${id}`)
    expect(enterpriseView.body).toMatchObject({
      status: 'settled',
      paidFen: 10_000_000,
      interestFen: 200_000,
      interestPaidFen: 200_000,
      interestDueFen: 0,
    })
    expect(enterpriseView.body.payments).toHaveLength(2)
    expect(enterpriseView.body.actions).toEqual(['complain'])
    // later days accrue nothing on a settled payable
    vi.setSystemTime(at('2026-04-05'))
    expect((await w.enterprise.get(`${API}/${id}`)).body.interestFen).toBe(200_000)
    vi.setSystemTime(at('2026-03-20'))
  })
})

describe('repayment plans and promises', () => {
  it('a broken instalment of an agreed plan is a second breach', async () => {
    vi.setSystemTime(at('2026-03-20'))
    const payable = await registerPayable(w, { amountFen: 3_000_000, disputedFen: 1_000_000 })
    expect(payable.body).toMatchObject({
      status: 'overdue',
      outstandingFen: 2_000_000,
      undisputedFen: 2_000_000,
    })
    const mismatch = await w.handlerA.post(`${API}/${payable.body.id}/repayment-plan`, {
      version: payable.body.version,
      instalments: [{ dueOn: '2026-03-31', amountFen: 1_000_000 }],
    })
    expect(mismatch.body.error.code).toBe('COMMITMENT_PLAN_MISMATCH')
    const plan = await w.handlerA.post(`${API}/${payable.body.id}/repayment-plan`, {
      version: payable.body.version,
      instalments: [
        { dueOn: '2026-03-31', amountFen: 1_000_000 },
        { dueOn: '2026-04-30', amountFen: 1_000_000 },
      ],
    })
    expect(plan.status, JSON.stringify(plan.body)).toBe(200)
    expect(plan.body).toMatchObject({ status: 'rescheduled', outstandingFen: 0 })
    expect(plan.body.instalments.map((i: { dueOn: string }) => i.dueOn)).toEqual(['2026-03-31', '2026-04-30'])
    // interest up to the plan stays owed: 44 days × 1,000 fen on 20,000 yuan undisputed
    expect(plan.body.interestFen).toBe(44 * 1000)

    vi.setSystemTime(at('2026-04-02'))
    const swept = await sweepOverdueCommitments(t.deps, at('2026-04-02'))
    expect(swept.movedOverdue).toBeGreaterThanOrEqual(1)
    const after = await w.dispatcher.get(`${API}/${payable.body.id}`)
    expect(after.body.isSecondBreach).toBe(true)
    const [first, second] = after.body.instalments
    expect(first).toMatchObject({ status: 'overdue', isSecondBreach: true, interestDueFen: 2 * 500 })
    expect(second).toMatchObject({ status: 'open', isSecondBreach: false })
    vi.setSystemTime(at('2026-03-20'))
  })

  it('a promise is fulfilled by its owning role, not by the bureau; a payable cannot be "fulfilled"', async () => {
    const promise = await w.dispatcher.post(API, {
      kind: 'investment_promise',
      enterpriseId: w.enterpriseId,
      departmentId: w.units.a,
      ownerRole: 'department_head',
      title: '项目用地配套道路',
      obligation: '2026 年 6 月底前建成园区配套道路',
      dueOn: '2026-06-30',
    })
    expect(promise.status, JSON.stringify(promise.body)).toBe(201)
    expect(promise.body).toMatchObject({ status: 'open', amountFen: null, interestFen: 0 })
    const byBureau = await w.dispatcher.post(`${API}/${promise.body.id}/fulfil`, {
      version: 1,
      note: '已建成',
    })
    expect(byBureau.status).toBe(403)
    const done = await w.headA.post(`${API}/${promise.body.id}/fulfil`, {
      version: 1,
      note: '道路已建成通车',
    })
    expect(done.body).toMatchObject({ status: 'settled', settledOn: '2026-03-20' })
    const payable = await registerPayable(w, { acceptedOn: '2026-03-15' })
    const refused = await w.handlerA.post(`${API}/${payable.body.id}/fulfil`, { version: 1, note: '已付' })
    expect(refused.body.error.code).toBe('COMMITMENT_IS_A_PAYABLE')
  })

  it('a complaint not verified by its day goes to the bureau’s leaders, once, and the enterprise is told', async () => {
    const promise = await w.dispatcher.post(API, {
      kind: 'investment_promise',
      enterpriseId: w.enterpriseId,
      departmentId: w.units.a,
      ownerRole: 'department_head',
      title: '人才公寓配套承诺',
      obligation: '项目投产前提供人才公寓 20 套',
      dueOn: '2026-12-31',
    })
    const filed = await w.enterprise.post(`${API}/${promise.body.id}/complaints`, {
      text: '约定的人才公寓迟迟不落实',
    })
    expect(filed.status, JSON.stringify(filed.body)).toBe(201)
    const verifyBy = new Date(filed.body.verifyBy)
    const told = (template: string) =>
      t.deps.db
        .selectFrom('notifications')
        .select(['recipient_user_id', 'recipient_enterprise_id'])
        .where('template', '=', template)
        .where('params', '@>', JSON.stringify({ number: promise.body.number }) as never)
        .execute()
    const before = await sweepOverdueCommitments(t.deps, new Date(verifyBy.getTime() - 60_000))
    expect(before.lateComplaints).toBe(0)
    const late = await sweepOverdueCommitments(t.deps, new Date(verifyBy.getTime() + 60_000))
    expect(late.lateComplaints).toBe(1)
    const again = await sweepOverdueCommitments(t.deps, new Date(verifyBy.getTime() + 86_400_000))
    expect(again.lateComplaints).toBe(0)
    const leaders = await told('commitments.complaint_late')
    expect(leaders.length).toBeGreaterThan(0)
    expect(leaders.every((r) => r.recipient_user_id !== null)).toBe(true)
    expect(await told('commitments.complaint_late_enterprise')).toEqual([
      { recipient_user_id: null, recipient_enterprise_id: w.enterpriseId },
    ])
  })

  it('a promise past its day is overdue and climbs the supervision ladder like a payable, once', async () => {
    const promise = await w.dispatcher.post(API, {
      kind: 'construction_contract',
      enterpriseId: w.enterpriseId,
      departmentId: w.units.a,
      ownerRole: 'department_head',
      title: '标准厂房代建合同',
      obligation: '2026 年 4 月 30 日前交付标准厂房',
      dueOn: '2026-04-30',
    })
    expect(promise.status, JSON.stringify(promise.body)).toBe(201)
    const id = promise.body.id as string
    const casesOf = () =>
      t.deps.db
        .selectFrom('supervision_cases')
        .select(['source', 'subject_type', 'department_id', 'level', 'reason'])
        .where('subject_id', '=', id)
        .execute()
    await sweepOverdueCommitments(t.deps, at('2026-04-30'))
    expect(await casesOf()).toEqual([])
    await sweepOverdueCommitments(t.deps, at('2026-05-01'))
    await sweepOverdueCommitments(t.deps, at('2026-05-02'))
    expect(await casesOf()).toEqual([
      {
        source: 'overdue_commitment',
        subject_type: 'commitment',
        department_id: w.units.a,
        level: 'section',
        reason: expect.stringContaining('标准厂房代建合同'),
      },
    ])
    expect((await w.dispatcher.get(`${API}/${id}`)).body).toMatchObject({ status: 'overdue', interestFen: 0 })
  })
})

describe('the yearly publication and the settings', () => {
  it('counts payables unpaid at the year end, per unit, as JSON and CSV, for anyone', async () => {
    const anonymous = t.anonymous()
    const res = await anonymous.get(`${API}/publications/2026`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ year: 2026, dueBy: '2027-03-31', asOf: '2026-12-31' })
    // the settled one is not counted; the rescheduled (20,000 yuan undisputed) and the open ones are
    expect(res.body.overdueCount).toBeGreaterThanOrEqual(2)
    const csv = await anonymous.get(`${API}/publications/2026?format=csv`)
    expect(csv.status).toBe(200)
    expect(String(csv.body)).toContain('逾期合同数')
    expect((await anonymous.get(`${API}/publications/20x6`)).status).toBe(400)
  })

  it('the bureau sets the verification days; nobody else', async () => {
    expect((await w.handlerA.put(`${API}/settings`, { verificationDays: 5 })).status).toBe(403)
    expect((await w.dispatcher.put(`${API}/settings`, { verificationDays: 0 })).status).toBe(400)
    const set = await w.dispatcher.put(`${API}/settings`, { verificationDays: 5 })
    expect(set.body).toEqual({ verificationDays: 5 })
    await w.dispatcher.put(`${API}/settings`, { verificationDays: 10 })
  })
})
