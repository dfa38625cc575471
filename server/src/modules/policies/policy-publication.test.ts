import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cityDate, cityYear } from '../../../test/city-clock'
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
import { DELIVER_QUEUE } from '../../kernel/notify/notifier'
import { validUntil } from './holder-exclusion'
import { MATCH_ITEMS_QUEUE } from '../matching/matching.jobs'

/**
 * Publishing as a decision with its consequences shown (issue 9, items 7 and 8), through HTTP: the
 * preview per item by district and size class with its cost against the cap and whom it would tell;
 * a money item without a cap needs a reason; a push above the threshold is confirmed twice; numbers
 * that moved since the preview are asked again; the run that follows finds what the preview said;
 * an enterprise that already holds what an item grants is not offered it, and is told why.
 */
let t: TestApp
let writer: TestClient
let head: TestClient
let admin: TestClient
let taxId: string
const lastYear = String(cityYear() - 1)
type Firm = { id: string; client: TestClient }
const firms: Record<string, Firm> = {}
/** Recognised 400 days ago: within the three years. Four years ago: lapsed. */
const RECENT = cityDate(-400)
const LAPSED = cityDate(-4 * 366)

async function firm(
  name: string,
  overrides: Record<string, unknown>,
  facts: { key: string; period?: string; value: unknown }[],
) {
  const e = await buildEnterprise(t, overrides)
  const client = await signInEnterprise(t, (await buildEnterpriseUser(t, { enterpriseIds: [e.id] })).phone)
  if (facts.length) {
    const res = await client.post(`/api/v1/enterprises/${e.id}/facts`, { facts })
    if (res.status !== 200) throw new Error(JSON.stringify(res.body))
  }
  firms[name] = { id: e.id, client }
}

const income = (value: number) => ({ key: 'taxableIncome', period: lastYear, value })

const CULTIVATION = {
  code: '第一条',
  title: '科技型企业培育奖励',
  benefitKind: 'amount',
  amount: 100_000,
  budgetCap: 250_000,
  mode: 'fast_application',
  topics: ['innovation'],
  conditions: [
    { id: 'staff', clause: '从业人数不超过300人', rule: '从业人数 <= 300' },
    { id: 'income', clause: '年度应纳税所得额不超过300万元', rule: '年度应纳税所得额 <= 300万' },
  ],
  exclusion: {
    clause: '第九条：高新技术企业资格自颁发证书之日起有效期为三年，有效期内不重复奖励',
    tag: 'high_tech',
    sinceFact: 'highTechRecognizedOn',
    validYears: 3,
  },
}
const RELIEF = {
  code: '第二条',
  title: '小微企业所得税减免',
  benefitKind: 'formula',
  amountFormula: '年度应纳税所得额 * 10%',
  mode: 'no_application',
  topics: ['tax_relief'],
  conditions: [{ id: 'staff', clause: '从业人数不超过100人', rule: '从业人数 <= 100' }],
}

let policyId: string
let items: Record<string, string> = {}
let reviewVersion: number

