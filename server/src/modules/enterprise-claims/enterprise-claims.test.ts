import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELIVER_QUEUE } from '../../kernel/notify/notifier'
import { idNumberCheckDigit } from '../../shared/id-number'
import {
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  findDepartmentByCode,
  randomPhone,
  readSmsCode,
  signInAs,
  signInEnterprise,
  signInStaff,
} from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'

/**
 * Claiming an enterprise that is already on the platform: by the code sent to the legal
 * representative's phone in the market-regulation registry, by the managers' approval, or by the
 * bureau's check of a business licence; and "this is not my company" reaching the task force.
 */
let t: TestApp
let marketRegulation: TestClient
let dispatcher: TestClient
beforeAll(async () => {
  t = await createTestApp()
  const department = await findDepartmentByCode(t, 'DL-SCJGJ')
  marketRegulation = await signInStaff(
    t,
    await buildStaff(t, { roles: ['handler'], departmentId: department.id }),
  )
  dispatcher = await signInAs(t, 'dispatcher')
})
afterAll(() => t.close())

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
const ID_NUMBER = (() => {
  const first17 = '21020219850301123'
  return first17 + idNumberCheckDigit(first17)
})()

function registryFile(rows: string[]) {
  const form = new FormData()
  form.set(
    'file',
    new File([['统一社会信用代码,企业名称,法定代表人,法定代表人手机号', ...rows].join('\n')], 'registry.csv'),
  )
  return form
}

/** An enterprise already on the platform with a manager, and its registry record with the legal representative's phone. */
async function enterpriseWithRegistry() {
  const enterprise = await buildEnterprise(t, { legal_representative: '王建国' })
  const manager = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
  const legalRepPhone = randomPhone()
  const imported = await marketRegulation.post(
    '/api/v1/facts/registry-imports',
    registryFile([`${enterprise.uscc},${enterprise.name},王建国,${legalRepPhone}`]),
  )
  expect(imported.status, JSON.stringify(imported.body)).toBe(200)
  return { enterprise, manager, legalRepPhone }
}

async function newcomer() {
  return signInEnterprise(t, (await buildEnterpriseUser(t)).phone)
}

async function inboxTitles(client: TestClient): Promise<string[]> {
  await t.deps.jobs.runQueued(DELIVER_QUEUE)
  await t.deps.notifier.deliverDue()
  return (await client.get('/api/v1/inbox')).body.items.map((m: { title: string }) => m.title)
}

describe('the registry from the market-regulation department', () => {
  it('is imported like any data file, each bad row reported, only by that department', async () => {
    const good = await buildEnterprise(t)
    const report = await marketRegulation.post(
      '/api/v1/facts/registry-imports',
      registryFile([
        `${good.uscc},${good.name},李四,13900139000`,
        `91210200MA0000000X,某公司,张三,13900139001`,
        `${good.uscc},${good.name},李四,12345`,
      ]),
    )
    expect(report.status).toBe(200)
    expect(report.body.rows.map((r: { status: string }) => r.status)).toEqual(['applied', 'error', 'error'])
    expect(report.body.rows[1].errors).toHaveProperty('统一社会信用代码')
    expect(Object.keys(report.body.rows[2].errors).sort()).toEqual(['法定代表人手机号', '统一社会信用代码'])
    const again = await marketRegulation.post(
      '/api/v1/facts/registry-imports',
      registryFile([`${good.uscc},${good.name},李四,13900139000`]),
    )
    expect(again.body.rows[0].status).toBe('unchanged')
    const tax = await signInAs(t, 'handler')
    expect((await tax.post('/api/v1/facts/registry-imports', registryFile([]))).body.error.code).toBe(
      'FORBIDDEN',
    )
  })
})

