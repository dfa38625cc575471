import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildEnterprise } from '../../../test/factories'
import { createTestApp, type TestApp } from '../../../test/harness'
import { buildInspectionWorld, planBody, type InspectionWorld } from './inspections.factories'

/**
 * The inspection registry through HTTP on a real database: the registry, planning with its rules,
 * approval, the enterprise's scan at the door, refusal, the one-tap report, ratings and the history.
 * The clock is pinned: 2026-12-07 10:00 in Dalian, a Monday.
 */
const NOW = new Date('2026-12-07T02:00:00Z')
const TODAY = '2026-12-07'
const API = '/api/v1'

let t: TestApp
let w: InspectionWorld
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  t = await createTestApp()
  w = await buildInspectionWorld(t)
})
afterAll(async () => {
  await t.close()
  vi.useRealTimers()
})

async function count(table: 'inspections' | 'unregistered_visit_reports') {
  const row = await t.deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

async function auditActions(entityId: string) {
  const rows = await t.deps.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.action)
}

async function codeOf(id: string) {
  const row = await t.deps.db
    .selectFrom('inspections')
    .select('check_code')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return row.check_code
}

/** The door's tests plan many visits of one enterprise: each rests on a complaint, which the caps exempt. */
const EXEMPT = { capExemption: 'complaint', capExemptionNote: '企业投诉举报转办（测试）' }

async function planAndApprove(overrides: Record<string, unknown> = {}) {
  const planned = await w.inspectors[0]!.client.post(
    `${API}/inspections`,
    planBody(w, TODAY, { ...EXEMPT, ...overrides }),
  )
  if (planned.status !== 201) throw new Error(JSON.stringify(planned.body))
  const approved = await w.headA.post(`${API}/inspections/${planned.body.id}/approve`, { version: 1 })
  if (approved.status !== 200) throw new Error(JSON.stringify(approved.body))
  return { id: planned.body.id as string, code: await codeOf(planned.body.id), detail: approved.body }
}