beforeAll(async () => {
  t = await createTestApp()
  const tax = await findDepartmentByCode(t, 'DL-TAX')
  taxId = tax.id
  writer = await signInStaff(t, await buildStaff(t, { roles: ['handler'], departmentId: tax.id }))
  head = await signInStaff(t, await buildStaff(t, { roles: ['department_head'], departmentId: tax.id }))
  admin = await signInAs(t, 'admin')
  await firm('zhongshan', { division_code: '210202', size_class: 'small', employees: 50 }, [
    income(1_000_000),
  ])
  await firm('xigang', { division_code: '210203', size_class: 'micro', employees: 10 }, [income(2_000_000)])
  await firm('shahekou', { division_code: '210204', size_class: 'medium', employees: 200 }, [])
  await firm('ganjingzi', { division_code: '210211', size_class: 'large', employees: 800 }, [
    income(90_000_000),
  ])
  await firm(
    'recognised',
    { division_code: '210202', size_class: 'small', employees: 60, tags: ['high_tech'] },
    [income(500_000), { key: 'highTechRecognizedOn', value: RECENT }],
  )
  await firm('lapsed', { division_code: '210202', size_class: 'small', employees: 30, tags: ['high_tech'] }, [
    income(800_000),
    { key: 'highTechRecognizedOn', value: LAPSED },
  ])
  await firm('optedOut', { division_code: '210203', size_class: 'small', employees: 40 }, [income(300_000)])
  await firm('financeOnly', { division_code: '210203', size_class: 'small', employees: 40 }, [
    income(300_000),
  ])
  await firm('noFacts', { division_code: '210211', size_class: 'micro', employees: 20 }, [])
  await firms.optedOut!.client.put(`/api/v1/enterprises/${firms.optedOut!.id}/policy-subscription`, {
    topics: [],
    isPushEnabled: false,
  })
  await firms.financeOnly!.client.put(`/api/v1/enterprises/${firms.financeOnly!.id}/policy-subscription`, {
    topics: ['finance'],
    isPushEnabled: true,
  })
  // Zhongshan was contacted three times this week: at the cap, its message will wait.
  for (let i = 0; i < 3; i++)
    await t.deps.db.transaction().execute((tx) =>
      t.deps.notifier.recordManualContact(tx, {
        enterpriseId: firms.zhongshan!.id,
        template: 'policies.push',
        timeZone: 'Asia/Shanghai',
      }),
    )

  const created = await writer.post('/api/v1/policies', {
    title: '大连市科技型中小企业培育办法',
    issuer: '大连市人民政府',
    documentNumber: '大政发〔2026〕9号',
    level: 'city',
    effectiveFrom: '2025-01-01',
    topics: ['innovation'],
    ownerDepartmentId: taxId,
  })
  policyId = created.body.id
  for (const item of [CULTIVATION, RELIEF]) {
    const res = await writer.post(`/api/v1/policies/${policyId}/items`, { ...item, departmentId: taxId })
    if (res.status !== 200) throw new Error(JSON.stringify(res.body))
    items = Object.fromEntries(res.body.items.map((i: { code: string; id: string }) => [i.code, i.id]))
  }
  const policy = await writer.get(`/api/v1/policies/${policyId}`)
  const submitted = await writer.post(`/api/v1/policies/${policyId}/submit`, { version: policy.body.version })
  reviewVersion = submitted.body.version
})
afterAll(() => t.close())

const previewNow = () => head.get(`/api/v1/policies/${policyId}/publication-preview`)