describe('claiming by the legal representative’s code', () => {
  it('sends the code to the registered phone only; the right code makes the claimant a manager and tells the managers', async () => {
    const { enterprise, manager, legalRepPhone } = await enterpriseWithRegistry()
    const claimant = await newcomer()
    const lookup = await claimant.get(`/api/v1/enterprise-claims/lookup?uscc=${enterprise.uscc}`)
    expect(lookup.body).toMatchObject({
      enterpriseName: enterprise.name,
      isMember: false,
      methods: [
        {
          method: 'legal_rep_code',
          isAvailable: true,
          sentTo: `${legalRepPhone.slice(0, 3)}****${legalRepPhone.slice(7)}`,
        },
        { method: 'manager_approval', isAvailable: true },
        { method: 'licence_review', isAvailable: true },
      ],
    })
    // Nothing else of the enterprise leaks before the claim.
    expect(Object.keys(lookup.body).sort()).toEqual(['enterpriseName', 'isMember', 'methods'])
    const started = await claimant.post('/api/v1/enterprise-claims', {
      uscc: enterprise.uscc,
      method: 'legal_rep_code',
    })
    expect(started.status).toBe(201)
    expect(started.body).toMatchObject({ status: 'pending', codeSentTo: lookup.body.methods[0].sentTo })
    // A double tap answers the same claim; another way while it is pending is refused.
    const again = await claimant.post('/api/v1/enterprise-claims', {
      uscc: enterprise.uscc,
      method: 'legal_rep_code',
    })
    expect(again.body.id).toBe(started.body.id)
    expect(
      (
        await claimant.post('/api/v1/enterprise-claims', {
          uscc: enterprise.uscc,
          method: 'manager_approval',
        })
      ).body.error.code,
    ).toBe('ENTERPRISE_CLAIM_PENDING')
    expect((await claimant.post(`/api/v1/enterprise-claims/${started.body.id}/code`)).status).toBe(429)

    const code = await readSmsCode(t, legalRepPhone)
    const wrong = await claimant.post(`/api/v1/enterprise-claims/${started.body.id}/verify`, {
      code: code === '000000' ? '111111' : '000000',
    })
    expect(wrong.status).toBe(400)
    expect(wrong.body.error.fields).toHaveProperty('code')
    // Someone else cannot use the claimant's claim.
    expect(
      (await (await newcomer()).post(`/api/v1/enterprise-claims/${started.body.id}/verify`, { code })).status,
    ).toBe(404)
    const verified = await claimant.post(`/api/v1/enterprise-claims/${started.body.id}/verify`, { code })
    expect(verified.body).toMatchObject({ status: 'approved', grantedRole: 'manager' })
    const mine = await claimant.get('/api/v1/enterprises/mine')
    expect(mine.body.items.find((e: { id: string }) => e.id === enterprise.id)).toMatchObject({
      myRole: 'manager',
    })
    const managerClient = await signInEnterprise(t, manager.phone)
    expect(await inboxTitles(managerClient)).toContain('本企业被认领')
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', started.body.id)
      .execute()
    expect(audit.map((a) => a.action).sort()).toEqual([
      'enterprise_claim.start',
      'enterprise_claim.verify_code',
    ])
  })

  it('is not offered without a registered phone, and five wrong codes end the code', async () => {
    const enterprise = await buildEnterprise(t)
    const claimant = await newcomer()
    const lookup = await claimant.get(`/api/v1/enterprise-claims/lookup?uscc=${enterprise.uscc}`)
    expect(lookup.body.methods[0]).toMatchObject({
      method: 'legal_rep_code',
      isAvailable: false,
      sentTo: null,
    })
    expect(
      (await claimant.post('/api/v1/enterprise-claims', { uscc: enterprise.uscc, method: 'legal_rep_code' }))
        .body.error.code,
    ).toBe('ENTERPRISE_CLAIM_METHOD_UNAVAILABLE')

    const { enterprise: other, legalRepPhone } = await enterpriseWithRegistry()
    const started = await claimant.post('/api/v1/enterprise-claims', {
      uscc: other.uscc,
      method: 'legal_rep_code',
    })
    const code = await readSmsCode(t, legalRepPhone)
    const wrongCode = code === '000000' ? '111111' : '000000'
    for (let i = 0; i < 5; i++)
      await claimant.post(`/api/v1/enterprise-claims/${started.body.id}/verify`, { code: wrongCode })
    const late = await claimant.post(`/api/v1/enterprise-claims/${started.body.id}/verify`, { code })
    expect(late.status).toBe(400)
  })

  it('refuses a code that is not six digits, and an unknown credit code answers "not found"', async () => {
    const claimant = await newcomer()
    const { enterprise } = await enterpriseWithRegistry()
    const started = await claimant.post('/api/v1/enterprise-claims', {
      uscc: enterprise.uscc,
      method: 'legal_rep_code',
    })
    expect(started.status, JSON.stringify(started.body)).toBe(201)
    const bad = await claimant.post(`/api/v1/enterprise-claims/${started.body.id}/verify`, { code: '12ab' })
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(bad.body.error.fields).toHaveProperty('code')
    const unknown = await buildEnterprise(t)
    await t.deps.db.deleteFrom('enterprises').where('id', '=', unknown.id).execute()
    expect((await claimant.get(`/api/v1/enterprise-claims/lookup?uscc=${unknown.uscc}`)).status).toBe(404)
  })
})