describe('the registry', () => {
  it('keeps items as drafts until published, and withdraws them; each move is audited', async () => {
    const created = await w.headA.post(`${API}/inspection-items`, {
      departmentId: w.bodyA,
      code: 'T-ITEM-REG-1',
      name: '计量器具使用检查',
      basis: '《中华人民共和国计量法》第九条',
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ status: 'draft', version: 1, isUnusedFiveYears: false })
    const id = created.body.id
    expect(
      (await w.headA.post(`${API}/inspection-items/${id}/withdraw`, { version: 1 })).body.error.code,
    ).toBe('INSPECTION_ITEM_NOT_WITHDRAWABLE')
    const published = await w.headA.post(`${API}/inspection-items/${id}/publish`, { version: 1 })
    expect(published.body).toMatchObject({ status: 'published', version: 2 })
    expect(
      (await w.headA.post(`${API}/inspection-items/${id}/publish`, { version: 2 })).body.error.code,
    ).toBe('INSPECTION_ITEM_NOT_PUBLISHABLE')
    expect(
      (await w.headA.post(`${API}/inspection-items/${id}/withdraw`, { version: 1 })).body.error.code,
    ).toBe('VERSION_CONFLICT')
    expect((await w.headA.post(`${API}/inspection-items/${id}/withdraw`, { version: 2 })).body.status).toBe(
      'withdrawn',
    )
    expect(await auditActions(id)).toEqual([
      'inspection_item.create',
      'inspection_item.publish',
      'inspection_item.withdraw',
    ])
    // The same code twice: refused.
    const again = await w.headA.post(`${API}/inspection-items`, {
      departmentId: w.bodyA,
      code: 'T-ITEM-REG-1',
      name: '重复',
      basis: '《中华人民共和国计量法》',
    })
    expect(again.body.error.code).toBe('INSPECTION_ITEM_CODE_TAKEN')
  })

  it('flags an item unused for five years against the date asked', async () => {
    const created = await w.headA.post(`${API}/inspection-items`, {
      departmentId: w.bodyA,
      code: 'T-ITEM-OLD-1',
      name: '商品条码使用检查',
      basis: '《商品条码管理办法》第二十二条',
    })
    await w.headA.post(`${API}/inspection-items/${created.body.id}/publish`, { version: 1 })
    // Published today, never used: not flagged today, flagged five years on.
    const list = async (asOf: string) =>
      (await w.headA.get(`${API}/inspection-items?departmentId=${w.bodyA}&q=条码&asOf=${asOf}`)).body
    expect((await list(TODAY)).items).toMatchObject([{ code: 'T-ITEM-OLD-1', isUnusedFiveYears: false }])
    expect((await list('2031-12-07')).items).toMatchObject([
      { code: 'T-ITEM-OLD-1', isUnusedFiveYears: true },
    ])
    expect((await list('2031-12-06')).items[0].isUnusedFiveYears).toBe(false)
  })

  it('lets a body manage only its own registry; the bureau leadership reads all; handlers nothing', async () => {
    const foreign = await w.headB.post(`${API}/inspection-items`, {
      departmentId: w.bodyA,
      code: 'T-ITEM-FOREIGN',
      name: '越权事项',
      basis: '无',
    })
    expect(foreign.body.error.code).toBe('FORBIDDEN')
    expect((await w.headB.get(`${API}/inspection-items/${w.items.published[0]}`)).status).toBe(404)
    expect(
      (await w.headB.post(`${API}/inspection-items/${w.items.draft}/publish`, { version: 1 })).status,
    ).toBe(404)
    expect((await w.headB.get(`${API}/inspection-items?departmentId=${w.bodyA}`)).body.items).toEqual([])
    expect((await w.handlerA.client.get(`${API}/inspection-items`)).body.error.code).toBe('FORBIDDEN')
    const all = await w.leader.get(`${API}/inspection-items?departmentId=${w.bodyA}`)
    expect(all.body.items.length).toBeGreaterThanOrEqual(3)
    expect((await w.leader.post(`${API}/inspectors/${w.inspectors[0]!.id}/deactivate`)).body.error.code).toBe(
      'FORBIDDEN',
    )
  })

  it('certifies only the body’s staff, once, and records conflicts', async () => {
    const notStaff = await w.headA.post(`${API}/inspectors`, {
      userId: w.handlerA.id,
      departmentId: w.bodyB,
      certificateNo: 'T-NOPE-1',
      certifiedUntil: '2030-01-01',
    })
    expect(notStaff.body.error.code).toBe('FORBIDDEN')
    const twice = await w.admin.post(`${API}/inspectors`, {
      userId: w.inspectors[0]!.id,
      departmentId: w.bodyA,
      certificateNo: 'T-TWICE-1',
      certifiedUntil: '2030-01-01',
    })
    expect(twice.body.error.code).toBe('INSPECTOR_ALREADY_CERTIFIED')
    const list = await w.inspectors[2]!.client.get(`${API}/inspectors?departmentId=${w.bodyA}`)
    expect(list.body.items).toHaveLength(3)
  })
})