describe('the department head sees what publishing would do', () => {
  it('per item: eligible, could qualify and not, by district and size class', async () => {
    const res = await previewNow()
    expect(res.status).toBe(200)
    expect(res.body.enterprises).toBe(9)
    const [cultivation, relief] = res.body.items
    // eligible: zhongshan, xigang, lapsed, optedOut, financeOnly; could qualify: shahekou, noFacts
    expect(cultivation).toMatchObject({
      itemId: items['第一条'],
      isInEffect: true,
      counts: { eligible: 5, undetermined: 2, ineligible: 2 },
      heldAlready: 1,
      newlyEligible: 5,
    })
    expect(cultivation.byDistrict).toEqual([
      { code: '210202', name: '中山区', eligible: 2, undetermined: 0, ineligible: 1 },
      { code: '210203', name: '西岗区', eligible: 3, undetermined: 0, ineligible: 0 },
      { code: '210204', name: '沙河口区', eligible: 0, undetermined: 1, ineligible: 0 },
      { code: '210211', name: '甘井子区', eligible: 0, undetermined: 1, ineligible: 1 },
    ])
    expect(cultivation.bySize).toEqual([
      { code: 'large', name: '大型', eligible: 0, undetermined: 0, ineligible: 1 },
      { code: 'medium', name: '中型', eligible: 0, undetermined: 1, ineligible: 0 },
      { code: 'small', name: '小型', eligible: 4, undetermined: 0, ineligible: 1 },
      { code: 'micro', name: '微型', eligible: 1, undetermined: 1, ineligible: 0 },
    ])
    expect(relief.counts).toEqual({ eligible: 7, undetermined: 0, ineligible: 2 })
  })

  it('the cost against the budget cap: fixed amounts × the eligible, formulas per enterprise', async () => {
    const [cultivation, relief] = (await previewNow()).body.items
    expect(cultivation.cost).toEqual({
      perEnterprise: 100_000,
      eligible: 500_000,
      eligibleUnestimated: 0,
      undetermined: 200_000,
      undeterminedUnestimated: 0,
    })
    expect(cultivation.budget).toEqual({
      cap: 250_000,
      paid: 0,
      noCapReason: null,
      share: 2,
      isOver: true,
      isReasonNeeded: false,
    })
    // 10 % of 1,000,000 + 2,000,000 + 500,000 + 800,000 + 300,000 + 300,000; noFacts cannot be estimated
    expect(relief.cost).toMatchObject({ perEnterprise: null, eligible: 490_000, eligibleUnestimated: 1 })
    expect(relief.budget).toMatchObject({ cap: null, isReasonNeeded: true })
  })

  it('whom it would tell: once per enterprise, not those who opted out or chose other topics, the capped later', async () => {
    const res = await previewNow()
    expect(res.body.pushes).toEqual({
      newlyEligible: 12,
      // zhongshan, xigang, lapsed, recognised (relief only), noFacts (relief only)
      told: 5,
      deferredByCap: 1,
      notSubscribed: 1,
      optedOut: 1,
      later: 0,
    })
    expect(res.body).toMatchObject({ threshold: 500, needsConfirmation: false })
    expect(res.body.digest).toMatch(/^[0-9a-f]{64}$/)
    // the same numbers, the same digest; writing nothing
    expect((await previewNow()).body.digest).toBe(res.body.digest)
    expect(await t.deps.db.selectFrom('policy_match_runs').selectAll().execute()).toEqual([])
  })

  it('in English, names too', async () => {
    head.locale = 'en'
    const res = await previewNow()
    head.locale = 'zh-CN'
    expect(res.body.items[0].bySize[0]).toMatchObject({ code: 'large', name: 'large' })
  })

  it('is for the owning department and the bureau: another department is told "not found"', async () => {
    const market = await findDepartmentByCode(t, 'DL-SCJGJ')
    const other = await signInStaff(
      t,
      await buildStaff(t, { roles: ['department_head'], departmentId: market.id }),
    )
    expect((await other.get(`/api/v1/policies/${policyId}/publication-preview`)).status).toBe(404)
    const leader = await signInAs(t, 'bureau_leader')
    expect((await leader.get(`/api/v1/policies/${policyId}/publication-preview`)).status).toBe(200)
  })
})

describe('the editor previews one item as it is typed', () => {
  const body = (overrides: Record<string, unknown> = {}) => ({
    code: '第三条',
    title: '试算',
    benefitKind: 'amount',
    amount: 10_000,
    mode: 'fast_application',
    conditions: [{ clause: '从业人数不超过100人', rule: '从业人数 <= 100' }],
    ...overrides,
  })

  it('counts it over the current enterprises', async () => {
    const res = await writer.post(`/api/v1/policies/${policyId}/item-preview`, body())
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      enterprises: 9,
      item: { itemId: null, counts: { eligible: 7, undetermined: 0, ineligible: 2 }, newlyEligible: 7 },
    })
    expect(res.body.item.cost.eligible).toBe(70_000)
  })

  it('refuses a broken rule with the one error shape, every problem at its field', async () => {
    const res = await writer.post(
      `/api/v1/policies/${policyId}/item-preview`,
      body({
        benefitKind: 'formula',
        amount: null,
        amountFormula: '应纳税额 * 10%',
        conditions: [
          { clause: '从业人数不超过100人', rule: '从业人数 <= 100' },
          { clause: '营业收入', rule: '营收 >= 1' },
        ],
        exclusion: { clause: '有效期内不重复', tag: 'no_such_tag', sinceFact: 'employees', validYears: 3 },
      }),
    )
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
    expect(Object.keys(res.body.error.fields).sort()).toEqual([
      'amountFormula',
      'conditions.1.rule',
      'exclusion.sinceFact',
      'exclusion.tag',
    ])
    expect(res.body.error.fields['conditions.1.rule']).toContain('营收')
    const empty = await writer.post(`/api/v1/policies/${policyId}/item-preview`, body({ conditions: [{}] }))
    expect(Object.keys(empty.body.error.fields).sort()).toEqual(['conditions.0.clause', 'conditions.0.rule'])
  })
})