describe('claiming by the managers’ approval', () => {
  it('the managers hear of it and decide; a refusal says why; other members cannot decide', async () => {
    const enterprise = await buildEnterprise(t)
    const manager = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
    const agent = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id], role: 'agent' })
    const claimant = await newcomer()
    const started = await claimant.post('/api/v1/enterprise-claims', {
      uscc: enterprise.uscc,
      method: 'manager_approval',
      note: '我是公司新任财务负责人',
    })
    expect(started.status).toBe(201)
    const managerClient = await signInEnterprise(t, manager.phone)
    expect(await inboxTitles(managerClient)).toContain('有人申请加入本企业')
    const agentClient = await signInEnterprise(t, agent.phone)
    expect((await agentClient.get(`/api/v1/enterprises/${enterprise.id}/membership-claims`)).status).toBe(404)
    expect(
      (await agentClient.post(`/api/v1/enterprise-claims/${started.body.id}/decision`, { approve: true }))
        .status,
    ).toBe(404)
    const listed = await managerClient.get(`/api/v1/enterprises/${enterprise.id}/membership-claims`)
    expect(listed.body.items).toMatchObject([{ id: started.body.id, note: '我是公司新任财务负责人' }])
    expect(listed.body.items[0].claimantPhone).toMatch(/^\d{3}\*{4}\d{4}$/)
    const noReason = await managerClient.post(`/api/v1/enterprise-claims/${started.body.id}/decision`, {
      approve: false,
    })
    expect(noReason.body.error.fields).toHaveProperty('note')
    // The bureau does not decide a claim the managers decide.
    expect(
      (await dispatcher.post(`/api/v1/enterprise-claims/${started.body.id}/decision`, { approve: true })).body
        .error.code,
    ).toBe('FORBIDDEN')
    const approved = await managerClient.post(`/api/v1/enterprise-claims/${started.body.id}/decision`, {
      approve: true,
    })
    expect(approved.body).toMatchObject({ status: 'approved', grantedRole: 'agent' })
    expect(await inboxTitles(claimant)).toContain('企业认领已通过')
    expect(
      (await managerClient.post(`/api/v1/enterprise-claims/${started.body.id}/decision`, { approve: true }))
        .body.error.code,
    ).toBe('ENTERPRISE_CLAIM_NOT_PENDING')
  })
})

