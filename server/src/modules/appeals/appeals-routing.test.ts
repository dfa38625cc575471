import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { appealBody, buildAppealWorld, type AppealWorld } from './appeals.factories'
import { findDepartmentByCode, signInAs } from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import { seedRoutingDataIfUnset } from '../../seed/seed'
import { trainRoutingModel } from './routing-model'
import { wordsOf } from './words'
import { saveRoutingModel } from './appeals-routing.queries'

/**
 * Cold-start routing against the seeded Dalian catalogue and departments: the forms people write
 * departments in, the category's department, the words of a function, the fallback owner; what an
 * administrator adds is recognised at once.
 */
let t: TestApp
let w: AppealWorld
let admin: TestClient
beforeAll(async () => {
  t = await createTestApp()
  w = await buildAppealWorld(t)
  admin = await signInAs(t, 'admin')
})
afterAll(() => t.close())
beforeEach(async () => {
  await t.deps.db.deleteFrom('appeal_routing_model').execute()
})

type Item = {
  departmentId: string
  departmentName: string
  confidence: number
  basis: string
  reason: string
}

async function suggestionsFor(overrides: Record<string, unknown>, client = w.dispatcher) {
  const filed = await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id, overrides))
  if (filed.status !== 201) throw new Error(`file failed: ${JSON.stringify(filed.body)}`)
  const res = await client.get(`/api/v1/appeals/${filed.body.id}/department-suggestions`)
  return res as { status: number; body: { source: string; items: Item[] } }
}

describe('departments named by their common forms', () => {
  it.each([
    ['发改部门说项目备案要等节能审查，两个月了没动静', '大连市发展和改革委员会'],
    ['门头招牌刚换好，城管来了说不合规要拆', '大连市城市管理局'],
    ['税务局说我们的发票额度只能这么多', '国家税务总局大连市税务局'],
    ['市监局让我们改了三次材料还是不给变更', '大连市市场监督管理局'],
    ['人社局的稳岗返还一直没有到账', '大连市人力资源和社会保障局'],
    ['住建部门说消防验收不归他们，让找别人', '大连市住房和城乡建设局'],
    ['交通局的道路运输证年审，网上一直提交失败', '大连市交通运输局'],
    ['商务局说的外贸补贴到底怎么申请', '大连市商务局'],
    ['环保局来检查说排污口有问题，但没给书面意见', '大连市生态环境局'],
    ['规划局那边说用地性质要调整，我们不知道找谁', '大连市自然资源局'],
    ['应急局通知停产整改，整改完了没人来验收', '大连市应急管理局'],
  ])('%s → %s', async (body, expected) => {
    // "other": nothing but the text to go on
    const res = await suggestionsFor({ categoryCode: 'other', title: '企业诉求', body })
    expect(res.status).toBe(200)
    expect(res.body.items[0]).toMatchObject({ departmentName: expected, basis: 'mentioned' })
    expect(res.body.source).toBe('mentioned')
  })

  it('a form inside a longer name of another department does not misfire', async () => {
    // w.departments.b is called 税务局xxxx: the text names it, not the city's tax bureau
    const res = await suggestionsFor({
      categoryCode: 'other',
      title: '企业诉求',
      body: `${w.departments.b.name}的窗口一直让我们等，说系统升级。`,
    })
    expect(res.body.items.filter((i) => i.basis === 'mentioned').map((i) => i.departmentId)).toEqual([
      w.departments.b.id,
    ])
  })
})

