import { cityYear } from '../../../test/city-clock'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELIVER_QUEUE } from '../../kernel/notify/notifier'
import {
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  findDepartmentByCode,
  signInAs,
  signInEnterprise,
  signInStaff,
} from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import { MATCH_ITEMS_QUEUE } from '../matching/matching.jobs'
import { runMatching } from '../matching/matching-runs.service'
import { syncChangedEnterprises } from '../matching/rematch.service'
import { publishAfterPreview } from './policies.factories'

let t: TestApp
let writer: TestClient
let head: TestClient
let taxId: string
const thisYear = cityYear()
const lastYear = String(thisYear - 1)
type Firm = { id: string; client: TestClient }
let small: Firm
let large: Firm
let unknown: Firm
let quiet: Firm

async function firm(
  overrides: Record<string, unknown>,
  facts: { key: string; period?: string; value: unknown }[],
): Promise<Firm> {
  const e = await buildEnterprise(t, overrides)
  const client = await signInEnterprise(t, (await buildEnterpriseUser(t, { enterpriseIds: [e.id] })).phone)
  if (facts.length) {
    const res = await client.post(`/api/v1/enterprises/${e.id}/facts`, { facts })
    if (res.status !== 200) throw new Error(JSON.stringify(res.body))
  }
  return { id: e.id, client }
}

const SMALL_LOW_PROFIT = [
  { clause: '第五条：年度应纳税所得额不超过300万元', rule: '年度应纳税所得额不超过300万元' },
  { clause: '第五条：从业人数不超过300人', rule: '从业人数不超过300人' },
  { clause: '第五条：资产总额不超过5000万元', rule: '资产总额不超过5000万元' },
]

beforeAll(async () => {
  t = await createTestApp()
  const tax = await findDepartmentByCode(t, 'DL-TAX')
  taxId = tax.id
  writer = await signInStaff(t, await buildStaff(t, { roles: ['handler'], departmentId: tax.id }))
  head = await signInStaff(t, await buildStaff(t, { roles: ['department_head'], departmentId: tax.id }))
  small = await firm({ employees: 50 }, [
    { key: 'taxableIncome', period: lastYear, value: 2_000_000 },
    { key: 'totalAssets', period: lastYear, value: 10_000_000 },
  ])
  large = await firm({ employees: 800, size_class: 'large' }, [
    { key: 'taxableIncome', period: lastYear, value: 90_000_000 },
    { key: 'totalAssets', period: lastYear, value: 900_000_000 },
  ])
  unknown = await firm({ employees: 20 }, [{ key: 'taxableIncome', period: lastYear, value: 500_000 }])
  quiet = await firm({ employees: 30 }, [{ key: 'taxableIncome', period: lastYear, value: 800_000 }])
})
afterAll(() => t.close())

let policyId: string
let itemId: string
let version: number

async function inboxOf(client: TestClient) {
  await t.deps.jobs.runQueued(DELIVER_QUEUE)
  return (await client.get('/api/v1/inbox')).body.items as { title: string; body: string }[]
}

async function matchOf(f: Firm) {
  const res = await f.client.get(`/api/v1/enterprises/${f.id}/policy-matches`)
  return res.body.items.find((m: { item: { id: string } }) => m.item.id === itemId)
}

