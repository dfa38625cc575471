import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStaff, signInStaff } from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import {
  buildBenefitWorld,
  FORM,
  inboxOf,
  key,
  lastYear,
  PNG,
  runMatchJob,
  today,
  upload,
  type BenefitWorld,
  type Firm,
} from './benefits.factories'

let t: TestApp
let w: BenefitWorld
let a: Firm
let b: Firm
let c: Firm
let big: Firm
let unknown: Firm
const claims: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestApp()
  w = await buildBenefitWorld(t)
  a = await w.firm(10_000_000)
  b = await w.firm(20_000_000)
  c = await w.firm(30_000_000)
  big = await w.firm(10_000_000, 800)
  unknown = await w.firm(null)
  await runMatchJob(t)
})
afterAll(() => t.close())

const consent = (f: Firm, itemId: string, idempotencyKey = key()) =>
  f.client.post(`/api/v1/enterprises/${f.id}/claims/consent`, { itemId, idempotencyKey })

async function apply(f: Firm, itemId: string, materials: Record<string, string[]>, extra = {}) {
  return f.client.post(`/api/v1/enterprises/${f.id}/claims/apply`, {
    itemId,
    idempotencyKey: key(),
    form: FORM,
    materials,
    ...extra,
  })
}

async function fastMaterials(f: Firm) {
  return { license: [await upload(f.client)], bank_proof: [await upload(f.client, PNG, 'bank.png')] }
}

const claimOf = (client: TestClient, f: Firm, id: string) =>
  client.get(`/api/v1/enterprises/${f.id}/claims/${id}`)

describe('免申即享: the enterprise consents in one tap', () => {
  it('refuses an enterprise that is not eligible now, naming the failed condition or the missing fact', async () => {
    const ineligible = await consent(big, w.items.noApp)
    expect(ineligible.status).toBe(409)
    expect(ineligible.body.error.code).toBe('BENEFIT_NOT_ELIGIBLE')
    expect(ineligible.body.error.message).toContain('从业人数不超过300人')
    const undetermined = await consent(unknown, w.items.noApp)
    expect(undetermined.body.error.code).toBe('BENEFIT_NOT_ELIGIBLE')
    expect(undetermined.body.error.message).toContain('资产总额')
    unknown.client.locale = 'en'
    expect((await consent(unknown, w.items.noApp)).body.error.message).toContain(
      'Not eligible for this benefit',
    )
    unknown.client.locale = 'zh-CN'
  })

  it('refuses the wrong mode both ways', async () => {
    expect((await consent(a, w.items.fast)).body.error.code).toBe('BENEFIT_WRONG_MODE')
    const applied = await apply(a, w.items.noApp, {})
    expect(applied.body.error.code).toBe('BENEFIT_WRONG_MODE')
  })

  it('lists every bad field in the one error shape', async () => {
    const res = await a.client.post(`/api/v1/enterprises/${a.id}/claims/consent`, {
      itemId: 'nope',
      idempotencyKey: 'x',
      extra: true,
    })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['extra', 'idempotencyKey', 'itemId'])
  })

  it('records the consent with a readable number, the explanation and the expected amount; a double tap is one claim', async () => {
    const idempotencyKey = key()
    const first = await consent(a, w.items.noApp, idempotencyKey)
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    expect(first.body).toMatchObject({
      number: expect.stringMatching(/^DL-ZC-\d{4}-\d{6}$/),
      status: 'consented',
      mode: 'no_application',
      expectedAmount: 50_000,
      outcomeAtClaim: 'eligible',
      explanation: { outcome: 'eligible', conditions: [{ result: 'pass' }, { result: 'pass' }] },
      timeline: [{ type: 'consent' }],
    })
    expect(first.body.receipt).toContain(first.body.number)
    const again = await consent(a, w.items.noApp, idempotencyKey)
    expect(again.status).toBe(200)
    expect(again.body.id).toBe(first.body.id)
    // The key is bound to its request: another item, or an application, with it is refused.
    const otherItem = await consent(a, w.items.fast, idempotencyKey)
    expect(otherItem.status).toBe(409)
    expect(otherItem.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
    const application = await apply(a, w.items.noApp, {}, { idempotencyKey })
    expect(application.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
    expect((await consent(a, w.items.noApp)).body.error.code).toBe('BENEFIT_ALREADY_CLAIMED')
    claims.a = first.body.id
    claims.b = (await consent(b, w.items.noApp)).body.id
    claims.c = (await consent(c, w.items.noApp)).body.id
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', claims.a!)
      .execute()
    expect(audit.map((r) => r.action)).toEqual(['benefit_claim.consent'])
  })

  it('two taps at once make one claim; two keys at once, one claim and a refusal', async () => {
    const e = await w.firm(4_000_000)
    const same = key()
    const taps = await Promise.all([consent(e, w.items.noApp, same), consent(e, w.items.noApp, same)])
    expect(taps.map((r) => r.status).sort()).toEqual([200, 201])
    expect(taps[0]!.body.id).toBe(taps[1]!.body.id)
    await e.client.post(`/api/v1/enterprises/${e.id}/claims/${taps[0]!.body.id}/withdraw`, {
      reason: '点错了',
    })
    const raced = await Promise.all([consent(e, w.items.noApp), consent(e, w.items.noApp)])
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409])
    expect(raced.find((r) => r.status === 409)!.body.error.code).toBe('BENEFIT_ALREADY_CLAIMED')
    await e.client.post(
      `/api/v1/enterprises/${e.id}/claims/${raced.find((r) => r.status === 201)!.body.id}/withdraw`,
      {
        reason: '暂不需要',
      },
    )
  })

  it('a staff member cannot consent for an enterprise', async () => {
    expect(
      (
        await w.handler.post(`/api/v1/enterprises/${a.id}/claims/consent`, {
          itemId: w.items.noApp,
          idempotencyKey: key(),
        })
      ).status,
    ).toBe(403)
  })
})