describe('planning', () => {
  it('refuses an unpublished item, an item of another body, one inspector, an uncertified or conflicted one: nothing written', async () => {
    const before = await count('inspections')
    const planner = w.inspectors[0]!.client
    const refused = async (overrides: Record<string, unknown>) =>
      (await planner.post(`${API}/inspections`, planBody(w, TODAY, overrides))).body.error
    expect((await refused({ itemIds: [w.items.draft] })).code).toBe('INSPECTION_ITEM_NOT_PUBLISHED')
    expect((await refused({ itemIds: [crypto.randomUUID()] })).code).toBe('INSPECTION_ITEM_NOT_PUBLISHED')
    expect((await refused({ inspectorIds: [w.inspectors[0]!.id] })).code).toBe(
      'INSPECTION_TOO_FEW_INSPECTORS',
    )
    expect((await refused({ inspectorIds: [w.inspectors[0]!.id, w.handlerA.id] })).code).toBe(
      'INSPECTOR_NOT_CERTIFIED',
    )
    expect((await refused({ plannedOn: '2026-12-06', windowEndsOn: '2026-12-08' })).code).toBe(
      'INSPECTION_WINDOW_PAST',
    )
    const badWindow = await refused({ plannedOn: '2026-12-09', windowEndsOn: '2026-12-08' })
    expect(badWindow.code).toBe('VALIDATION_FAILED')
    expect(Object.keys(badWindow.fields)).toContain('windowEndsOn')
    expect((await refused({ kind: 'service_visit' })).code).toBe('VALIDATION_FAILED')
    expect(
      (await refused({ kind: 'service_visit', visitPurpose: 'research', inspectorIds: [], visitorIds: [] }))
        .code,
    ).toBe('INSPECTION_VISITORS_REQUIRED')

    // A declared conflict recuses the inspector from this enterprise only.
    const declared = await w.headA.post(`${API}/inspectors/${w.inspectors[1]!.id}/conflicts`, {
      enterpriseId: w.otherEnterprise.id,
      reason: '配偶在该企业任职',
    })
    expect(declared.status).toBe(200)
    expect((await refused({ enterpriseId: w.otherEnterprise.id })).code).toBe('INSPECTOR_IN_CONFLICT')
    // A handler plans nothing; a head of another body is not certified for body A.
    expect((await w.handlerA.client.post(`${API}/inspections`, planBody(w, TODAY))).body.error.code).toBe(
      'FORBIDDEN',
    )
    expect((await w.headB.post(`${API}/inspections`, planBody(w, TODAY))).body.error.code).toBe(
      'INSPECTION_PLANNER_NOT_CERTIFIED',
    )
    expect(await count('inspections')).toBe(before)
  })

  it('refuses a deactivated inspector and one whose certificate ends before the planned day', async () => {
    const extra = w.inspectors[2]!
    const planner = w.inspectors[0]!.client
    // Certified until 2099: fine in 2026; a plan in 2100 is past the certificate.
    expect(
      (
        await planner.post(
          `${API}/inspections`,
          planBody(w, '2100-01-04', {
            inspectorIds: [w.inspectors[0]!.id, extra.id],
            windowEndsOn: '2100-01-05',
          }),
        )
      ).body.error.code,
    ).toBe('INSPECTOR_NOT_CERTIFIED')
    const deactivated = await w.headA.post(`${API}/inspectors/${extra.id}/deactivate`)
    expect(deactivated.body.items.find((i: { userId: string }) => i.userId === extra.id).active).toBe(false)
    expect((await auditActions(extra.id)).filter((a) => a.startsWith('inspector.'))).toEqual([
      'inspector.certify',
      'inspector.deactivate',
    ])
    expect(
      (
        await planner.post(
          `${API}/inspections`,
          planBody(w, TODAY, { inspectorIds: [w.inspectors[0]!.id, extra.id] }),
        )
      ).body.error.code,
    ).toBe('INSPECTOR_NOT_CERTIFIED')
  })

  it('numbers a plan JC-<year>-NNNNNN with an unguessable code, tells the head, and shows no code before approval', async () => {
    const planned = await w.inspectors[0]!.client.post(`${API}/inspections`, planBody(w, TODAY))
    expect(planned.status).toBe(201)
    expect(planned.body).toMatchObject({ status: 'planned', checkCode: null, actions: ['cancel'] })
    expect(planned.body.number).toMatch(/^JC-2026-\d{6}$/)
    expect(await codeOf(planned.body.id)).toMatch(/^[A-Z2-7]{26}$/)
    const heads = await t.deps.db
      .selectFrom('notifications')
      .select('params')
      .where('recipient_user_id', '=', w.headAId)
      .where('template', '=', 'inspections.planned')
      .execute()
    expect(heads.map((n) => (n.params as { number: string }).number)).toContain(planned.body.number)
    // The head sees approve/reject; another body's head and a handler get nothing.
    expect((await w.headA.get(`${API}/inspections/${planned.body.id}`)).body.actions).toEqual([
      'approve',
      'reject',
      'cancel',
    ])
    expect((await w.headB.get(`${API}/inspections/${planned.body.id}`)).status).toBe(404)
    expect((await w.headB.post(`${API}/inspections/${planned.body.id}/approve`, { version: 1 })).status).toBe(
      404,
    )
    expect((await w.handlerB.get(`${API}/inspections`)).body.error.code).toBe('FORBIDDEN')
    expect((await w.headB.get(`${API}/inspections`)).body.items).toEqual([])
    // The planner cannot approve their own plan.
    expect(
      (await w.inspectors[0]!.client.post(`${API}/inspections/${planned.body.id}/approve`, { version: 1 }))
        .body.error.code,
    ).toBe('FORBIDDEN')
    const rejected = await w.headA.post(`${API}/inspections/${planned.body.id}/reject`, {
      version: 1,
      reason: '检查事项与本年度计划重复',
    })
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: '检查事项与本年度计划重复' })
  })
})

