import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  buildDepartment,
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  findDepartmentByCode,
  signInAs,
  signInEnterprise,
  signInStaff,
} from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import { attachMaterials, buildPublishedMatter } from './services.factories'

/**
 * Intake through HTTP on a real database with the clock pinned: submission and its receipt, the
 * completeness check (accept, 一次性告知, 不予受理, 容缺受理), the applicant's answers, the extension
 * and special steps, every refusal. Dates are Dalian's (UTC+8): Monday 2026-11-02 10:00 is "now".
 */
const BASE = '/api/v1/services/applications'
const at = (local: string) => new Date(`${local}+08:00`)
const iso = (local: string) => at(local).toISOString()

let t: TestApp
let applicant: TestClient
let dishonestApplicant: TestClient
let enterpriseId: string
let dishonestId: string
let handler: TestClient
let head: TestClient
let otherHandler: TestClient
let matterId: string

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at('2026-11-02T10:00:00'))
  t = await createTestApp({ STAFF_SESSION_HOURS: '5000', ENTERPRISE_SESSION_DAYS: '365' })
  const departmentId = (await buildDepartment(t)).id
  handler = await signInAs(t, 'handler', { departmentId })
  head = await signInAs(t, 'department_head', { departmentId })
  otherHandler = await signInAs(t, 'handler')
  // what the matter editor does not write yet: the materials that may follow a 容缺 acceptance
  matterId = await buildPublishedMatter(handler, departmentId, {
    beforePublish: (id) =>
      t.deps.db
        .updateTable('service_matter_versions')
        .set({ tolerance_materials: JSON.stringify(['食品安全管理制度文本']) })
        .where('matter_id', '=', id)
        .execute(),
  })

  const enterprise = await buildEnterprise(t)
  enterpriseId = enterprise.id
  applicant = await signInEnterprise(
    t,
    (await buildEnterpriseUser(t, { enterpriseIds: [enterpriseId] })).phone,
  )
  const dishonest = await buildEnterprise(t)
  dishonestId = dishonest.id
  dishonestApplicant = await signInEnterprise(
    t,
    (await buildEnterpriseUser(t, { enterpriseIds: [dishonestId] })).phone,
  )
  // the market-regulation department's data puts the second enterprise on the list (严重失信主体名单)
  const market = await findDepartmentByCode(t, 'DL-SCJGJ')
  const officer = await signInStaff(t, await buildStaff(t, { roles: ['handler'], departmentId: market.id }))
  const form = new FormData()
  form.set('file', new File([`统一社会信用代码,列入严重失信主体名单\n${dishonest.uscc},是`], 'list.csv'))
  const imported = await officer.post('/api/v1/facts/imports?source=market_regulation', form)
  expect(imported.body).toMatchObject({ rowsApplied: 1 })
})
afterAll(async () => {
  await t.close()
  vi.useRealTimers()
})

async function submitted(client = applicant, enterprise = enterpriseId): Promise<string> {
  const opened = await client.post(BASE, { enterpriseId: enterprise, matterId })
  expect(opened.status).toBe(201)
  await attachMaterials(client, opened.body.id)
  const sent = await client.post(`${BASE}/${opened.body.id}/submit`)
  expect(sent.status).toBe(200)
  return opened.body.id
}

async function notices(id: string) {
  return t.deps.db
    .selectFrom('application_notices')
    .select(['kind', 'title', 'body', 'issued_at'])
    .where('application_id', '=', id)
    .orderBy('issued_at')
    .orderBy('id')
    .execute()
}

/** The notice of a kind (several may share the pinned instant, so order alone cannot tell them apart). */
async function notice(id: string, kind: string) {
  return (await notices(id)).find((n) => n.kind === kind)
}

async function auditActions(id: string) {
  const rows = await t.deps.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', id)
    .orderBy('id')
    .execute()
  // the moves of the case (the materials the applicant attaches are audited too, and tested with the forms)
  return rows.map((r) => r.action).filter((a) => a !== 'application.material_upload')
}

