import crypto from 'node:crypto'
import {
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  findDepartmentByCode,
  signInAs,
  signInEnterprise,
  signInStaff,
} from '../../../test/factories'
import type { TestApp, TestClient } from '../../../test/harness'
import { cityToday, cityYear } from '../../../test/city-clock'
import { DELIVER_QUEUE } from '../../kernel/notify/notifier'
import { MATCH_ITEMS_QUEUE } from '../matching/matching.jobs'
import { publishAfterPreview } from '../policies/policies.factories'

/**
 * Test fixtures (used by the benefit tests only): a published policy with one item of each mode, paid
 * by the tax bureau, and enterprises that are eligible, ineligible and undetermined for it.
 */
/** Computed when called: a test with a pinned clock declares facts for the year before its own. */
export const lastYear = () => String(cityYear() - 1)
/** Today in Dalian, as payout dates are checked. */
export const today = () => cityToday()
export const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
export const key = () => crypto.randomUUID()

export type Firm = { id: string; name: string; client: TestClient }

export type BenefitWorld = {
  departmentId: string
  handler: TestClient
  head: TestClient
  otherHandler: TestClient
  otherHead: TestClient
  dispatcher: TestClient
  leader: TestClient
  policyId: string
  items: { noApp: string; fast: string; standard: string }
  firm: (assets: number | null, employees?: number, options?: { account?: boolean }) => Promise<Firm>
}

/** A corporate account number as Dalian branches issue them (19 digits); random, so no two firms share one. */
export const corporateAccountNumber = () =>
  `3400${String(crypto.randomInt(0, 1e9)).padStart(9, '0')}${String(crypto.randomInt(0, 1e6)).padStart(6, '0')}`

/** Gives the firm its settlement account through the API, as a member would. */
export async function giveAccount(
  f: Pick<Firm, 'id' | 'name' | 'client'>,
  accountNumber = corporateAccountNumber(),
) {
  const res = await f.client.post(`/api/v1/enterprises/${f.id}/settlement-account`, {
    accountName: f.name,
    bankName: '中国工商银行股份有限公司大连中山支行',
    accountNumber,
    accountNumberConfirm: accountNumber,
  })
  if (res.status !== 201) throw new Error(JSON.stringify(res.body))
  return { accountNumber, accountId: res.body.current.id as string }
}

const CONDITIONS = [
  { clause: '第五条：从业人数不超过300人', rule: '从业人数不超过300人' },
  { clause: '第五条：资产总额不超过5000万元', rule: '资产总额不超过5000万元' },
]

/** The application form: contact and statement; the money goes to the settlement account. */
export const FORM = {
  contactName: '王经理',
  contactPhone: '13800138000',
}

export async function buildBenefitWorld(t: TestApp): Promise<BenefitWorld> {
  const tax = await findDepartmentByCode(t, 'DL-TAX')
  const market = await findDepartmentByCode(t, 'DL-SCJGJ')
  const staff = async (role: 'handler' | 'department_head', departmentId: string) =>
    signInStaff(t, await buildStaff(t, { roles: [role], departmentId }))
  const handler = await staff('handler', tax.id)
  const head = await staff('department_head', tax.id)
  const firm = async (
    assets: number | null,
    employees = 50,
    options: { account?: boolean } = {},
  ): Promise<Firm> => {
    const e = await buildEnterprise(t, { employees, ...(employees > 300 ? { size_class: 'large' } : {}) })
    const client = await signInEnterprise(t, (await buildEnterpriseUser(t, { enterpriseIds: [e.id] })).phone)
    if (assets !== null) {
      const res = await client.post(`/api/v1/enterprises/${e.id}/facts`, {
        facts: [{ key: 'totalAssets', period: lastYear(), value: assets }],
      })
      if (res.status !== 200) throw new Error(JSON.stringify(res.body))
    }
    // Every claim leads to money: a firm has its settlement account unless a test says otherwise.
    if (options.account !== false) await giveAccount({ id: e.id, name: e.name, client })
    return { id: e.id, name: e.name, client }
  }
  const created = await handler.post('/api/v1/policies', {
    title: `大连市支持中小企业发展若干措施 ${crypto.randomBytes(3).toString('hex')}`,
    issuer: '大连市人民政府',
    documentNumber: '大政发〔2026〕1号',
    level: 'city',
    effectiveFrom: '2025-01-01',
    effectiveTo: '2030-12-31',
    topics: ['smes'],
    ownerDepartmentId: tax.id,
  })
  if (created.status !== 201) throw new Error(JSON.stringify(created.body))
  const policyId = created.body.id as string
  const add = async (item: Record<string, unknown>) => {
    const res = await handler.post(`/api/v1/policies/${policyId}/items`, {
      benefitKind: 'amount',
      departmentId: tax.id,
      conditions: CONDITIONS,
      ...item,
    })
    if (res.status !== 200) throw new Error(JSON.stringify(res.body))
    return res.body as { items: { id: string; code: string }[]; version: number }
  }
  await add({
    code: '第一条',
    title: '中小企业稳岗奖励',
    mode: 'no_application',
    amount: 50_000,
    budgetCap: 120_000,
  })
  await add({
    code: '第二条',
    title: '首次上规奖励',
    mode: 'fast_application',
    amount: 20_000,
    budgetCap: 30_000,
    promisedWorkingDays: 5,
    requiredMaterials: [
      { key: 'license', nameZh: '营业执照', nameEn: 'Business licence' },
      { key: 'bank_proof', nameZh: '开户许可证', nameEn: 'Bank account proof' },
      { key: 'photo', nameZh: '经营场所照片', nameEn: 'Site photo', isRequired: false },
    ],
  })
  const last = await add({
    code: '第三条',
    title: '技术改造补助',
    mode: 'standard_application',
    amount: 80_000,
    noCapReason: '按项目核定，在年度技改专项资金中统筹',
    promisedWorkingDays: 10,
    requiredMaterials: [{ key: 'plan', nameZh: '技术改造方案', nameEn: 'Upgrade plan' }],
  })
  const byCode = (code: string) => last.items.find((i) => i.code === code)!.id
  const submitted = await handler.post(`/api/v1/policies/${policyId}/submit`, { version: last.version })
  const published = await publishAfterPreview(head, policyId, { version: submitted.body.version })
  if (published.body.status !== 'published') throw new Error(JSON.stringify(published.body))
  return {
    departmentId: tax.id,
    handler,
    head,
    otherHandler: await staff('handler', market.id),
    otherHead: await staff('department_head', market.id),
    dispatcher: await signInAs(t, 'dispatcher'),
    leader: await signInAs(t, 'bureau_leader'),
    policyId,
    items: { noApp: byCode('第一条'), fast: byCode('第二条'), standard: byCode('第三条') },
    firm,
  }
}

/** Runs the matching job of the publication: counts and pushes for the evaluation. */
export async function runMatchJob(t: TestApp): Promise<void> {
  await t.deps.jobs.runQueued(MATCH_ITEMS_QUEUE)
}

export async function inboxOf(t: TestApp, client: TestClient) {
  await t.deps.jobs.runQueued(DELIVER_QUEUE)
  return (await client.get('/api/v1/inbox')).body.items as { title: string; body: string }[]
}

export async function upload(client: TestClient, bytes: Uint8Array = PNG, name = 'license.png') {
  const form = new FormData()
  form.set('file', new File([bytes], name))
  const res = await client.post('/api/v1/benefits/materials', form)
  if (res.status !== 201) throw new Error(JSON.stringify(res.body))
  return res.body.id as string
}