describe('an officer encodes a policy', () => {
  it('drafts it; a rule that does not make sense is refused at its condition, with the words', async () => {
    const created = await writer.post('/api/v1/policies', {
      title: '关于进一步支持小微企业和个体工商户发展有关税费政策的公告',
      issuer: '财政部 税务总局',
      documentNumber: '财政部 税务总局公告2023年第12号',
      level: 'national',
      issuedOn: '2023-08-02',
      effectiveFrom: '2023-01-01',
      effectiveTo: '2027-12-31',
      topics: ['tax_relief', 'smes'],
      ownerDepartmentId: taxId,
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      status: 'draft',
      allowedActions: expect.arrayContaining(['edit', 'submit']),
    })
    policyId = created.body.id
    const bad = await writer.post(`/api/v1/policies/${policyId}/items`, {
      code: '第三条',
      title: '小型微利企业所得税减免',
      benefitKind: 'formula',
      amountFormula: '应纳税额 * 20%',
      mode: 'no_application',
      departmentId: taxId,
      conditions: [
        { clause: '第五条', rule: '年度应纳税所得额不超过300万元' },
        { clause: '第五条', rule: '成立日期 >= 300' },
      ],
    })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['amountFormula', 'conditions.1.rule'])
    expect(bad.body.error.fields['conditions.1.rule']).toContain('成立日期')
    expect(bad.body.error.fields.amountFormula).toContain('应纳税额')
  })

  it('checks a rule while it is typed, with a preview against an enterprise', async () => {
    const wrong = await writer.post('/api/v1/policies/rules/check', { rule: '从业人数 <= 300 且 营收 >= 1' })
    expect(wrong.body).toMatchObject({ ok: false, problems: [{ start: 14, end: 16 }] })
    const right = await writer.post('/api/v1/policies/rules/check', {
      rule: SMALL_LOW_PROFIT.map((c) => c.rule).join(' 且 '),
      enterpriseId: unknown.id,
    })
    expect(right.body.textZh).toBe(
      '年度应纳税所得额不超过300万元，且从业人数不超过300人，且资产总额不超过5000万元',
    )
    expect(right.body.preview.result).toBe('missing')
    expect(right.body.preview.facts.find((f: { key: string }) => f.key === 'totalAssets')).toMatchObject({
      isMissing: true,
    })
  })

  it('adds the item; submits; the submitter cannot publish; the department head publishes', async () => {
    const added = await writer.post(`/api/v1/policies/${policyId}/items`, {
      code: '第三条',
      title: '小型微利企业所得税减免',
      summary: '减按25%计入应纳税所得额，按20%的税率缴纳企业所得税',
      benefitKind: 'formula',
      amountFormula: '年度应纳税所得额 * 20%',
      mode: 'no_application',
      departmentId: taxId,
      topics: ['tax_relief'],
      conditions: SMALL_LOW_PROFIT,
    })
    expect(added.status).toBe(200)
    itemId = added.body.items[0].id
    expect(added.body.items[0].conditions[0].text).toBe('年度应纳税所得额不超过300万元')
    const submitted = await writer.post(`/api/v1/policies/${policyId}/submit`, {
      version: added.body.version,
    })
    expect(submitted.body.status).toBe('review')
    expect((await publishAfterPreview(writer, policyId, { version: submitted.body.version })).status).toBe(
      403,
    )
    // in review, the working copy is frozen
    expect(
      (
        await writer.post(`/api/v1/policies/${policyId}/items`, {
          code: '第四条',
          title: '另一事项',
          benefitKind: 'service',
          mode: 'fast_application',
          departmentId: taxId,
        })
      ).body.error.code,
    ).toBe('POLICY_NOT_EDITABLE')
    const published = await publishAfterPreview(head, policyId, {
      version: submitted.body.version,
      noCapReasons: { [itemId]: '依法减免的税费，不设预算上限' },
    })
    expect(published.body).toMatchObject({ status: 'published', publishedVersion: 1 })
    expect(published.body.items[0].ruleVersion).toBe(1)
    version = published.body.version
  })
})