describe('submission', () => {
  it('gives a receipt with the completeness deadline, 5 working days on, and tells the applicant', async () => {
    const id = await submitted()
    const read = await applicant.get(`${BASE}/${id}`)
    expect(read.body).toMatchObject({
      status: 'submitted',
      receivedAt: iso('2026-11-02T10:00:00'),
      completenessDueAt: iso('2026-11-09T17:30:00'),
    })
    const [receipt] = await notices(id)
    expect(receipt).toMatchObject({
      kind: 'receipt',
      title: '收件凭证',
      issued_at: at('2026-11-02T10:00:00'),
    })
    expect(receipt!.body).toContain('2026-11-09 17:30')
    const told = await t.deps.db
      .selectFrom('notifications')
      .select('template')
      .where('recipient_enterprise_id', '=', enterpriseId)
      .where('template', '=', 'services.application_notice')
      .execute()
    expect(told.length).toBeGreaterThan(0)

    const listed = await applicant.get(`${BASE}/${id}/notices`)
    expect(listed.body.items).toEqual([
      {
        id: expect.any(String),
        kind: 'receipt',
        issuedAt: iso('2026-11-02T10:00:00'),
        title: '收件凭证',
        body: receipt!.body,
      },
    ])
    expect((await handler.get(`${BASE}/${id}/notices`)).status).toBe(403)
  })
})

