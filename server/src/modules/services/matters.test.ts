import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDepartment, signInAs } from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'

/** The service-matter catalogue through HTTP on a real database: edit, publish, browse, search. */
const BASE = '/api/v1/services/matters'

let t: TestApp
let departmentId: string
let otherDepartmentId: string
let handler: TestClient
let outsider: TestClient
let admin: TestClient
let anonymous: TestClient
beforeAll(async () => {
  t = await createTestApp()
  departmentId = (await buildDepartment(t)).id
  otherDepartmentId = (await buildDepartment(t)).id
  handler = await signInAs(t, 'handler', { departmentId })
  outsider = await signInAs(t, 'department_head', { departmentId: otherDepartmentId })
  admin = await signInAs(t, 'admin')
  anonymous = t.anonymous()
})
afterAll(() => t.close())

const foodLicence = {
  name: '食品经营许可证核发',
  matterType: 'licence',
  implementingBody: '大连市市场监督管理局',
  legalBasis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》',
  conditions: '有与经营的食品品种、数量相适应的经营场所',
  materials: [
    { name: '食品经营许可申请书', templateFileId: null, platformSupplies: false, notRequiredWhen: null },
    { name: '营业执照', templateFileId: null, platformSupplies: true, notRequiredWhen: null },
  ],
  fees: [],
  statutoryLimitDays: 10,
  promisedLimitDays: 3,
  specialSteps: [{ kind: 'on_site_inspection', limitDays: 5, countsInStatutoryLimit: true }],
  visitsNeeded: 0,
  onlineLevel: 'full',
  faq: [{ question: '仅销售预包装食品需要许可吗？', answer: '不需要许可，办理备案即可。' }],
}

let counter = 0
async function create(client: TestClient, body: Record<string, unknown> = {}) {
  counter++
  return client.post(BASE, {
    code: `TEST-${counter}`,
    departmentId,
    parentId: null,
    variant: null,
    content: foodLicence,
    ...body,
  })
}