describe('the engine matches it against every enterprise', () => {
  it('the publication’s job matches its items: eligible, ineligible, undetermined; the eligible are told', async () => {
    expect(await t.deps.jobs.runQueued(MATCH_ITEMS_QUEUE)).toBe(1)
    expect((await matchOf(small)).explanation).toMatchObject({ outcome: 'eligible', amount: 400_000 })
    expect((await matchOf(large)).explanation.outcome).toBe('ineligible')
    const u = (await matchOf(unknown)).explanation
    expect(u.outcome).toBe('undetermined')
    expect(u.missingFacts).toEqual([{ key: 'totalAssets', label: '资产总额', isPeriodic: true }])
    const messages = await inboxOf(small.client)
    expect(messages.map((m) => m.body)).toContainEqual(expect.stringContaining('小型微利企业所得税减免'))
    // the message opens the item it is about
    expect(messages.map((m) => (m as { subject?: unknown }).subject)).toContainEqual({
      kind: 'policy_item',
      itemId,
      enterpriseId: small.id,
    })
    expect(await inboxOf(large.client)).toEqual([])
  })

  it('explains each condition with the fact, its value, source and period, and the clause it comes from', async () => {
    const res = await large.client.get(`/api/v1/enterprises/${large.id}/policy-matches/${itemId}`)
    expect(res.status).toBe(200)
    const [income, employees] = res.body.explanation.conditions
    expect(income).toMatchObject({
      clause: '第五条：年度应纳税所得额不超过300万元',
      result: 'fail',
      facts: [
        { key: 'taxableIncome', display: '9000万元', source: 'declared', period: lastYear, isMissing: false },
      ],
    })
    expect(employees).toMatchObject({
      result: 'fail',
      facts: [{ key: 'employees', source: 'profile', display: '800人' }],
    })
  })

  it('an enterprise that completes its facts is matched again and told; opening the item marks the push viewed', async () => {
    await unknown.client.post(`/api/v1/enterprises/${unknown.id}/facts`, {
      facts: [{ key: 'totalAssets', period: lastYear, value: 3_000_000 }],
    })
    expect(await syncChangedEnterprises(t.deps)).toMatchObject({ mode: 'enterprises' })
    expect((await matchOf(unknown)).explanation.outcome).toBe('eligible')
    const pushes = await t.deps.db
      .selectFrom('policy_pushes')
      .selectAll()
      .where('enterprise_id', '=', unknown.id)
      .execute()
    expect(pushes).toMatchObject([{ item_id: itemId, status: 'notified', viewed_at: null }])
    await unknown.client.get(`/api/v1/enterprises/${unknown.id}/policy-matches/${itemId}`)
    const viewed = await t.deps.db
      .selectFrom('policy_pushes')
      .select('viewed_at')
      .where('enterprise_id', '=', unknown.id)
      .executeTakeFirstOrThrow()
    expect(viewed.viewed_at).not.toBeNull()
    // counts moved with it
    const counts = await t.deps.db
      .selectFrom('policy_match_counts')
      .selectAll()
      .where('item_id', '=', itemId)
      .executeTakeFirstOrThrow()
    expect(counts).toMatchObject({ eligible: 2, undetermined: 1 }) // the one left undetermined: quiet, below
  })

  it('an enterprise that opted out is recorded but not told', async () => {
    await quiet.client.put(`/api/v1/enterprises/${quiet.id}/policy-subscription`, {
      topics: [],
      isPushEnabled: false,
    })
    await quiet.client.post(`/api/v1/enterprises/${quiet.id}/facts`, {
      facts: [{ key: 'totalAssets', period: lastYear, value: 1_000_000 }],
    })
    await syncChangedEnterprises(t.deps)
    expect((await matchOf(quiet)).explanation.outcome).toBe('eligible')
    const push = await t.deps.db
      .selectFrom('policy_pushes')
      .selectAll()
      .where('enterprise_id', '=', quiet.id)
      .executeTakeFirstOrThrow()
    expect(push).toMatchObject({ status: 'opted_out', notification_id: null })
    expect(await inboxOf(quiet.client)).toEqual([])
  })

  it('a full run over the same facts changes nothing and tells nobody again', async () => {
    const run = await runMatching(t.deps, { kind: 'full' }, { rebuild: true })
    expect(run).toMatchObject({ newlyEligible: 0, pushes: 0 })
    const counts = await t.deps.db
      .selectFrom('policy_match_counts')
      .selectAll()
      .where('item_id', '=', itemId)
      .executeTakeFirstOrThrow()
    expect(counts).toMatchObject({ eligible: 3, ineligible: expect.any(Number) })
  })
})

describe('the public reads it', () => {
  it('in the library, each condition as a sentence and how many enterprises it fits', async () => {
    const list = await t.anonymous().get('/api/v1/public/policies')
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(policyId)
    const detail = await t.anonymous().get(`/api/v1/public/policies/${policyId}`)
    expect(detail.body.items[0]).toMatchObject({
      eligibleCount: 3,
      amountText: '年度应纳税所得额 × 20%',
      conditions: [
        { text: '年度应纳税所得额不超过300万元' },
        { text: '从业人数不超过300人' },
        { text: '资产总额不超过5000万元' },
      ],
    })
  })

  it('in the calculator, with facts typed in (bad ones refused, all at once)', async () => {
    const calc = await t.anonymous().post('/api/v1/public/policy-calculator', {
      facts: { employees: 10, taxableIncome: 1_000_000 },
    })
    const mine = calc.body.items.find((m: { item: { id: string } }) => m.item.id === itemId)
    expect(mine.explanation).toMatchObject({
      outcome: 'undetermined',
      missingFacts: [{ key: 'totalAssets' }],
    })
    const bad = await t
      .anonymous()
      .post('/api/v1/public/policy-calculator', { facts: { employees: -1, bogus: 1 } })
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['facts.bogus', 'facts.employees'])
  })
})