describe('the completeness check', () => {
  it('a handler accepts: the decision clock runs from receipt, promised and statutory', async () => {
    const id = await submitted()
    vi.setSystemTime(at('2026-11-03T11:00:00'))
    const accepted = await handler.post(`${BASE}/${id}/accept`)
    expect(accepted.status).toBe(200)
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      acceptedAt: iso('2026-11-03T11:00:00'),
      acceptedFrom: iso('2026-11-02T10:00:00'),
      deemedAccepted: false,
      decisionDueAt: iso('2026-11-16T17:30:00'),
      statutoryDueAt: iso('2026-11-30T17:30:00'),
    })
    expect((await notices(id)).map((n) => [n.kind, n.title])).toEqual([
      ['receipt', '收件凭证'],
      ['acceptance', '受理通知书'],
    ])
    expect(await auditActions(id)).toEqual(['application.open', 'application.submit', 'application.accept'])
    vi.setSystemTime(at('2026-11-02T10:00:00'))
  })

  it('refuses the applicant, another department, a draft and a second acceptance', async () => {
    const id = await submitted()
    expect((await applicant.post(`${BASE}/${id}/accept`)).body.error.code).toBe('FORBIDDEN')
    expect((await otherHandler.post(`${BASE}/${id}/accept`)).status).toBe(404)
    expect((await handler.post(`${BASE}/${crypto.randomUUID()}/accept`)).status).toBe(404)
    expect((await head.post(`${BASE}/${id}/accept`)).status).toBe(200)
    const again = await handler.post(`${BASE}/${id}/accept`)
    expect([again.status, again.body.error.code]).toEqual([409, 'APPLICATION_NOT_IN_CHECK'])
    const draft = await applicant.post(BASE, { enterpriseId, matterId })
    expect((await handler.post(`${BASE}/${draft.body.id}/accept`)).body.error.code).toBe(
      'APPLICATION_NOT_IN_CHECK',
    )
  })

  it('一次性告知: one request listing every item; the answer restarts the check; acceptance counts from it', async () => {
    const id = await submitted()
    const items = [
      { item: '食品经营许可申请书', problem: '未签字盖章' },
      { item: '食品安全管理制度文本', problem: '未提交' },
    ]
    const requested = await handler.post(`${BASE}/${id}/supplement-request`, { items })
    expect(requested.status).toBe(200)
    expect(requested.body).toMatchObject({
      status: 'supplement_requested',
      supplementItems: items,
      supplementDueAt: iso('2026-12-03T00:00:00'),
      completenessDueAt: null,
    })
    const supplement = (await notice(id, 'supplement'))!
    expect(supplement.title).toBe('补正材料告知书')
    expect(supplement.body).toContain('请于2026-12-02（含当日）前')
    expect(supplement.body).toContain('1. 食品经营许可申请书：未签字盖章')
    expect(supplement.body).toContain('2. 食品安全管理制度文本：未提交')

    // the staff cannot ask again while it is pending
    const pending = await handler.post(`${BASE}/${id}/supplement-request`, { items })
    expect(pending.body.error.code).toBe('APPLICATION_NOT_IN_CHECK')

    vi.setSystemTime(at('2026-11-05T10:00:00'))
    const answered = await applicant.post(`${BASE}/${id}/supplement`, { note: '已补齐', uploadIds: [] })
    expect(answered.status).toBe(200)
    expect(answered.body).toMatchObject({
      status: 'submitted',
      supplementAnsweredAt: iso('2026-11-05T10:00:00'),
      completenessDueAt: iso('2026-11-12T17:30:00'),
    })
    const second = await handler.post(`${BASE}/${id}/supplement-request`, { items: [items[0]] })
    expect([second.status, second.body.error.code]).toEqual([409, 'APPLICATION_SUPPLEMENT_ALREADY_REQUESTED'])
    const again = await applicant.post(`${BASE}/${id}/supplement`, { note: '再补' })
    expect(again.body.error.code).toBe('APPLICATION_NO_SUPPLEMENT_PENDING')

    const accepted = await handler.post(`${BASE}/${id}/accept`)
    expect(accepted.body).toMatchObject({
      acceptedFrom: iso('2026-11-05T10:00:00'),
      decisionDueAt: iso('2026-11-19T17:30:00'),
    })
    vi.setSystemTime(at('2026-11-02T10:00:00'))
  })

  it('refuses an answer after the applicant’s deadline, and a request after the 5 working days', async () => {
    const late = await submitted()
    await handler.post(`${BASE}/${late}/supplement-request`, { items: [{ item: '申请书', problem: '缺' }] })
    const tooLateCheck = await submitted()

    vi.setSystemTime(at('2026-11-09T17:31:00'))
    const overdue = await handler.post(`${BASE}/${tooLateCheck}/supplement-request`, {
      items: [{ item: '申请书', problem: '缺' }],
    })
    expect([overdue.status, overdue.body.error.code]).toEqual([409, 'APPLICATION_CHECK_OVERDUE'])
    expect(
      (
        await handler.post(`${BASE}/${tooLateCheck}/not-accept`, {
          reason: '不属于',
          referTo: '区市场监管局',
        })
      ).body.error.code,
    ).toBe('APPLICATION_CHECK_OVERDUE')

    vi.setSystemTime(at('2026-12-03T00:00:00'))
    const answer = await applicant.post(`${BASE}/${late}/supplement`, { note: '晚了' })
    expect([answer.status, answer.body.error.code]).toEqual([409, 'APPLICATION_SUPPLEMENT_OVERDUE'])
    expect((await applicant.get(`${BASE}/${late}`)).body.status).toBe('supplement_requested')
    vi.setSystemTime(at('2026-11-02T10:00:00'))
  })

  it('不予受理 needs the reason and the body to apply to, and tells both', async () => {
    const id = await submitted()
    const missing = await handler.post(`${BASE}/${id}/not-accept`, { reason: '不属于本机关职权范围' })
    expect(missing.status).toBe(400)
    expect(Object.keys(missing.body.error.fields)).toEqual(['referTo'])
    const refused = await handler.post(`${BASE}/${id}/not-accept`, {
      reason: '不属于本机关职权范围',
      referTo: '大连市中山区市场监督管理局',
    })
    expect(refused.body).toMatchObject({
      status: 'not_accepted',
      notAcceptedReason: '不属于本机关职权范围',
      notAcceptedReferTo: '大连市中山区市场监督管理局',
    })
    const refusal = (await notice(id, 'not_accepted'))!
    expect(refusal.title).toBe('不予受理决定书')
    expect(refusal.body).toContain('请向大连市中山区市场监督管理局提出申请')
  })
})

