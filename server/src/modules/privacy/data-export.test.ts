import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildDepartment,
  buildEnterpriseUser,
  buildStaff,
  signInAs,
  signInEnterprise,
  signInStaff,
} from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import { appealBody } from '../appeals/appeals.factories'
import {
  buildBenefitWorld,
  FORM,
  key,
  upload,
  type BenefitWorld,
  type Firm,
} from '../benefits/benefits.factories'
import { EXPORTS_PER_HOUR } from './data-export.service'

/**
 * An enterprise's managers download everything the platform holds about it (PIPL art. 45), as JSON and
 * as xlsx: its own data and no other enterprise's, the enterprise's view of its cases (no internal note
 * reaches the file), other members' numbers masked, every download recorded and audited. Agents, other
 * enterprises and staff are refused.
 */
const SECRET = 'MARKER-INTERNAL-NOTE'
let t: TestApp
let bw: BenefitWorld
let a: Firm
let b: Firm
let agent: { client: TestClient; phone: string }
let managerPhone: string
let appealNumber: string
let otherAppealTitle: string

async function ok(res: Promise<{ status: number; body: any }>) {
  const r = await res
  if (r.status !== 200 && r.status !== 201) throw new Error(JSON.stringify(r.body))
  return r.body
}

beforeAll(async () => {
  t = await createTestApp()
  bw = await buildBenefitWorld(t)
  a = await bw.firm(1_000_000)
  b = await bw.firm(1_000_000)
  managerPhone = (
    await t.deps.db
      .selectFrom('enterprise_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('u.phone')
      .where('m.enterprise_id', '=', a.id)
      .executeTakeFirstOrThrow()
  ).phone!
  const agentUser = await buildEnterpriseUser(t, { enterpriseIds: [a.id], role: 'agent' })
  agent = { client: await signInEnterprise(t, agentUser.phone), phone: agentUser.phone }

  // A's appeal, handled with internal notes at every step a member of staff can write one.
  const department = await buildDepartment(t)
  const handler = await signInStaff(
    t,
    await buildStaff(t, { roles: ['handler'], departmentId: department.id }),
  )
  const filed = await ok(a.client.post('/api/v1/appeals', appealBody(a.id, { title: '厂区门前道路破损' })))
  appealNumber = filed.number
  await ok(
    bw.dispatcher.post(`/api/v1/appeals/${filed.id}/dispatch`, {
      leadDepartmentId: department.id,
      note: `${SECRET}-dispatch`,
      noteAudience: 'internal',
    }),
  )
  await ok(handler.post(`/api/v1/appeals/${filed.id}/sign-for`))
  await ok(
    handler.post(`/api/v1/appeals/${filed.id}/contact`, {
      method: 'phone',
      contactPerson: '王经理',
      note: `${SECRET}-contact`,
      noteAudience: 'internal',
    }),
  )
  await ok(
    handler.post(`/api/v1/appeals/${filed.id}/pause`, {
      reason: 'awaiting_third_party',
      note: `${SECRET}-pause`,
      noteAudience: 'internal',
    }),
  )
  await ok(handler.post(`/api/v1/appeals/${filed.id}/resume`, {}))
  await ok(
    handler.post(`/api/v1/appeals/${filed.id}/reply`, {
      body: '道路已列入本月维修计划，预计两周内修复。',
      attachmentIds: [],
    }),
  )

  // A's benefits: a no-application consent, and a standard application with a handler's internal note.
  await ok(
    a.client.post(`/api/v1/enterprises/${a.id}/claims/consent`, {
      itemId: bw.items.noApp,
      idempotencyKey: key(),
    }),
  )
  const applied = await ok(
    a.client.post(`/api/v1/enterprises/${a.id}/claims/apply`, {
      itemId: bw.items.standard,
      idempotencyKey: key(),
      form: FORM,
      materials: { plan: [await upload(a.client)] },
    }),
  )
  await ok(
    bw.handler.post(`/api/v1/benefits/claims/${applied.id}/recommendation`, {
      approve: false,
      reason: `${SECRET}-recommendation`,
    }),
  )

  // B's appeal: never in A's file.
  otherAppealTitle = 'B公司专属诉求标题'
  await ok(b.client.post('/api/v1/appeals', appealBody(b.id, { title: otherAppealTitle })))
})
afterAll(() => t.close())

const download = (client: TestClient, path: string) => client.get(path)

describe("an enterprise's data export", () => {
  let json: any
  it('as JSON: its own data, the enterprise view of its cases, nobody else’s', async () => {
    const res = await download(a.client, `/api/v1/enterprises/${a.id}/data-export?format=json`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="enterprise-\w{18}-\d{8}\.json"$/,
    )
    json = res.body
    const text = JSON.stringify(json)
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain(otherAppealTitle)
    expect(text).not.toContain(b.name)

    expect(json).toMatchObject({ format: 'yingshang.enterprise-export', formatVersion: 1 })
    expect(json.enterprise).toMatchObject({ id: a.id, name: a.name, myRole: 'manager' })
    expect(json.appeals).toHaveLength(1)
    const appeal = json.appeals[0]
    expect(appeal).toMatchObject({ view: 'enterprise', number: appealNumber, title: '厂区门前道路破损' })
    expect(appeal.replies[0].body).toContain('两周内修复')
    expect(appeal.timeline.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['filed', 'dispatch', 'sign_for', 'record_contact', 'pause', 'resume']),
    )
    expect(json.benefitClaims).toHaveLength(2)
    expect(json.benefitConsents).toHaveLength(1)
    // the settlement account as the app shows it: masked, never the whole number
    expect(json.settlementAccounts).toHaveLength(1)
    expect(json.settlementAccounts[0]).toMatchObject({
      accountName: a.name,
      accountNumberMasked: expect.stringContaining('****'),
    })
    expect(text).not.toMatch(/3400\d{15}/)
    expect(json.benefitClaims.every((c: { recommendation: unknown }) => c.recommendation === null)).toBe(true)
    expect(json.facts.find((f: { key: string }) => f.key === 'totalAssets')).toMatchObject({
      value: 1_000_000,
      source: 'declared',
      label: '资产总额',
    })
    expect(json.policyMatches.length).toBeGreaterThanOrEqual(3)

    // Other members' numbers are masked; the manager's own is not.
    const phones = json.members.map((m: { phone: string }) => m.phone)
    expect(phones).toContain(managerPhone)
    expect(phones).not.toContain(agent.phone)
    expect(phones).toContain(`${agent.phone.slice(0, 3)}****${agent.phone.slice(-4)}`)
  })

  it('as xlsx: one sheet per kind, the app’s column titles, no internal note in any cell', async () => {
    const res = await download(a.client, `/api/v1/enterprises/${a.id}/data-export?format=xlsx`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await bytesOf(a.client, `/api/v1/enterprises/${a.id}/data-export?format=xlsx`))
    const names = book.worksheets.map((s) => s.name)
    expect(names).toEqual(
      expect.arrayContaining([
        '企业信息',
        '企业成员',
        '企业数据',
        '诉求',
        '诉求办理过程',
        '政策兑现',
        '免申即享确认记录',
        '政策匹配',
        '消息',
        '数据下载记录',
        '结算账户',
      ]),
    )
    const appeals = book.getWorksheet('诉求')!
    expect(appeals.getRow(1).values).toEqual(
      expect.arrayContaining(['编号', '标题', '诉求类别', '状态', '渠道']),
    )
    expect(appeals.getRow(2).getCell(1).value).toBe(appealNumber)
    expect(appeals.getRow(2).getCell(4).value).toBe('待评价')
    const steps = book.getWorksheet('诉求办理过程')!
    const stepNames = steps.getColumn(3).values
    expect(stepNames).toEqual(expect.arrayContaining(['派单', '部门签收', '部门已与企业联系']))
    for (const sheet of book.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(String(cell.value ?? ''), `${sheet.name}`).not.toContain(SECRET)
          expect(String(cell.value ?? ''), `${sheet.name}`).not.toContain(otherAppealTitle)
        }),
      )
    const members = book.getWorksheet('企业成员')!
    expect(members.getRow(1).values).toEqual(expect.arrayContaining(['姓名', '手机号', '角色', '加入时间']))
  })

  it('in English when asked, with English titles', async () => {
    a.client.locale = 'en'
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await bytesOf(a.client, `/api/v1/enterprises/${a.id}/data-export?format=xlsx`))
    a.client.locale = 'zh-CN'
    expect(book.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Appeals', 'Members']))
    expect(book.getWorksheet('Appeals')!.getRow(2).getCell(4).value).toBe('Awaiting rating')
  })

  it('is recorded and audited, and the next file lists the earlier downloads', async () => {
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'after'])
      .where('action', '=', 'privacy.export_enterprise')
      .execute()
    expect(audit.length).toBeGreaterThanOrEqual(3)
    expect(audit.every((r) => r.entity_id === a.id)).toBe(true)
    const again = await a.client.get(`/api/v1/enterprises/${a.id}/data-export?format=json`)
    expect(again.body.dataExports.length).toBeGreaterThanOrEqual(3)
    expect(again.body.dataExports[0].exportedBy).toMatch(/^\d{3}\*{4}\d{4}$/)
  })

  it('is refused to agents, other enterprises, staff and anonymous callers', async () => {
    const path = `/api/v1/enterprises/${a.id}/data-export?format=json`
    expect((await agent.client.get(path)).body.error.code).toBe('FORBIDDEN')
    expect((await b.client.get(path)).body.error.code).toBe('NOT_FOUND')
    expect((await (await signInAs(t, 'admin')).get(path)).body.error.code).toBe('FORBIDDEN')
    expect((await bw.dispatcher.get(path)).body.error.code).toBe('FORBIDDEN')
    expect((await t.anonymous().get(path)).body.error.code).toBe('UNAUTHENTICATED')
  })

  it('refuses a bad format or id in the one error shape', async () => {
    const format = await a.client.get(`/api/v1/enterprises/${a.id}/data-export?format=pdf`)
    expect(format.status).toBe(400)
    expect(Object.keys(format.body.error.fields)).toEqual(['format'])
    const id = await a.client.get(`/api/v1/enterprises/not-an-id/data-export`)
    expect(id.status).toBe(400)
    expect(Object.keys(id.body.error.fields)).toEqual(['id'])
  })

  it('is limited per person per hour', async () => {
    const user = await buildEnterpriseUser(t, { enterpriseIds: [b.id] })
    const client = await signInEnterprise(t, user.phone)
    await t.deps.db
      .insertInto('data_exports')
      .values(
        Array.from({ length: EXPORTS_PER_HOUR }, () => ({
          user_id: user.id,
          scope: 'enterprise' as const,
          enterprise_id: b.id,
          format: 'json' as const,
          size_bytes: 1,
        })),
      )
      .execute()
    const res = await client.get(`/api/v1/enterprises/${b.id}/data-export?format=json`)
    expect(res.status).toBe(429)
    expect(res.body.error.code).toBe('RATE_LIMITED')
  })
})