describe('a revision', () => {
  it('is prepared while the published version stays in force; publishing it makes a new rule version', async () => {
    const revising = await head.post(`/api/v1/policies/${policyId}/revise`, { version })
    expect(revising.body).toMatchObject({ status: 'published', revisionStatus: 'draft' })
    const edited = await writer.patch(`/api/v1/policies/${policyId}/items/${itemId}`, {
      version: revising.body.items[0].version,
      conditions: [
        ...SMALL_LOW_PROFIT.slice(0, 2),
        { clause: '第五条（修订）', rule: '资产总额不超过500万元' },
      ],
    })
    expect(edited.status).toBe(200)
    // still in force as published: the public sees version 1's 5000万
    const publicNow = await t.anonymous().get(`/api/v1/public/policies/${policyId}`)
    expect(publicNow.body.items[0].conditions[2].text).toBe('资产总额不超过5000万元')
    const submitted = await writer.post(`/api/v1/policies/${policyId}/submit`, {
      version: edited.body.version,
    })
    const published = await publishAfterPreview(head, policyId, {
      version: submitted.body.version,
      note: '资产门槛调整',
    })
    expect(published.body).toMatchObject({ status: 'amended', publishedVersion: 2 })
    expect(published.body.items[0].ruleVersion).toBe(2)
    await t.deps.jobs.runQueued(MATCH_ITEMS_QUEUE)
    expect((await t.anonymous().get(`/api/v1/public/policies/${policyId}`)).body.items[0].eligibleCount).toBe(
      2,
    )
    const versions = await t.deps.db
      .selectFrom('benefit_rule_versions')
      .selectAll()
      .where('item_id', '=', itemId)
      .orderBy('rule_version')
      .execute()
    expect(versions.map((v) => v.rule_version)).toEqual([1, 2])
    expect(versions[0]!.effective_to).not.toBeNull()
    version = published.body.version
  })

  it('a repealed policy leaves the library and the matches', async () => {
    expect(
      (await head.post(`/api/v1/policies/${policyId}/repeal`, { version })).body.error.fields,
    ).toHaveProperty('note')
    const repealed = await head.post(`/api/v1/policies/${policyId}/repeal`, { version, note: '被新政策替代' })
    expect(repealed.body.status).toBe('repealed')
    await t.deps.jobs.runQueued(MATCH_ITEMS_QUEUE)
    expect((await t.anonymous().get(`/api/v1/public/policies/${policyId}`)).status).toBe(404)
    expect(await matchOf(small)).toBeUndefined()
    const chunks = await t.deps.db
      .selectFrom('policy_match_chunks')
      .selectAll()
      .where('item_id', '=', itemId)
      .execute()
    expect(chunks).toEqual([])
  })
})

describe('企业点菜', () => {
  it('an enterprise states a need; the bureau sees demand by topic and district and answers', async () => {
    const stated = await small.client.post(`/api/v1/enterprises/${small.id}/needs`, {
      topic: 'finance',
      text: '希望获得贷款贴息支持',
    })
    expect(stated.status).toBe(201)
    const leader = await signInAs(t, 'bureau_leader')
    const summary = await leader.get('/api/v1/policies/needs/summary')
    expect(summary.body.byTopic).toContainEqual({ topic: 'finance', open: 1, total: 1 })
    expect(summary.body.byDivision[0]).toMatchObject({ divisionCode: '210204', divisionName: '沙河口区' })
    const answered = await leader.post(`/api/v1/policies/needs/${stated.body.id}/answer`, {
      answer: '已转市财政局，三日内联系您',
    })
    expect(answered.body.status).toBe('answered')
    expect((await inboxOf(small.client)).map((m) => m.body)).toContainEqual(
      expect.stringContaining('三日内联系您'),
    )
  })
})