describe('容缺受理', () => {
  it('needs the applicant’s signed commitment on the matter’s tolerance materials, due within the promise', async () => {
    const id = await submitted()
    const body = { items: ['食品安全管理制度文本'], dueWorkingDays: 3 }
    expect((await handler.post(`${BASE}/${id}/tolerance-acceptance`, body)).body.error.code).toBe(
      'APPLICATION_TOLERANCE_NOT_SIGNED',
    )
    const outside = await applicant.post(`${BASE}/${id}/tolerance-commitment`, {
      items: ['食品经营许可申请书'],
      commitment: '承诺补交',
    })
    expect([outside.status, outside.body.error.code]).toEqual([422, 'APPLICATION_TOLERANCE_NOT_ALLOWED'])
    const signed = await applicant.post(`${BASE}/${id}/tolerance-commitment`, {
      items: ['食品安全管理制度文本'],
      commitment: '本企业承诺于受理后3个工作日内补交，逾期愿承担终止办理的后果。',
    })
    expect(signed.body).toMatchObject({
      status: 'submitted',
      toleranceItems: ['食品安全管理制度文本'],
      toleranceSignedAt: iso('2026-11-02T10:00:00'),
    })
    const notListed = await handler.post(`${BASE}/${id}/tolerance-acceptance`, {
      items: ['营业执照'],
      dueWorkingDays: 3,
    })
    expect(notListed.body.error.code).toBe('APPLICATION_TOLERANCE_NOT_ALLOWED')
    const tooLate = await handler.post(`${BASE}/${id}/tolerance-acceptance`, { ...body, dueWorkingDays: 11 })
    expect([tooLate.status, tooLate.body.error.code]).toEqual([422, 'APPLICATION_TOLERANCE_TOO_LATE'])

    const accepted = await handler.post(`${BASE}/${id}/tolerance-acceptance`, body)
    expect(accepted.status).toBe(200)
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      toleranceDueAt: iso('2026-11-05T17:30:00'),
      decisionDueAt: iso('2026-11-16T17:30:00'),
    })
    expect((await notice(id, 'tolerance'))?.title).toBe('容缺受理通知书')
    expect(await auditActions(id)).toContain('application.sign_tolerance_commitment')

    const fulfilled = await applicant.post(`${BASE}/${id}/tolerance-fulfilment`, { note: '已补交制度文本' })
    expect(fulfilled.body.toleranceFulfilledAt).toBe(iso('2026-11-02T10:00:00'))
    const twice = await applicant.post(`${BASE}/${id}/tolerance-fulfilment`, { note: '再交' })
    expect(twice.body.error.code).toBe('APPLICATION_NO_TOLERANCE_PENDING')
  })

  it('is refused to an enterprise on the list of seriously dishonest entities', async () => {
    const id = await submitted(dishonestApplicant, dishonestId)
    await dishonestApplicant.post(`${BASE}/${id}/tolerance-commitment`, {
      items: ['食品安全管理制度文本'],
      commitment: '承诺补交',
    })
    const refused = await handler.post(`${BASE}/${id}/tolerance-acceptance`, {
      items: ['食品安全管理制度文本'],
      dueWorkingDays: 3,
    })
    expect([refused.status, refused.body.error.code]).toEqual([409, 'APPLICATION_TOLERANCE_DISHONEST'])
    // an ordinary acceptance is still open to it
    expect((await handler.post(`${BASE}/${id}/accept`)).body.status).toBe('accepted')
  })

  it('the commitment is signed only during the check, by the applicant', async () => {
    const id = await submitted()
    const commitment = { items: ['食品安全管理制度文本'], commitment: '承诺' }
    expect((await handler.post(`${BASE}/${id}/tolerance-commitment`, commitment)).status).toBe(403)
    await handler.post(`${BASE}/${id}/accept`)
    expect((await applicant.post(`${BASE}/${id}/tolerance-commitment`, commitment)).body.error.code).toBe(
      'APPLICATION_NOT_IN_CHECK',
    )
  })
})