describe('three suggestions, each with its basis', () => {
  it('the category’s department, a department named, the words of a function — with reasons', async () => {
    const tax = await findDepartmentByCode(t, 'DL-TAX')
    const market = await findDepartmentByCode(t, 'DL-SCJGJ')
    const housing = await findDepartmentByCode(t, 'DL-ZJJ')
    const res = await suggestionsFor({
      categoryCode: 'tax',
      title: '变更登记和施工许可都卡住了',
      body: '我们去市监局办变更，说要先把施工许可办下来，可施工许可又要新执照，来回跑。',
    })
    expect(res.body.items.map((i) => [i.departmentId, i.basis])).toEqual([
      [market.id, 'mentioned'],
      [tax.id, 'category'],
      [housing.id, 'keyword'],
    ])
    const [first, second, third] = res.body.items
    expect(first!.confidence).toBeGreaterThan(second!.confidence)
    expect(second!.confidence).toBeGreaterThan(third!.confidence)
    expect(first!.reason).toContain('诉求中提到「市监局」')
    expect(second!.reason).toBe('所选类别「税费办理与退税」的默认部门')
    expect(third!.reason).toBe('诉求中有其职能用语：施工许可')
  })

  it('nothing but a vague text and "other": the fallback owner, with its reason in English too', async () => {
    const filed = await w.enterpriseUser.post(
      '/api/v1/appeals',
      appealBody(w.enterprise.id, {
        categoryCode: 'other',
        title: '问题一直没人管',
        body: '反映了很久，每个地方都说不归他们管，希望给个说法。',
      }),
    )
    w.dispatcher.locale = 'en'
    try {
      const res = await w.dispatcher.get(`/api/v1/appeals/${filed.body.id}/department-suggestions`)
      expect(res.body.source).toBe('fallback')
      expect(res.body.items).toEqual([
        expect.objectContaining({
          departmentName: '大连市营商环境建设局',
          basis: 'fallback',
          confidence: 1,
          reason: 'Fallback owner',
        }),
      ])
    } finally {
      w.dispatcher.locale = 'zh-CN'
    }
  })

  it('a learned model that knows fewer than three departments is filled up from the cold start', async () => {
    const examples = Array.from({ length: 30 }, (_, i) => ({
      words: wordsOf(`第${i}次施工许可证审批材料反复补正`),
      categoryCode: 'construction',
      departmentId: w.departments.a.id,
    }))
    await saveRoutingModel(t.deps.db, trainRoutingModel(examples), examples.length)
    const tax = await findDepartmentByCode(t, 'DL-TAX')
    const res = await suggestionsFor({
      categoryCode: 'tax',
      title: '留抵退税没到账',
      body: '施工许可办完了，留抵退税一直没到账。',
    })
    expect(res.body.source).toBe('model')
    expect(res.body.items.map((i) => [i.departmentId, i.basis])).toEqual([
      [w.departments.a.id, 'model'],
      [tax.id, 'category'],
      [(await findDepartmentByCode(t, 'DL-ZJJ')).id, 'keyword'],
    ])
    expect(res.body.items[0]!.reason).toBe('依据 30 件历史派单学习')
  })

  it('only the task force asks', async () => {
    const res = await suggestionsFor({ categoryCode: 'tax' }, w.handlerA)
    expect(res.status).toBe(403)
  })
})

describe('an administrator extends the recognised forms', () => {
  it('a form added to a department is recognised in the next suggestion, and the change is audited', async () => {
    const body = '去年找过“海发局”，说海参苗种补贴要等通知，到现在也没信儿。'
    const ocean = await findDepartmentByCode(t, 'DL-HYJ')
    const before = await suggestionsFor({ categoryCode: 'other', title: '补贴没信儿', body })
    expect(before.body.items.some((i) => i.departmentId === ocean.id && i.basis === 'mentioned')).toBe(false)

    const list = await admin.get('/api/v1/departments')
    const current = list.body.items.find((d: { id: string }) => d.id === ocean.id)
    expect(current.recognisedNames).toContain('海洋局')
    const saved = await admin.patch(`/api/v1/departments/${ocean.id}`, {
      version: current.version,
      recognisedNames: [...current.recognisedNames, '海发局'],
    })
    expect(saved.status).toBe(200)
    expect(saved.body.recognisedNames).toContain('海发局')

    const after = await suggestionsFor({ categoryCode: 'other', title: '补贴没信儿', body })
    expect(after.body.items[0]).toMatchObject({ departmentId: ocean.id, basis: 'mentioned' })
    expect(after.body.items[0]!.reason).toContain('诉求中提到「海发局」')

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_type', '=', 'department')
      .where('entity_id', '=', ocean.id)
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['department.update'])
    expect((audit[0]!.after as { recognised_names: string[] }).recognised_names).toContain('海发局')
    expect((audit[0]!.before as { recognised_names: string[] }).recognised_names).not.toContain('海发局')
  })

  it('refuses forms that are too short or long, repeated, without a letter or another department’s — every one listed, nothing saved', async () => {
    const gxj = await findDepartmentByCode(t, 'DL-GXJ')
    const shape = await admin.patch(`/api/v1/departments/${gxj.id}`, {
      version: gxj.version,
      recognisedNames: ['工', '工'.repeat(31), '工信'],
    })
    expect(shape.status).toBe(400)
    expect(shape.body.error.code).toBe('VALIDATION_FAILED')
    expect(Object.keys(shape.body.error.fields).sort()).toEqual(['recognisedNames.0', 'recognisedNames.1'])

    const meaning = await admin.patch(`/api/v1/departments/${gxj.id}`, {
      version: gxj.version,
      recognisedNames: ['工信局', '城管', '工信委', '工信委', '2024', '大连市税务局'],
    })
    expect(meaning.status).toBe(400)
    expect(meaning.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: {
        'recognisedNames.1': expect.stringContaining('大连市城市管理局'),
        'recognisedNames.3': expect.any(String),
        'recognisedNames.4': expect.any(String),
        'recognisedNames.5': expect.stringContaining('国家税务总局大连市税务局'),
      },
    })
    expect(Object.keys(meaning.body.error.fields)).toHaveLength(4)

    const notAList = await admin.patch(`/api/v1/departments/${gxj.id}`, {
      version: gxj.version,
      recognisedNames: '工信局',
    })
    expect(notAList.body.error.fields).toHaveProperty('recognisedNames')

    const unchanged = await findDepartmentByCode(t, 'DL-GXJ')
    expect(unchanged.version).toBe(gxj.version)
    expect(unchanged.recognised_names).toEqual(gxj.recognised_names)
  })

  it('only an administrator changes forms', async () => {
    const gxj = await findDepartmentByCode(t, 'DL-GXJ')
    const res = await w.dispatcher.patch(`/api/v1/departments/${gxj.id}`, {
      version: gxj.version,
      recognisedNames: ['工信'],
    })
    expect(res.status).toBe(403)
  })
})