describe('兑现: the department reviews the payout list and confirms it', () => {
  it('shows each consent re-checked now, the total and the budget; another department sees nothing', async () => {
    expect((await w.otherHandler.get(`/api/v1/benefits/items/${w.items.noApp}/payout-list`)).status).toBe(404)
    expect((await w.dispatcher.get(`/api/v1/benefits/items/${w.items.noApp}/payout-list`)).status).toBe(403)
    expect((await w.handler.get(`/api/v1/benefits/items/${w.items.fast}/payout-list`)).body.error.code).toBe(
      'BENEFIT_WRONG_MODE',
    )
    const list = await w.handler.get(`/api/v1/benefits/items/${w.items.noApp}/payout-list`)
    expect(list.status).toBe(200)
    expect(list.body.claims.map((x: { claimId: string }) => x.claimId)).toEqual([
      claims.a,
      claims.b,
      claims.c,
    ])
    expect(list.body.totals).toEqual({ claims: 3, eligible: 3, flagged: 0, eligibleAmount: 150_000 })
    expect(list.body.budget).toEqual({ cap: 120_000, used: 0, remaining: 120_000, eligibleFits: false })
    // another department's staff do not see the claims either
    expect((await w.otherHandler.get(`/api/v1/benefits/claims/${claims.a}`)).status).toBe(404)
    expect((await w.otherHandler.get('/api/v1/benefits/claims?view=consented')).body.total).toBe(0)
  })

  it('refuses a batch over the budget cap and writes nothing', async () => {
    const res = await w.head.post(`/api/v1/benefits/items/${w.items.noApp}/payout-batches`, {
      paidOn: today(),
      claimIds: [claims.a, claims.b, claims.c],
    })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('BUDGET_EXCEEDED')
    expect(res.body.error.message).toContain('120000.00')
    expect(res.body.error.message).toContain('30000.00')
    const paid = await t.deps.db.selectFrom('benefit_payouts').selectAll().execute()
    expect(paid).toEqual([])
    const statuses = await t.deps.db
      .selectFrom('benefit_claims')
      .select('status')
      .where('id', 'in', [claims.a!, claims.b!, claims.c!])
      .execute()
    expect(statuses.map((s) => s.status)).toEqual(['consented', 'consented', 'consented'])
  })

  it('flags a consent that is no longer eligible, with the failed condition, and refuses to pay it', async () => {
    await c.client.post(`/api/v1/enterprises/${c.id}/facts`, {
      facts: [{ key: 'totalAssets', period: lastYear(), value: 90_000_000 }],
    })
    const list = await w.handler.get(`/api/v1/benefits/items/${w.items.noApp}/payout-list`)
    const flagged = list.body.claims.find((x: { claimId: string }) => x.claimId === claims.c)
    expect(flagged).toMatchObject({
      isEligible: false,
      outcome: 'ineligible',
      failedConditions: [{ clause: '第五条：资产总额不超过5000万元', text: '资产总额不超过5000万元' }],
    })
    expect(list.body.totals).toMatchObject({ eligible: 2, flagged: 1, eligibleAmount: 100_000 })
    expect(list.body.budget.eligibleFits).toBe(true)
    const res = await w.head.post(`/api/v1/benefits/items/${w.items.noApp}/payout-batches`, {
      paidOn: today(),
      claimIds: [claims.a, claims.b, claims.c],
    })
    expect(res.body.error.code).toBe('BENEFIT_NOT_ELIGIBLE')
    expect(Object.keys(res.body.error.fields)).toEqual(['claimIds.2'])
  })

  it('only the department head confirms; bad input is refused field by field', async () => {
    const body = {
      paidOn: today(),
      claimIds: [claims.a, claims.b],
      exclusions: [{ claimId: claims.c, reason: '资产已超标' }],
    }
    expect(
      (await w.handler.post(`/api/v1/benefits/items/${w.items.noApp}/payout-batches`, body)).status,
    ).toBe(403)
    expect(
      (await w.otherHead.post(`/api/v1/benefits/items/${w.items.noApp}/payout-batches`, body)).status,
    ).toBe(404)
    const noReason = await w.head.post(`/api/v1/benefits/items/${w.items.noApp}/payout-batches`, {
      ...body,
      exclusions: [{ claimId: claims.c }],
    })
    expect(Object.keys(noReason.body.error.fields)).toEqual(['exclusions.0.reason'])
    const future = await w.head.post(`/api/v1/benefits/items/${w.items.noApp}/payout-batches`, {
      ...body,
      paidOn: '2999-01-01',
    })
    expect(Object.keys(future.body.error.fields)).toEqual(['paidOn'])
    const both = await w.head.post(`/api/v1/benefits/items/${w.items.noApp}/payout-batches`, {
      ...body,
      exclusions: [{ claimId: claims.a, reason: '重复' }],
    })
    expect(Object.keys(both.body.error.fields)).toEqual(['exclusions.0.claimId'])
  })

  it('pays the listed consents on the date and excludes the others with their reasons, telling each enterprise', async () => {
    const res = await w.head.post(`/api/v1/benefits/items/${w.items.noApp}/payout-batches`, {
      paidOn: today(),
      claimIds: [claims.a, claims.b],
      exclusions: [{ claimId: claims.c, reason: '资产总额已超过5000万元' }],
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({
      paidCount: 2,
      excludedCount: 1,
      total: 100_000,
      budget: { cap: 120_000, used: 100_000, remaining: 20_000 },
    })
    const paid = await claimOf(a.client, a, claims.a!)
    expect(paid.body).toMatchObject({
      status: 'paid',
      payout: { amount: 50_000, paidOn: today(), batchId: res.body.batchId },
      allowedActions: ['rate'],
    })
    expect(paid.body.timeline.map((e: { type: string }) => e.type)).toEqual(['consent', 'pay'])
    const excluded = await claimOf(c.client, c, claims.c!)
    expect(excluded.body).toMatchObject({ status: 'excluded', statusReason: '资产总额已超过5000万元' })
    expect((await inboxOf(t, a.client)).map((m) => m.body)).toContainEqual(
      expect.stringContaining('50000.00'),
    )
    expect((await inboxOf(t, c.client)).map((m) => m.body)).toContainEqual(
      expect.stringContaining('资产总额已超过5000万元'),
    )
    const solicited = await t.deps.db
      .selectFrom('notifications')
      .select(['template', 'is_solicited'])
      .where('template', 'like', 'benefits.%')
      .execute()
    expect(solicited.filter((n) => !n.is_solicited)).toEqual([])
    // the same consent cannot be paid twice
    const twice = await w.head.post(`/api/v1/benefits/items/${w.items.noApp}/payout-batches`, {
      paidOn: today(),
      claimIds: [claims.a],
    })
    expect(twice.body.error.code).toBe('CLAIM_NOT_PAYABLE')
  })

  it('the enterprise sees its claims and payouts as a timeline, and rates a paid one once', async () => {
    const mine = await a.client.get(`/api/v1/enterprises/${a.id}/claims`)
    expect(mine.body.total).toBe(1)
    expect(mine.body.items[0]).toMatchObject({
      id: claims.a,
      payout: { amount: 50_000 },
      recommendation: null,
      budget: null,
    })
    const rated = await a.client.post(`/api/v1/enterprises/${a.id}/claims/${claims.a}/rating`, {
      level: 5,
      comment: '很快',
    })
    expect(rated.body.rating).toMatchObject({ level: 5, comment: '很快' })
    const again = await a.client.post(`/api/v1/enterprises/${a.id}/claims/${claims.a}/rating`, { level: 1 })
    expect(again.body.error.code).toBe('CLAIM_NOT_RATABLE')
    expect(
      (await c.client.post(`/api/v1/enterprises/${c.id}/claims/${claims.c}/rating`, { level: 1 })).body.error
        .code,
    ).toBe('CLAIM_NOT_RATABLE')
    expect(
      (await a.client.post(`/api/v1/enterprises/${a.id}/claims/${claims.a}/rating`, { level: 6 })).body.error
        .fields,
    ).toHaveProperty('level')
    expect(
      (await a.client.post(`/api/v1/enterprises/${a.id}/claims/${claims.a}/withdraw`, { reason: '不要了' }))
        .body.error.code,
    ).toBe('CLAIM_NOT_WITHDRAWABLE')
    // another enterprise cannot read it
    expect((await b.client.get(`/api/v1/enterprises/${a.id}/claims/${claims.a}`)).status).toBe(404)
    expect((await b.client.get(`/api/v1/enterprises/${b.id}/claims/${claims.a}`)).status).toBe(404)
  })

  it('a consent withdrawn before payout leaves room for a new one', async () => {
    const d = await w.firm(5_000_000)
    const first = await consent(d, w.items.noApp)
    const withdrawn = await d.client.post(`/api/v1/enterprises/${d.id}/claims/${first.body.id}/withdraw`, {
      reason: '暂不需要',
    })
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', statusReason: '暂不需要' })
    expect((await consent(d, w.items.noApp)).status).toBe(201)
  })
})

describe('快申快享: a fast application on the working-day clock', () => {
  it('stores materials by their bytes only', async () => {
    const form = new FormData()
    form.set('file', new File([new TextEncoder().encode('#!/bin/sh\necho hi')], 'x.png'))
    const res = await a.client.post('/api/v1/benefits/materials', form)
    expect(res.body.error).toMatchObject({
      code: 'ATTACHMENT_REJECTED',
      fields: { file: expect.any(String) },
    })
    expect((await w.handler.post('/api/v1/benefits/materials', form)).status).toBe(403)
  })

  it('refuses an ineligible enterprise with the failed conditions; checks the form and each required material', async () => {
    const ineligible = await apply(big, w.items.fast, await fastMaterials(big))
    expect(ineligible.body.error.code).toBe('BENEFIT_NOT_ELIGIBLE')
    expect(ineligible.body.error.message).toContain('从业人数不超过300人')
    const missing = await apply(unknown, w.items.fast, { photo: [await upload(unknown.client)] })
    expect(missing.status).toBe(400)
    expect(missing.body.error.fields).toEqual({
      'materials.license': '请上传：营业执照',
      'materials.bank_proof': '请上传：开户许可证',
    })
    const badForm = await apply(unknown, w.items.fast, await fastMaterials(unknown), {
      form: { ...FORM, contactPhone: '123', bankAccount: 'abc' },
    })
    expect(Object.keys(badForm.body.error.fields).sort()).toEqual(['form.bankAccount', 'form.contactPhone'])
    const notMine = await apply(unknown, w.items.fast, {
      ...(await fastMaterials(unknown)),
      license: [await upload(a.client)],
    })
    expect(notMine.body.error.fields).toEqual({
      'materials.license': expect.stringContaining('不是您上传的'),
    })
  })

  it('an undetermined enterprise applies (its materials may prove what is missing); due in the promised working days; the department is told', async () => {
    const before = new Date()
    const res = await apply(unknown, w.items.fast, await fastMaterials(unknown))
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({ status: 'submitted', outcomeAtClaim: 'undetermined', isOverdue: false })
    const calendar = await t.deps.calendar.calendar(t.deps.db)
    const due = new Date(res.body.dueAt)
    expect(due.getTime()).toBeGreaterThanOrEqual(calendar.addWorkingDays(before, 5).getTime())
    expect(due.getTime()).toBeLessThanOrEqual(calendar.addWorkingDays(new Date(), 5).getTime())
    expect(res.body.materials.map((m: { key: string }) => m.key).sort()).toEqual(['bank_proof', 'license'])
    claims.fast = res.body.id
    const messages = await inboxOf(t, w.handler)
    expect(messages.map((m) => m.title)).toContain('新的政策兑现申请待审核')
    expect((await inboxOf(t, w.otherHandler)).map((m) => m.title)).not.toContain('新的政策兑现申请待审核')
    // the bureau reads it; another department does not
    expect((await w.dispatcher.get(`/api/v1/benefits/claims/${claims.fast}`)).status).toBe(200)
    expect((await w.otherHandler.get(`/api/v1/benefits/claims/${claims.fast}`)).status).toBe(404)
    expect(
      (await w.dispatcher.post(`/api/v1/benefits/claims/${claims.fast}/decision`, { approve: true })).status,
    ).toBe(403)
    const review = await w.handler.get('/api/v1/benefits/claims?view=review')
    expect(review.body.items.map((x: { id: string }) => x.id)).toContain(claims.fast)
  })

  it('a supplement request stops the clock; the resubmission must bring what was asked for; the clock resumes', async () => {
    const asked = await w.handler.post(`/api/v1/benefits/claims/${claims.fast}/supplement-request`, {
      note: '营业执照照片不清晰',
      materialKeys: ['license'],
    })
    expect(asked.status, JSON.stringify(asked.body)).toBe(200)
    expect(asked.body).toMatchObject({
      status: 'supplement_requested',
      dueAt: null,
      remainingMinutes: expect.any(Number),
    })
    expect((await inboxOf(t, unknown.client)).map((m) => m.body)).toContainEqual(
      expect.stringContaining('营业执照照片不清晰'),
    )
    expect(
      (await w.handler.post(`/api/v1/benefits/claims/${claims.fast}/decision`, { approve: true })).body.error
        .code,
    ).toBe('CLAIM_NOT_DECIDABLE')
    const without = await unknown.client.post(
      `/api/v1/enterprises/${unknown.id}/claims/${claims.fast}/resubmit`,
      {
        materials: { photo: [await upload(unknown.client)] },
      },
    )
    expect(without.body.error.fields).toEqual({ 'materials.license': '请按补正要求重新上传：营业执照' })
    const resubmitted = await unknown.client.post(
      `/api/v1/enterprises/${unknown.id}/claims/${claims.fast}/resubmit`,
      {
        materials: { license: [await upload(unknown.client)] },
        note: '已重新拍摄',
      },
    )
    expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200)
    expect(resubmitted.body).toMatchObject({
      status: 'submitted',
      dueAt: expect.any(String),
      remainingMinutes: null,
    })
    expect(resubmitted.body.materials.filter((m: { isSuperseded: boolean }) => m.isSuperseded)).toHaveLength(
      1,
    )
    expect((await inboxOf(t, w.head)).map((m) => m.title)).toContain('补正材料已提交')
    expect(
      (
        await unknown.client.post(`/api/v1/enterprises/${unknown.id}/claims/${claims.fast}/resubmit`, {
          materials: {},
        })
      ).body.error.code,
    ).toBe('CLAIM_NOT_RESUBMITTABLE')
  })

  it('one decision by the department: a rejection needs its reason; an approval defaults to the expected amount', async () => {
    const noReason = await w.handler.post(`/api/v1/benefits/claims/${claims.fast}/decision`, {
      approve: false,
    })
    expect(noReason.body.error.fields).toHaveProperty('reason')
    const approved = await w.handler.post(`/api/v1/benefits/claims/${claims.fast}/decision`, {
      approve: true,
    })
    expect(approved.body).toMatchObject({
      status: 'approved',
      approvedAmount: 20_000,
      decision: { approve: true },
    })
    expect((await inboxOf(t, unknown.client)).map((m) => m.title)).toContain('您的申请已获批准')
    expect(
      (
        await unknown.client.post(`/api/v1/enterprises/${unknown.id}/claims/${claims.fast}/withdraw`, {
          reason: '不要了',
        })
      ).body.error.code,
    ).toBe('CLAIM_NOT_WITHDRAWABLE')
  })

  it('the handler records the payout; the next one over the cap is refused and nothing is written', async () => {
    const early = await w.handler.post(`/api/v1/benefits/claims/${claims.fast}/payout`, {
      paidOn: '2020-01-01',
    })
    expect(Object.keys(early.body.error.fields)).toEqual(['paidOn'])
    const paid = await w.handler.post(`/api/v1/benefits/claims/${claims.fast}/payout`, { paidOn: today() })
    expect(paid.body).toMatchObject({
      status: 'paid',
      payout: { amount: 20_000 },
      budget: { cap: 30_000, used: 20_000, remaining: 10_000 },
    })
    const second = await apply(a, w.items.fast, await fastMaterials(a))
    await w.head.post(`/api/v1/benefits/claims/${second.body.id}/decision`, { approve: true })
    const over = await w.handler.post(`/api/v1/benefits/claims/${second.body.id}/payout`, { paidOn: today() })
    expect(over.body.error.code).toBe('BUDGET_EXCEEDED')
    const after = await w.handler.get(`/api/v1/benefits/claims/${second.body.id}`)
    expect(after.body).toMatchObject({ status: 'approved', payout: null })
    const timeline = (await claimOf(unknown.client, unknown, claims.fast!)).body.timeline
    expect(timeline.map((e: { type: string }) => e.type)).toEqual([
      'apply',
      'request_supplement',
      'resubmit',
      'approve',
      'pay',
    ])
    expect(
      (
        await unknown.client.post(`/api/v1/enterprises/${unknown.id}/claims/${claims.fast}/rating`, {
          level: 4,
        })
      ).status,
    ).toBe(200)
  })
})

describe('标准申报: the handler recommends, the department head decides', () => {
  it('refuses a decision before the recommendation, and the handler deciding at all', async () => {
    const res = await apply(b, w.items.standard, { plan: [await upload(b.client)] })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    claims.standard = res.body.id
    expect(
      (await w.head.post(`/api/v1/benefits/claims/${claims.standard}/decision`, { approve: true })).body.error
        .code,
    ).toBe('CLAIM_NOT_DECIDABLE')
    expect(
      (await w.handler.post(`/api/v1/benefits/claims/${claims.standard}/decision`, { approve: true })).status,
    ).toBe(403)
    expect(
      (
        await w.otherHandler.post(`/api/v1/benefits/claims/${claims.standard}/recommendation`, {
          approve: true,
        })
      ).status,
    ).toBe(404)
  })

  it('the recommendation is internal; the head decides with the recommended amount', async () => {
    const recommended = await w.handler.post(`/api/v1/benefits/claims/${claims.standard}/recommendation`, {
      approve: true,
      amount: 70_000,
      reason: '改造投入核减',
    })
    expect(recommended.body).toMatchObject({
      status: 'recommended',
      recommendation: { approve: true, amount: 70_000 },
    })
    expect((await inboxOf(t, w.head)).map((m) => m.title)).toContain('申请待决定')
    const seen = await claimOf(b.client, b, claims.standard!)
    expect(seen.body.recommendation).toBeNull()
    expect(seen.body.timeline.map((e: { type: string }) => e.type)).toEqual(['apply'])
    const decided = await w.head.post(`/api/v1/benefits/claims/${claims.standard}/decision`, {
      approve: true,
    })
    expect(decided.body).toMatchObject({ status: 'approved', approvedAmount: 70_000 })
  })

  it('four eyes: whoever recommended cannot decide', async () => {
    const both = await signInStaff(
      t,
      await buildStaff(t, { roles: ['handler', 'department_head'], departmentId: w.departmentId }),
    )
    const res = await apply(c, w.items.standard, { plan: [await upload(c.client)] })
    // c is no longer eligible (its assets): refused before any material is looked at
    expect(res.body.error.code).toBe('BENEFIT_NOT_ELIGIBLE')
    const d = await w.firm(1_000_000)
    const filed = await apply(d, w.items.standard, { plan: [await upload(d.client)] })
    await both.post(`/api/v1/benefits/claims/${filed.body.id}/recommendation`, {
      approve: false,
      reason: '方案不符合要求',
    })
    const own = await both.post(`/api/v1/benefits/claims/${filed.body.id}/decision`, {
      approve: false,
      reason: '同意经办意见',
    })
    expect(own.body.error.code).toBe('CLAIM_SAME_REVIEWER')
    const rejected = await w.head.post(`/api/v1/benefits/claims/${filed.body.id}/decision`, {
      approve: false,
      reason: '技术改造方案不符合第三条要求',
    })
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decision: { approve: false, reason: '技术改造方案不符合第三条要求' },
    })
    expect((await inboxOf(t, d.client)).map((m) => m.body)).toContainEqual(
      expect.stringContaining('技术改造方案不符合第三条要求'),
    )
    expect(
      (
        await d.client.post(`/api/v1/enterprises/${d.id}/claims/${filed.body.id}/rating`, {
          level: 2,
          comment: '理由不清楚',
        })
      ).status,
    ).toBe(200)
  })
})