describe('the decision clock', () => {
  it('the head extends once (+10 working days, the reason told); a handler may not', async () => {
    const id = await submitted()
    await handler.post(`${BASE}/${id}/accept`)
    expect((await handler.post(`${BASE}/${id}/extension`, { reason: '情况复杂' })).status).toBe(403)
    const noReason = await head.post(`${BASE}/${id}/extension`, {})
    expect(Object.keys(noReason.body.error.fields)).toEqual(['reason'])
    const extended = await head.post(`${BASE}/${id}/extension`, { reason: '需征求其他部门意见' })
    expect(extended.body).toMatchObject({
      extensionDays: 10,
      decisionDueAt: iso('2026-11-30T17:30:00'),
      statutoryDueAt: iso('2026-12-14T17:30:00'),
    })
    expect((await notice(id, 'extension'))?.title).toBe('延长办理期限告知书')
    const again = await head.post(`${BASE}/${id}/extension`, { reason: '再延' })
    expect(again.body.error.code).toBe('APPLICATION_ALREADY_EXTENDED')
    const draft = await applicant.post(BASE, { enterpriseId, matterId })
    expect((await head.post(`${BASE}/${draft.body.id}/extension`, { reason: 'x' })).body.error.code).toBe(
      'APPLICATION_NOT_UNDER_REVIEW',
    )
  })

  it('a special step stops the clock; a hearing does not count in the statutory limit (第45条)', async () => {
    const id = await submitted()
    await handler.post(`${BASE}/${id}/accept`)
    const unknown = await handler.post(`${BASE}/${id}/special-steps`, { kind: 'expert_review' })
    expect([unknown.status, unknown.body.error.code]).toEqual([422, 'APPLICATION_SPECIAL_STEP_UNKNOWN'])
    expect((await handler.post(`${BASE}/${id}/special-steps/end`, {})).body.error.code).toBe(
      'APPLICATION_NOT_IN_SPECIAL_STEP',
    )

    vi.setSystemTime(at('2026-11-03T09:00:00'))
    const started = await handler.post(`${BASE}/${id}/special-steps`, { kind: 'hearing' })
    expect(started.body).toMatchObject({
      status: 'special_step',
      specialStepKind: 'hearing',
      specialStepDueAt: iso('2026-11-17T17:30:00'),
    })
    expect((await notice(id, 'special_step'))?.title).toBe('特殊环节告知书')

    vi.setSystemTime(at('2026-11-05T09:00:00'))
    const ended = await handler.post(`${BASE}/${id}/special-steps/end`, { note: '听证结束' })
    expect(ended.body).toMatchObject({
      status: 'accepted',
      specialStepKind: null,
      decisionDueAt: iso('2026-11-18T17:30:00'),
      statutoryDueAt: iso('2026-12-02T17:30:00'),
    })
    vi.setSystemTime(at('2026-11-02T10:00:00'))
  })

  it('an on-site inspection counts inside the statutory limit: only the promised end moves', async () => {
    const id = await submitted()
    await handler.post(`${BASE}/${id}/accept`)
    vi.setSystemTime(at('2026-11-03T09:00:00'))
    await handler.post(`${BASE}/${id}/special-steps`, { kind: 'on_site_inspection' })
    vi.setSystemTime(at('2026-11-04T09:00:00'))
    const ended = await head.post(`${BASE}/${id}/special-steps/end`, {})
    expect(ended.body).toMatchObject({
      decisionDueAt: iso('2026-11-17T17:30:00'),
      statutoryDueAt: iso('2026-11-30T17:30:00'),
    })
    vi.setSystemTime(at('2026-11-02T10:00:00'))
  })
})