describe('a personal data export', () => {
  it('holds the account, its enterprises, its consents with their evidence and its devices', async () => {
    const res = await agent.client.get('/api/v1/privacy/my-data?format=json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/my-data-\d{8}\.json/)
    expect(res.body.account).toMatchObject({ kind: 'enterprise', phone: agent.phone })
    expect(res.body.memberships).toEqual([expect.objectContaining({ enterpriseName: a.name, role: 'agent' })])
    expect(res.body.consents.map((c: { kind: string }) => c.kind).sort()).toEqual([
      'privacy_notice',
      'terms_of_use',
    ])
    expect(res.body.consents[0].ip).toMatch(/^10\./)
    expect(res.body.sessions.some((s: { isThisDevice: boolean }) => s.isThisDevice)).toBe(true)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await bytesOf(agent.client, '/api/v1/privacy/my-data?format=xlsx'))
    expect(book.worksheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['账号', '我代表的企业', '隐私政策与协议同意记录', '登录设备']),
    )
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'privacy.export_personal')
      .execute()
    expect(audit.length).toBe(2)
  })
})

/** The bytes of a download, with the client's session and language. */
async function bytesOf(client: TestClient, path: string): Promise<ArrayBuffer> {
  const res = await client.download(path)
  if (res.status !== 200) throw new Error(await res.text())
  return res.arrayBuffer()
}