describe('publishing is a decision on the numbers shown', () => {
  it('a money item without a cap needs a reason; a reason where none is needed is refused too', async () => {
    const preview = await previewNow()
    const bare = await head.post(`/api/v1/policies/${policyId}/publish`, {
      version: reviewVersion,
      previewDigest: preview.body.digest,
    })
    expect(bare.status).toBe(400)
    expect(bare.body.error.fields).toEqual({
      'items.第二条.noCapReason': expect.stringContaining('预算上限'),
    })
    const wrong = await head.post(`/api/v1/policies/${policyId}/publish`, {
      version: reviewVersion,
      previewDigest: preview.body.digest,
      noCapReasons: { [items['第一条']!]: '不需要' },
    })
    expect(wrong.body.error.fields).toHaveProperty(['items.第一条.noCapReason'])
    // nothing was kept of a refused publication
    const item = await t.deps.db
      .selectFrom('benefit_items')
      .select('no_cap_reason')
      .where('id', '=', items['第二条']!)
      .executeTakeFirstOrThrow()
    expect(item.no_cap_reason).toBeNull()
  })

  it('above the threshold it asks for the number told, confirmed', async () => {
    const settings = await admin.get('/api/v1/policies/publication-settings')
    expect(settings.body).toEqual({ settings: { pushConfirmationThreshold: 500 }, version: 0 })
    const changed = await admin.put('/api/v1/policies/publication-settings', {
      version: 0,
      settings: { pushConfirmationThreshold: 3 },
    })
    expect(changed.body, JSON.stringify(changed.body)).toMatchObject({ version: 1 })
    expect((await head.put('/api/v1/policies/publication-settings', changed.body)).status).toBe(403)
    const preview = await previewNow()
    expect(preview.body).toMatchObject({ threshold: 3, needsConfirmation: true })
    const publish = (extra: Record<string, unknown>) =>
      head.post(`/api/v1/policies/${policyId}/publish`, {
        version: reviewVersion,
        previewDigest: preview.body.digest,
        noCapReasons: { [items['第二条']!]: '依法减免的税费，不设预算上限' },
        ...extra,
      })
    const unconfirmed = await publish({})
    expect(unconfirmed.status).toBe(409)
    expect(unconfirmed.body.error).toMatchObject({
      code: 'POLICY_PUSH_CONFIRMATION_REQUIRED',
      message: expect.stringContaining('5 家企业'),
      fields: { confirmedPushes: expect.any(String) },
    })
    expect((await publish({ confirmedPushes: 4 })).body.error.code).toBe('POLICY_PUSH_CONFIRMATION_REQUIRED')
  })

  it('numbers that moved since the preview are asked again', async () => {
    const before = await previewNow()
    // Shahekou's income arrives: it now qualifies for the cultivation reward
    await firms.shahekou!.client.post(`/api/v1/enterprises/${firms.shahekou!.id}/facts`, {
      facts: [income(1_500_000)],
    })
    const stale = await head.post(`/api/v1/policies/${policyId}/publish`, {
      version: reviewVersion,
      previewDigest: before.body.digest,
      confirmedPushes: 5,
      noCapReasons: { [items['第二条']!]: '依法减免的税费，不设预算上限' },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error).toMatchObject({
      code: 'POLICY_PREVIEW_STALE',
      fields: { previewDigest: expect.any(String) },
    })
    const after = await previewNow()
    expect(after.body.digest).not.toBe(before.body.digest)
    expect(after.body.items[0].counts).toEqual({ eligible: 6, undetermined: 1, ineligible: 2 })
    expect(after.body.pushes.told).toBe(6)
  })

  it('preview and publication agree: the run finds the counts, the newly eligible and the pushes it said', async () => {
    const preview = await previewNow()
    expect(preview.body.threshold).toBe(3)
    const published = await head.post(`/api/v1/policies/${policyId}/publish`, {
      version: reviewVersion,
      previewDigest: preview.body.digest,
      confirmedPushes: preview.body.pushes.told,
      noCapReasons: { [items['第二条']!]: '依法减免的税费，不设预算上限' },
      note: '按预览发布',
    })
    expect(published.status).toBe(200)
    expect(published.body.status).toBe('published')
    expect(published.body.items[1].noCapReason).toBe('依法减免的税费，不设预算上限')

    expect(await t.deps.jobs.runQueued(MATCH_ITEMS_QUEUE)).toBe(1)
    const run = await t.deps.db
      .selectFrom('policy_match_runs')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(run).toMatchObject({
      kind: 'items',
      newly_eligible: preview.body.pushes.newlyEligible,
      pushes: preview.body.pushes.told,
    })
    for (const item of preview.body.items) {
      const counts = await t.deps.db
        .selectFrom('policy_match_counts')
        .select(['eligible', 'undetermined', 'ineligible'])
        .where('item_id', '=', item.itemId)
        .executeTakeFirstOrThrow()
      expect(counts).toEqual(item.counts)
    }
    const pushes = await t.deps.db.selectFrom('policy_pushes').selectAll().execute()
    const enterprisesWith = (status: string) =>
      new Set(pushes.filter((p) => p.status === status).map((p) => p.enterprise_id)).size
    expect(enterprisesWith('notified')).toBe(preview.body.pushes.told)
    expect(enterprisesWith('opted_out')).toBe(preview.body.pushes.optedOut)
    expect(enterprisesWith('not_subscribed')).toBe(preview.body.pushes.notSubscribed)
    // the one at its contact cap waits
    await t.deps.jobs.runQueued(DELIVER_QUEUE)
    const deferred = await t.deps.db
      .selectFrom('notifications')
      .select('recipient_enterprise_id')
      .where('template', '=', 'policies.push')
      .where('status', '=', 'deferred')
      .execute()
    expect(deferred.map((d) => d.recipient_enterprise_id)).toEqual([firms.zhongshan!.id])
    expect(deferred).toHaveLength(preview.body.pushes.deferredByCap)
  })

  it('the version and the audit trail keep the preview it was decided on', async () => {
    const version = await t.deps.db
      .selectFrom('policy_versions')
      .select('preview')
      .where('policy_id', '=', policyId)
      .executeTakeFirstOrThrow()
    expect(version.preview).toMatchObject({
      threshold: 3,
      confirmedPushes: 6,
      pushes: { told: 6 },
      items: [{ code: '第一条', counts: { eligible: 6 }, cost: { eligible: 600_000 } }, { code: '第二条' }],
    })
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'policy.publish')
      .where('entity_id', '=', policyId)
      .executeTakeFirstOrThrow()
    expect(audit.after).toMatchObject({
      noCapReasons: { [items['第二条']!]: '依法减免的税费，不设预算上限' },
      preview: { digest: (version.preview as { digest: string }).digest },
    })
    const versions = await head.get(`/api/v1/policies/${policyId}/versions`)
    expect(versions.body.items[0].decision).toEqual({
      enterprises: 9,
      eligible: 13,
      newlyEligible: 13,
      told: 6,
      cost: 600_000 + 490_000,
    })
  })

  it('a revision is previewed against the version in force: nobody is newly eligible for unchanged rules', async () => {
    const { topics: _topics, ...rules } = CULTIVATION
    const res = await writer.post(`/api/v1/policies/${policyId}/item-preview`, {
      ...rules,
      itemId: items['第一条'],
    })
    expect(res.body.item).toMatchObject({ counts: { eligible: 6 }, newlyEligible: 0 })
  })
})