describe('category keywords as data', () => {
  it('an administrator adds a keyword; appeals using it are routed to the category’s department', async () => {
    const categories = await admin.get('/api/v1/appeals/categories?all=true')
    const water = categories.body.items.find((c: { code: string }) => c.code === 'water')
    expect(water.keywords).toContain('取水许可')
    const body = '厂区旁边那条排洪沟清淤的事，问了好几个地方都没答复。'
    const before = await suggestionsFor({ categoryCode: 'other', title: '排洪沟清淤没人管', body })
    const waterDept = water.defaultDepartmentId as string
    expect(before.body.items.some((i) => i.departmentId === waterDept)).toBe(false)

    const saved = await admin.put('/api/v1/appeals/categories/water', {
      name: water.nameZh,
      nameEn: water.nameEn,
      defaultDepartmentId: waterDept,
      defaultTier: water.defaultTier,
      sortOrder: water.sortOrder,
      keywords: [...water.keywords, '排洪沟'],
    })
    expect(saved.status).toBe(200)
    expect(saved.body.keywords).toContain('排洪沟')
    const after = await suggestionsFor({ categoryCode: 'other', title: '排洪沟清淤没人管', body })
    expect(after.body.items[0]).toMatchObject({ departmentId: waterDept, basis: 'keyword' })

    // a save that leaves keywords out keeps them (the catalogue page's retire button does)
    const renamed = await admin.put('/api/v1/appeals/categories/water', {
      name: '水利、水资源与河道',
      nameEn: water.nameEn,
      defaultDepartmentId: waterDept,
      defaultTier: water.defaultTier,
      sortOrder: water.sortOrder,
    })
    expect(renamed.body.keywords).toContain('排洪沟')
  })

  it('refuses repeated keywords and keywords without a letter, each listed', async () => {
    const res = await admin.put('/api/v1/appeals/categories/water', {
      name: '水利与水资源',
      nameEn: 'Water resources and waterways',
      defaultDepartmentId: null,
      defaultTier: 'normal',
      keywords: ['河道', '河道', '%%', 'x'],
    })
    expect(res.status).toBe(400)
    // the shape first (x is too short), then the meaning: both would be listed in their turn
    expect(Object.keys(res.body.error.fields)).toEqual(['keywords.3'])
    const meaning = await admin.put('/api/v1/appeals/categories/water', {
      name: '水利与水资源',
      nameEn: 'Water resources and waterways',
      defaultDepartmentId: null,
      defaultTier: 'normal',
      keywords: ['河道', '河道', '%%'],
    })
    expect(meaning.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { 'keywords.1': '与前面的关键词重复', 'keywords.2': '关键词应含有文字' },
    })
  })
})

describe('a database made before routing data', () => {
  it('gets the city’s forms, keywords and missing categories once; what an administrator saved stays', async () => {
    const fgw = await findDepartmentByCode(t, 'DL-FGW')
    const cgj = await findDepartmentByCode(t, 'DL-CGJ')
    await t.deps.db
      .updateTable('departments')
      .set({ recognised_names: null })
      .where('id', '=', fgw.id)
      .execute()
    await t.deps.db
      .updateTable('departments')
      .set({ recognised_names: [] })
      .where('id', '=', cgj.id)
      .execute()
    await t.deps.db
      .updateTable('appeal_categories')
      .set({ keywords: null })
      .where('code', '=', 'tax')
      .execute()
    await t.deps.db.deleteFrom('appeal_categories').where('code', '=', 'chamber_rights').execute()
    // the test's own departments were made without forms, like a tree older than them
    const unset = await t.deps.db
      .selectFrom('departments')
      .select('id')
      .where('recognised_names', 'is', null)
      .execute()

    expect(await seedRoutingDataIfUnset(t.deps)).toBe(1 + unset.length)
    expect((await findDepartmentByCode(t, 'DL-FGW')).recognised_names).toContain('发改部门')
    expect((await findDepartmentByCode(t, 'DL-CGJ')).recognised_names).toEqual([])
    const categories = await t.deps.db.selectFrom('appeal_categories').select(['code', 'keywords']).execute()
    expect(categories.find((c) => c.code === 'tax')!.keywords).toContain('留抵')
    expect(categories.find((c) => c.code === 'chamber_rights')!.keywords).toContain('商会')
    expect(await seedRoutingDataIfUnset(t.deps)).toBe(0)
    await t.deps.db
      .updateTable('departments')
      .set({ recognised_names: cgj.recognised_names })
      .where('id', '=', cgj.id)
      .execute()
  })
})