describe('the caps at planning', () => {
  it('refuses a plan over the body’s cap naming it, writing nothing; a documented exemption lets it through', async () => {
    const planner = w.inspectors[0]!.client
    const count = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom('inspections')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('enterprise_id', '=', w.enterprise.id)
            .executeTakeFirstOrThrow()
        ).n,
      )
    let refused: { status: number; body: { error?: { code: string; message: string } } } | null = null
    for (let i = 0; i < 10 && !refused; i++) {
      const res = await planner.post(`${API}/inspections`, planBody(w, TODAY))
      if (res.status !== 201) refused = res
    }
    expect(refused?.status).toBe(409)
    expect(refused?.body.error?.code).toBe('INSPECTION_CAP_REACHED')
    expect(refused?.body.error?.message).toMatch(/上限/)
    const before = await count()
    expect((await planner.post(`${API}/inspections`, planBody(w, TODAY))).status).toBe(409)
    expect(await count()).toBe(before)
    // a note without an exemption, or an exemption without its note: refused by the schema
    const noteOnly = await planner.post(
      `${API}/inspections`,
      planBody(w, TODAY, { capExemptionNote: '说明' }),
    )
    expect(noteOnly.status).toBe(400)
    const exempt = await planner.post(`${API}/inspections`, planBody(w, TODAY, EXEMPT))
    expect(exempt.status).toBe(201)
    const row = await t.deps.db
      .selectFrom('inspections')
      .select(['cap_exemption', 'cap_exemption_note'])
      .where('id', '=', exempt.body.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ cap_exemption: 'complaint', cap_exemption_note: EXEMPT.capExemptionNote })
  })
})