describe('an item that starts later', () => {
  it('is counted now and told on its first day, not by the run that follows publication', async () => {
    const created = await writer.post('/api/v1/policies', {
      title: '大连市科技企业春季专项',
      issuer: '大连市人民政府',
      level: 'city',
      effectiveFrom: cityDate(30),
      topics: ['innovation'],
      ownerDepartmentId: taxId,
    })
    const id = created.body.id
    await writer.post(`/api/v1/policies/${id}/items`, {
      code: '一',
      title: '科技企业服务包',
      benefitKind: 'service',
      mode: 'fast_application',
      departmentId: taxId,
      conditions: [{ clause: '从业人数不超过100人', rule: '从业人数 <= 100' }],
    })
    const draft = await writer.get(`/api/v1/policies/${id}`)
    const submitted = await writer.post(`/api/v1/policies/${id}/submit`, { version: draft.body.version })
    const preview = await head.get(`/api/v1/policies/${id}/publication-preview`)
    expect(preview.body.items[0]).toMatchObject({
      isInEffect: false,
      effectiveFrom: cityDate(30),
      counts: { eligible: 7 },
      cost: null,
    })
    // not the one who opted out, nor the one that subscribed to finance only
    expect(preview.body.pushes).toMatchObject({ newlyEligible: 0, told: 0, later: 5 })
    expect(preview.body.needsConfirmation).toBe(true)
    const published = await head.post(`/api/v1/policies/${id}/publish`, {
      version: submitted.body.version,
      previewDigest: preview.body.digest,
      confirmedPushes: 5,
    })
    expect(published.body.status).toBe('published')
    await t.deps.jobs.runQueued(MATCH_ITEMS_QUEUE)
    const run = await t.deps.db
      .selectFrom('policy_match_runs')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(run).toMatchObject({ items: 0, newly_eligible: 0, pushes: 0 })
  })
})