describe('claiming by the bureau’s check of a licence', () => {
  it('records the identity verifier’s answers for the task force, who approve with the licence in hand', async () => {
    const { enterprise } = await enterpriseWithRegistry()
    const claimant = await newcomer()
    const form = new FormData()
    form.set('file', new File([PNG], '营业执照.png'))
    const file = await claimant.post('/api/v1/enterprise-claims/files', form)
    expect(file.status).toBe(201)
    const badId = await claimant.post('/api/v1/enterprise-claims', {
      uscc: enterprise.uscc,
      method: 'licence_review',
      claimantName: '王建国',
      idNumber: '210202198503011230',
      licenceFileId: file.body.id,
    })
    expect(badId.body.error.fields).toHaveProperty('idNumber')
    const missing = await claimant.post('/api/v1/enterprise-claims', {
      uscc: enterprise.uscc,
      method: 'licence_review',
    })
    expect(Object.keys(missing.body.error.fields).sort()).toEqual([
      'claimantName',
      'idNumber',
      'licenceFileId',
    ])
    const started = await claimant.post('/api/v1/enterprise-claims', {
      uscc: enterprise.uscc,
      method: 'licence_review',
      claimantName: '王建国',
      idNumber: ID_NUMBER,
      licenceFileId: file.body.id,
    })
    expect(started.status).toBe(201)
    // Another person cannot reuse that licence.
    const other = await newcomer()
    const reused = await other.post('/api/v1/enterprise-claims', {
      uscc: enterprise.uscc,
      method: 'licence_review',
      claimantName: '王建国',
      idNumber: ID_NUMBER,
      licenceFileId: file.body.id,
    })
    expect(reused.body.error.fields).toHaveProperty('licenceFileId')

    expect(await inboxTitles(dispatcher)).toContain('企业认领待审核')
    expect((await (await signInAs(t, 'handler')).get('/api/v1/enterprise-claims/reviews')).status).toBe(403)
    const reviews = await dispatcher.get('/api/v1/enterprise-claims/reviews')
    const review = reviews.body.items.find((r: { id: string }) => r.id === started.body.id)
    expect(review).toMatchObject({
      claimantName: '王建国',
      idNumberMasked: `${ID_NUMBER.slice(0, 4)}**********${ID_NUMBER.slice(14)}`,
      identityCheck: {
        verifier: 'identity-development',
        person: { verdict: 'match' },
        licenceHolder: { verdict: 'match' },
      },
      licenceFile: { fileName: '营业执照.png', contentType: 'image/png' },
      registry: { legalRepresentative: '王建国' },
    })
    // The full ID number is kept nowhere.
    const row = await t.deps.db
      .selectFrom('enterprise_claims')
      .selectAll()
      .where('id', '=', started.body.id)
      .executeTakeFirstOrThrow()
    expect(JSON.stringify(row)).not.toContain(ID_NUMBER)
    expect((await dispatcher.get(`/api/v1/enterprise-claims/files/${file.body.id}`)).status).toBe(200)
    expect((await other.get(`/api/v1/enterprise-claims/files/${file.body.id}`)).status).toBe(404)

    const approved = await dispatcher.post(`/api/v1/enterprise-claims/${started.body.id}/decision`, {
      approve: true,
      note: '执照与登记信息一致',
    })
    expect(approved.body).toMatchObject({ status: 'approved', grantedRole: 'manager' })
    const mine = await claimant.get('/api/v1/enterprises/mine')
    expect(mine.body.items.map((e: { id: string }) => e.id)).toContain(enterprise.id)
  })
})

describe('“this is not my company”', () => {
  it('reaches the task force, who record what they found; the reporter hears', async () => {
    const enterprise = await buildEnterprise(t)
    const reporter = await newcomer()
    const bad = await reporter.post('/api/v1/enterprise-disputes', { uscc: enterprise.uscc, reason: '短' })
    expect(bad.body.error.fields).toHaveProperty('reason')
    const filed = await reporter.post('/api/v1/enterprise-disputes', {
      uscc: enterprise.uscc,
      reason: '这家公司是我名下的，但平台上登记的管理人员我不认识',
      contactPhone: '13800138000',
    })
    expect(filed.status).toBe(201)
    expect(await inboxTitles(dispatcher)).toContain('企业归属争议待处理')
    expect((await reporter.get('/api/v1/enterprise-disputes')).status).toBe(403)
    const open = await dispatcher.get('/api/v1/enterprise-disputes')
    expect(open.body.items.find((d: { id: string }) => d.id === filed.body.id)).toMatchObject({
      enterpriseName: enterprise.name,
      contactPhone: '13800138000',
      status: 'open',
    })
    const resolved = await dispatcher.post(`/api/v1/enterprise-disputes/${filed.body.id}/resolve`, {
      resolution: '已核实执照，原登记人员已移除，请重新认领',
    })
    expect(resolved.body.status).toBe('resolved')
    expect(
      (
        await dispatcher.post(`/api/v1/enterprise-disputes/${filed.body.id}/resolve`, {
          resolution: '再处理',
        })
      ).body.error.code,
    ).toBe('DISPUTE_ALREADY_RESOLVED')
    expect(await inboxTitles(reporter)).toContain('企业归属争议已处理')
  })
})