describe('at the door', () => {
  it('plans, approves, tells the enterprise, shows the QR, and the enterprise checks in and rates the visit', async () => {
    const { id, code, detail } = await planAndApprove({ itemIds: w.items.published })
    expect(detail).toMatchObject({ status: 'approved', checkCode: code })
    expect(detail.checkUrl).toContain(`/inspections/check/${code}`)
    expect(detail.checkQrSvg).toContain('<svg')
    // Only the body's staff see the code: the bureau reads the inspection without it.
    expect((await w.leader.get(`${API}/inspections/${id}`)).body.checkCode).toBeNull()
    const told = await t.deps.db
      .selectFrom('notifications')
      .select('params')
      .where('recipient_enterprise_id', '=', w.enterprise.id)
      .where('template', '=', 'inspections.approved')
      .execute()
    expect(told.at(-1)!.params).toMatchObject({ from: TODAY, to: TODAY, number: detail.number })

    const seen = await w.enterprise.client.get(`${API}/inspections/check/${code}`)
    expect(seen.status).toBe(200)
    expect(seen.body).toMatchObject({
      status: 'approved',
      enterpriseId: w.enterprise.id,
      approvedByName: '测试人员',
    })
    expect(seen.body.items).toHaveLength(2)
    expect(seen.body.items[0].basis).toContain('食品安全法')
    expect(seen.body.people.map((p: { certificateNo: string }) => p.certificateNo).every(Boolean)).toBe(true)
    // A typed code in lower case with spaces is the same code.
    expect((await w.enterprise.client.get(`${API}/inspections/check/${code.toLowerCase()}`)).status).toBe(200)

    // Another enterprise's person, and staff, cannot use it.
    expect((await w.otherEnterprise.client.get(`${API}/inspections/check/${code}`)).body.error.code).toBe(
      'INSPECTION_CODE_NOT_VALID',
    )
    expect(
      (await w.otherEnterprise.client.post(`${API}/inspections/check/${code}/check-in`, { version: 2 })).body
        .error.code,
    ).toBe('INSPECTION_CODE_NOT_VALID')
    expect((await w.headA.get(`${API}/inspections/check/${code}`)).body.error.code).toBe('FORBIDDEN')

    // Not rateable before the check-in.
    expect(
      (
        await w.enterprise.client.post(`${API}/ratings`, {
          subjectType: 'inspection',
          subjectId: id,
          stage: 'final',
          level: 5,
        })
      ).status,
    ).toBeGreaterThanOrEqual(400)

    const checked = await w.enterprise.client.post(`${API}/inspections/check/${code}/check-in`, {
      version: 2,
    })
    expect(checked.status).toBe(200)
    expect(checked.body).toMatchObject({ status: 'checked_in' })
    expect(checked.body.checkedInAt).toBe(NOW.toISOString())
    expect(
      (await w.enterprise.client.post(`${API}/inspections/check/${code}/check-in`, { version: 3 })).body.error
        .code,
    ).toBe('INSPECTION_NOT_APPROVED')
    expect(await auditActions(id)).toEqual(['inspection.plan', 'inspection.approve', 'inspection.check_in'])

    const mine = await w.enterprise.client.get(`${API}/inspections/mine`)
    expect(mine.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      status: 'checked_in',
      rating: { state: 'to_rate', level: null },
    })
    const rated = await w.enterprise.client.post(`${API}/ratings`, {
      subjectType: 'inspection',
      subjectId: id,
      stage: 'final',
      level: 5,
    })
    expect(rated.status).toBe(201)
    const after = await w.enterprise.client.get(`${API}/inspections/mine`)
    expect(after.body.items.find((i: { id: string }) => i.id === id).rating).toEqual({
      state: 'rated',
      level: 5,
    })
    // The other enterprise's history does not hold it.
    const others = await w.otherEnterprise.client.get(`${API}/inspections/mine`)
    expect(others.body.items.map((i: { id: string }) => i.id)).not.toContain(id)

    // Whoever is on it closes the visit.
    const closed = await w.inspectors[1]!.client.post(`${API}/inspections/${id}/close`, { version: 3 })
    expect(closed.body).toMatchObject({ status: 'closed', checkCode: null })
  })

  it('refuses an unapproved, a cancelled and an out-of-window code, writing nothing', async () => {
    const planned = await w.inspectors[0]!.client.post(`${API}/inspections`, planBody(w, TODAY, EXEMPT))
    const code = await codeOf(planned.body.id)
    expect((await w.enterprise.client.get(`${API}/inspections/check/${code}`)).body.error.code).toBe(
      'INSPECTION_NOT_APPROVED',
    )
    expect(
      (await w.enterprise.client.post(`${API}/inspections/check/${code}/check-in`, { version: 1 })).body.error
        .code,
    ).toBe('INSPECTION_NOT_APPROVED')

    const cancelledOne = await planAndApprove()
    await w.inspectors[0]!.client.post(`${API}/inspections/${cancelledOne.id}/cancel`, {
      version: 2,
      reason: '企业已停业',
    })
    expect(
      (await w.enterprise.client.get(`${API}/inspections/check/${cancelledOne.code}`)).body.error.code,
    ).toBe('INSPECTION_NOT_APPROVED')

    const later = await w.inspectors[0]!.client.post(
      `${API}/inspections`,
      planBody(w, '2026-12-10', { ...EXEMPT, windowEndsOn: '2026-12-11' }),
    )
    await w.headA.post(`${API}/inspections/${later.body.id}/approve`, { version: 1 })
    const laterCode = await codeOf(later.body.id)
    expect((await w.enterprise.client.get(`${API}/inspections/check/${laterCode}`)).body.error.code).toBe(
      'INSPECTION_OUTSIDE_WINDOW',
    )
    expect(
      (await w.enterprise.client.post(`${API}/inspections/check/${laterCode}/check-in`, { version: 2 })).body
        .error.code,
    ).toBe('INSPECTION_OUTSIDE_WINDOW')
    expect(await auditActions(later.body.id)).toEqual(['inspection.plan', 'inspection.approve'])

    // A code that names nothing, and one that is not even a code.
    expect(
      (await w.enterprise.client.get(`${API}/inspections/check/AAAAAAAAAAAAAAAAAAAAAAAAAA`)).body.error.code,
    ).toBe('INSPECTION_CODE_NOT_VALID')
    expect((await w.enterprise.client.get(`${API}/inspections/check/abc!`)).status).toBe(400)
  })

  it('lets the enterprise refuse an approved visit with a reason; the head hears of it', async () => {
    const { id, code } = await planAndApprove()
    const refused = await w.enterprise.client.post(`${API}/inspections/check/${code}/refuse`, {
      version: 2,
      reason: '执法人员未出示执法证件',
    })
    expect(refused.body).toMatchObject({ status: 'refused' })
    expect(await auditActions(id)).toEqual(['inspection.plan', 'inspection.approve', 'inspection.refuse'])
    const heard = await t.deps.db
      .selectFrom('notifications')
      .select('id')
      .where('recipient_user_id', '=', w.headAId)
      .where('template', '=', 'inspections.refused')
      .execute()
    expect(heard.length).toBeGreaterThan(0)
  })

  it('reports an unregistered visit in one tap; the bureau lists it, nobody else', async () => {
    const before = await count('unregistered_visit_reports')
    const reported = await w.enterprise.client.post(`${API}/inspections/unregistered-visit-reports`, {
      enterpriseId: w.enterprise.id,
      bodyName: '自称消防检查',
      note: '未出示检查码',
    })
    expect(reported.status).toBe(201)
    expect(reported.body).toMatchObject({ bodyName: '自称消防检查', visitedOn: TODAY, presentedCode: null })
    expect(await auditActions(reported.body.id)).toEqual(['unregistered_visit.report'])
    // For an enterprise the caller does not act for: not found, nothing written.
    const foreign = await w.otherEnterprise.client.post(`${API}/inspections/unregistered-visit-reports`, {
      enterpriseId: w.enterprise.id,
      bodyName: '冒名',
    })
    expect(foreign.status).toBe(404)
    expect((await w.enterprise.client.post(`${API}/inspections/unregistered-visit-reports`, {})).status).toBe(
      400,
    )
    expect(await count('unregistered_visit_reports')).toBe(before + 1)
    const listed = await w.dispatcher.get(`${API}/inspections/unregistered-visit-reports`)
    expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(reported.body.id)
    expect((await w.headA.get(`${API}/inspections/unregistered-visit-reports`)).body.error.code).toBe(
      'FORBIDDEN',
    )
  })

  it('plans a service visit with the body’s staff as visitors, and the enterprise checks it in', async () => {
    const { id, code } = await planAndApprove({
      kind: 'service_visit',
      visitPurpose: 'guidance',
      inspectorIds: [],
      visitorIds: [w.handlerA.id],
    })
    const seen = await w.enterprise.client.get(`${API}/inspections/check/${code}`)
    expect(seen.body).toMatchObject({ kind: 'service_visit', visitPurpose: 'guidance' })
    expect(seen.body.people).toEqual([{ userId: w.handlerA.id, name: '测试人员', certificateNo: null }])
    expect(
      (await w.enterprise.client.post(`${API}/inspections/check/${code}/check-in`, { version: 2 })).status,
    ).toBe(200)
    expect(
      (await w.handlerA.client.post(`${API}/inspections/${id}/close`, { version: 3 })).body.error.code,
    ).toBe('FORBIDDEN')
  })
})