describe('Service matters', () => {
  it('a handler creates a matter of their department, publishes it; the public reads its guide', async () => {
    const created = await create(handler)
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ number: 1, status: 'draft', publishedAt: null })
    const matterId = created.body.matterId

    // not published yet: the public does not see it
    expect((await anonymous.get(`${BASE}/${matterId}`)).status).toBe(404)

    const published = await handler.post(`${BASE}/${matterId}/publish`)
    expect(published.status).toBe(200)
    expect(published.body).toMatchObject({ number: 1, status: 'published' })

    const guide = await anonymous.get(`${BASE}/${matterId}`)
    expect(guide.status).toBe(200)
    expect(guide.body).toMatchObject({
      name: '食品经营许可证核发',
      statutoryLimitDays: 10,
      promisedLimitDays: 3,
      visitsNeeded: 0,
      versionNumber: 1,
      materials: foodLicence.materials,
      specialSteps: foodLicence.specialSteps,
      faq: foodLicence.faq,
    })

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_id', '=', matterId)
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['service_matter.create', 'service_matter.publish'])
    const version = await t.deps.db
      .selectFrom('service_matter_versions')
      .select(['published_by', 'published_at'])
      .where('id', '=', published.body.id)
      .executeTakeFirstOrThrow()
    expect(version.published_by).toBe(audit[1]!.actor_user_id)
    expect(version.published_at).toBeInstanceOf(Date)
  })

  it('a new draft leaves the published version as it was until it is published in turn', async () => {
    const matterId = (await create(handler)).body.matterId
    const first = await handler.post(`${BASE}/${matterId}/publish`)
    const draft = await handler.put(`${BASE}/${matterId}/draft`, { ...foodLicence, promisedLimitDays: 1 })
    expect(draft.status).toBe(200)
    expect(draft.body).toMatchObject({ number: 2, status: 'draft' })
    expect((await anonymous.get(`${BASE}/${matterId}`)).body).toMatchObject({
      promisedLimitDays: 3,
      versionNumber: 1,
    })

    // writing again rewrites the same draft
    const again = await handler.put(`${BASE}/${matterId}/draft`, { ...foodLicence, promisedLimitDays: 2 })
    expect(again.body).toMatchObject({ id: draft.body.id, number: 2 })
    expect((await handler.get(`${BASE}/${matterId}/draft`)).body.content.promisedLimitDays).toBe(2)

    await handler.post(`${BASE}/${matterId}/publish`)
    expect((await anonymous.get(`${BASE}/${matterId}`)).body).toMatchObject({
      promisedLimitDays: 2,
      versionNumber: 2,
    })
    expect((await handler.post(`${BASE}/${matterId}/publish`)).body.error.code).toBe('MATTER_NO_DRAFT')

    // the database refuses to change a published version, whoever asks
    await expect(
      t.deps.db
        .updateTable('service_matter_versions')
        .set({ name: '改过' })
        .where('id', '=', first.body.id)
        .execute(),
    ).rejects.toThrow(/published/)
  })

  it('refuses a promised limit above the statutory one, in the schema and in the database', async () => {
    const refused = await create(handler, {
      content: { ...foodLicence, statutoryLimitDays: 5, promisedLimitDays: 6 },
    })
    expect(refused.status).toBe(400)
    expect(refused.body.error.code).toBe('VALIDATION_FAILED')
    expect(refused.body.error.fields['content.promisedLimitDays']).toBe('承诺办结时限不能超过法定办结时限')

    const matterId = (await create(handler)).body.matterId
    const draft = await handler.put(`${BASE}/${matterId}/draft`, { ...foodLicence, promisedLimitDays: 11 })
    expect(draft.status).toBe(400)
    await expect(
      sql`UPDATE service_matter_versions SET promised_limit_days = 99 WHERE matter_id = ${matterId}`.execute(
        t.deps.db,
      ),
    ).rejects.toThrow(/service_matter_promised_within_statutory/)
  })

  it("another department's staff cannot create, edit or publish its matters; an administrator can", async () => {
    const forbidden = await create(outsider)
    expect(forbidden.status).toBe(403)
    const matterId = (await create(handler)).body.matterId
    expect((await outsider.put(`${BASE}/${matterId}/draft`, foodLicence)).status).toBe(404)
    expect((await outsider.post(`${BASE}/${matterId}/publish`)).status).toBe(404)
    expect((await outsider.get(`${BASE}/${matterId}/draft`)).status).toBe(404)
    expect((await admin.post(`${BASE}/${matterId}/publish`)).status).toBe(200)
    expect((await anonymous.post(`${BASE}/${matterId}/publish`)).status).toBe(401)
  })

  it('builds 主项 → 子项 → 业务办理项 within one department, and refuses a code twice', async () => {
    const main = await create(handler, { code: 'TREE-MAIN' })
    const sub = await create(handler, { code: 'TREE-SUB', parentId: main.body.matterId })
    expect(sub.status).toBe(201)
    const variant = await create(handler, { code: 'TREE-NEW', parentId: sub.body.matterId, variant: 'new' })
    expect(variant.status).toBe(201)
    const under = await create(handler, { code: 'TREE-X', parentId: variant.body.matterId })
    expect(under.body.error.code).toBe('MATTER_PARENT_INVALID')
    const orphan = await create(handler, { code: 'TREE-Y', variant: 'change' })
    expect(orphan.body.error.code).toBe('MATTER_PARENT_INVALID')
    const elsewhere = await create(admin, {
      code: 'TREE-Z',
      departmentId: otherDepartmentId,
      parentId: main.body.matterId,
    })
    expect(elsewhere.body.error.code).toBe('MATTER_PARENT_INVALID')
    expect((await create(handler, { code: 'TREE-MAIN' })).body.error.code).toBe('MATTER_CODE_TAKEN')
  })

  it('lists published matters by department, type and online level, and finds them by Chinese words', async () => {
    const sewage = {
      ...foodLicence,
      name: '排污许可证核发',
      implementingBody: '大连市生态环境局',
      legalBasis: '《排污许可管理条例》',
      conditions: '依法取得建设项目环境影响评价文件审批意见',
      materials: [
        { name: '排污许可证申请表', templateFileId: null, platformSupplies: false, notRequiredWhen: null },
      ],
      statutoryLimitDays: 20,
      promisedLimitDays: 15,
      onlineLevel: 'partial',
    }
    const matterId = (
      await create(admin, { code: 'SEARCH-SEWAGE', departmentId: otherDepartmentId, content: sewage })
    ).body.matterId
    await admin.post(`${BASE}/${matterId}/publish`)
    const unpublished = (
      await create(admin, { code: 'SEARCH-DRAFT', departmentId: otherDepartmentId, content: sewage })
    ).body.matterId

    const ids = async (query: string) =>
      ((await anonymous.get(`${BASE}?${query}`)).body.items as { id: string }[]).map((m) => m.id)

    expect(await ids(`departmentId=${otherDepartmentId}`)).toEqual([matterId])
    expect(await ids(`onlineLevel=partial`)).toEqual([matterId])
    expect(await ids(`matterType=filing`)).toEqual([])
    expect(await ids(`q=${encodeURIComponent('排污许可')}`)).toEqual([matterId])
    expect(await ids(`q=${encodeURIComponent('排污许可证怎么办')}`)).toEqual([])
    expect(await ids(`q=${encodeURIComponent('环境影响评价')}`)).toEqual([matterId])
    expect(await ids(`q=SEARCH-SEWAGE`)).toEqual([matterId])
    expect(await ids(`q=${encodeURIComponent('食品经营')}`)).not.toContain(matterId)
    expect(await ids('')).not.toContain(unpublished)
    expect((await anonymous.get(`${BASE}?onlineLevel=everything`)).status).toBe(400)
  })
})