describe('the effect evaluation', () => {
  it('counts the funnel per item and per policy', async () => {
    // a pushed enterprise opens the explanation: the push is viewed
    await a.client.get(`/api/v1/enterprises/${a.id}/policy-matches/${w.items.noApp}`)
    const res = await w.leader.get(`/api/v1/benefits/evaluation?policyId=${w.policyId}`)
    expect(res.status).toBe(200)
    const row = (id: string) => res.body.items.find((i: { itemId: string }) => i.itemId === id)
    expect(row(w.items.noApp)).toMatchObject({
      mode: 'no_application',
      matched: 3, // a, b, c when the publication was matched (d came later)
      pushed: 3,
      viewed: 1,
      consented: 7, // a, b, c; d twice (one withdrawn); e twice (both withdrawn)
      applied: 0,
      approved: 2,
      withdrawn: 3,
      excluded: 1,
      paid: 2,
      amountPaid: 100_000,
      ratings: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 },
      satisfaction: 1,
    })
    expect(row(w.items.noApp).medianWorkingDaysToCash).toEqual(expect.any(Number))
    expect(row(w.items.fast)).toMatchObject({ applied: 2, approved: 2, paid: 1, amountPaid: 20_000 })
    expect(row(w.items.standard)).toMatchObject({
      applied: 2,
      approved: 1,
      rejected: 1,
      paid: 0,
      medianWorkingDaysToCash: null,
    })
    expect(res.body.policies).toHaveLength(1)
    expect(res.body.policies[0]).toMatchObject({
      policyId: w.policyId,
      itemCount: 3,
      paid: 3,
      amountPaid: 120_000,
      ratings: { '2': 1, '4': 1, '5': 1 },
    })
  })

  it('a department sees only its items; enterprises and inspectors not at all', async () => {
    expect(
      (await w.handler.get(`/api/v1/benefits/evaluation?policyId=${w.policyId}`)).body.items,
    ).toHaveLength(3)
    expect((await w.otherHead.get(`/api/v1/benefits/evaluation?policyId=${w.policyId}`)).body.items).toEqual(
      [],
    )
    expect((await a.client.get('/api/v1/benefits/evaluation')).status).toBe(403)
    const side = await w.leader.get(`/api/v1/benefits/evaluation?items=${w.items.fast},${w.items.noApp}`)
    expect(side.body.items.map((i: { itemId: string }) => i.itemId).sort()).toEqual(
      [w.items.fast, w.items.noApp].sort(),
    )
  })

  it('exports an xlsx workbook', async () => {
    const res = await w.leader.download(`/api/v1/benefits/evaluation.xlsx?policyId=${w.policyId}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await res.arrayBuffer())
    expect(book.worksheets.map((s) => s.name)).toEqual(['事项对比', '按政策', '口径'])
    const sheet = book.worksheets[0]!
    expect(sheet.getRow(1).getCell(1).value).toBe('政策')
    expect(sheet.rowCount).toBe(4)
  })
})