describe('a service visit under the platform’s contact cap', () => {
  it('takes one of the enterprise’s contact slots when approved, and is refused while none is free', async () => {
    const enterprise = await buildEnterprise(t)
    const status = () => t.deps.notifier.contactStatus(t.deps.db, enterprise.id)
    const plan = async () => {
      const planned = await w.inspectors[0]!.client.post(
        `${API}/inspections`,
        planBody(w, TODAY, {
          ...EXEMPT,
          enterpriseId: enterprise.id,
          kind: 'service_visit',
          visitPurpose: 'research',
          inspectorIds: [],
          visitorIds: [w.handlerA.id],
        }),
      )
      expect(planned.status, JSON.stringify(planned.body)).toBe(201)
      return planned.body.id as string
    }
    const before = (await status()).count
    const first = await plan()
    expect((await w.headA.post(`${API}/inspections/${first}/approve`, { version: 1 })).status).toBe(200)
    expect((await status()).count).toBe(before + 1)

    // the enterprise has had its share of contacts this week (messages, calls, visits alike)
    while (!(await status()).freesAt)
      await t.deps.db.transaction().execute((tx) =>
        t.deps.notifier.recordManualContact(tx, {
          enterpriseId: enterprise.id,
          template: 'appeal.return_visit_call',
          timeZone: 'Asia/Shanghai',
        }),
      )
    const second = await plan()
    const refused = await w.headA.post(`${API}/inspections/${second}/approve`, { version: 1 })
    expect([refused.status, refused.body.error.code]).toEqual([409, 'CONTACT_CAP_REACHED'])
    expect((await w.headA.get(`${API}/inspections/${second}`)).body).toMatchObject({
      status: 'planned',
      version: 1,
    })
    expect(await auditActions(second)).toEqual(['inspection.plan'])
  })
})