describe('the right thing offered: holders are not offered what they hold', () => {
  const explanationOf = async (name: string) => {
    const f = firms[name]!
    const res = await f.client.get(`/api/v1/enterprises/${f.id}/policy-matches/${items['第一条']}`)
    return res.body.explanation as {
      outcome: string
      conditions: { id: string; isExclusion: boolean; result: string; text: string }[]
    }
  }

  it('recognised within the validity: not offered, and told until when', async () => {
    const explanation = await explanationOf('recognised')
    expect(explanation.outcome).toBe('ineligible')
    const holders = explanation.conditions.find((c) => c.isExclusion)!
    expect(holders).toMatchObject({ id: 'holders', result: 'fail' })
    const until = validUntil(RECENT, 3)
    const zhDate = (d: string) =>
      `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`
    expect(holders.text).toBe(
      `已于${zhDate(RECENT)}认定为“高新技术企业”，有效期至${zhDate(until)}，有效期内不再重复认定`,
    )
    const f = firms.recognised!
    f.client.locale = 'en'
    const en = await f.client.get(`/api/v1/enterprises/${f.id}/policy-matches/${items['第一条']}`)
    f.client.locale = 'zh-CN'
    expect(en.body.explanation.conditions.find((c: { isExclusion: boolean }) => c.isExclusion).text).toBe(
      `Already recognised as "High-tech enterprise" on ${RECENT}, valid until ${until}: not offered again while it is valid`,
    )
  })

  it('a recognition that lapsed: offered again', async () => {
    const explanation = await explanationOf('lapsed')
    expect(explanation.outcome).toBe('eligible')
    expect(explanation.conditions.find((c) => c.isExclusion)).toMatchObject({ result: 'pass' })
  })

  it('the editor and the public library read the exclusion back as a sentence', async () => {
    const sentence = '不向已是“高新技术企业”且高新技术企业认定日期在 3 年内的企业提供（有效期内不重复给予）'
    const policy = await writer.get(`/api/v1/policies/${policyId}`)
    expect(policy.body.items[0].exclusion).toMatchObject({ tag: 'high_tech', validYears: 3, text: sentence })
    const library = await t.anonymous().get(`/api/v1/public/policies/${policyId}`)
    expect(library.body.items[0].conditions.at(-1)).toMatchObject({
      id: 'holders',
      clause: CULTIVATION.exclusion.clause,
      text: sentence,
    })
  })
})
