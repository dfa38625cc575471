import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import { buildBundleWorld, buildMatter, FORMS, publishBundle, type BundleWorld } from './bundles.factories'

/**
 * A bundle's parts move with the bundle: not submitted or withdrawn one by one; the bundle's
 * withdrawal withdraws every undecided part. And its materials: one file given for the bundle serves
 * every part that asks for it, so the parts' own submission check (the real one) passes.
 */
const APPS = '/api/v1/services/bundle-applications'
const SINGLE = '/api/v1/services/applications'
const UPLOADS = '/api/v1/services/bundle-material-uploads'
const NOW = new Date('2026-03-02T02:00:00Z')
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82])
const ANSWERS = { enterpriseName: '大连一并办有限公司', address: '中山区人民路1号', sealCount: 2 }
const { sealCount: _notAsked, ...CLOSING } = ANSWERS

let t: TestApp
let w: BundleWorld
let bundleId: string
let withFiles: string
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  t = await createTestApp()
  w = await buildBundleWorld(t)
  bundleId = await publishBundle(w, [w.matters.reg, w.matters.seal, w.matters.tax], 3)
  // two matters of two departments asking the same file, one asking another, none supplied by the platform
  const asked = (name: string) => ({
    name,
    templateFileId: null,
    platformSupplies: false,
    notRequiredWhen: null,
  })
  const clearance = await buildMatter(t, {
    departmentId: w.departments.tax,
    name: '清税证明',
    promisedLimitDays: 2,
    form: FORMS.tax,
    materials: [asked('清税申报表'), asked('营业执照')],
  })
  const insurance = await buildMatter(t, {
    departmentId: w.departments.seal,
    name: '社保注销',
    promisedLimitDays: 2,
    form: FORMS.reg,
    materials: [asked('清税申报表'), asked('社保清算表')],
  })
  withFiles = await publishBundle(w, [clearance, insurance], 3)
})
afterAll(async () => {
  await t.close()
  vi.useRealTimers()
})

async function openBundle(id = bundleId, answers: Record<string, unknown> = ANSWERS) {
  const opened = await w.applicant.post(APPS, { enterpriseId: w.enterpriseId, bundleId: id })
  expect(opened.status).toBe(201)
  expect((await w.applicant.put(`${APPS}/${opened.body.id}/form`, { formData: answers })).status).toBe(200)
  return opened.body as { id: string; parts: { applicationId: string }[] }
}

async function partStates(id: string) {
  const rows = await t.deps.db
    .selectFrom('bundle_application_parts as p')
    .innerJoin('applications as a', 'a.id', 'p.application_id')
    .select('a.status')
    .where('p.bundle_application_id', '=', id)
    .orderBy('p.position')
    .execute()
  return rows.map((r) => r.status)
}

function upload(client: TestClient, bundleApplicationId: string, materialName: string) {
  const form = new FormData()
  form.set('bundleApplicationId', bundleApplicationId)
  form.set('materialName', materialName)
  form.set('file', new File([PNG], 'a.png'))
  return client.post(UPLOADS, form)
}

describe('a part moves only with its bundle', () => {
  it('refuses a part submitted on its own, and tells nobody else that it exists', async () => {
    const opened = await openBundle()
    const part = opened.parts[0]!.applicationId
    const res = await w.applicant.post(`${SINGLE}/${part}/submit`)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('APPLICATION_PART_OF_BUNDLE')
    expect((await w.outsider.post(`${SINGLE}/${part}/submit`)).status).toBe(404)
    expect(await partStates(opened.id)).toEqual(['draft', 'draft', 'draft'])
  })

  it('refuses withdrawing a draft bundle: nothing is at a department yet', async () => {
    const opened = await openBundle()
    const res = await w.applicant.post(`${APPS}/${opened.id}/withdraw`)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('BUNDLE_APPLICATION_NOT_SUBMITTED')
  })

  it('withdraws every undecided part with the bundle, keeps a decided one, and refuses a part alone', async () => {
    const opened = await openBundle()
    expect((await w.applicant.post(`${APPS}/${opened.id}/submit`)).status).toBe(200)
    const [first, second] = opened.parts.map((p) => p.applicationId)
    const alone = await w.applicant.post(`${SINGLE}/${second}/withdraw`)
    expect(alone.status).toBe(409)
    expect(alone.body.error.code).toBe('APPLICATION_PART_OF_BUNDLE')

    // the first department has decided already (its decision is the review's; set here)
    await t.deps.db.updateTable('applications').set({ status: 'approved' }).where('id', '=', first!).execute()
    expect((await w.outsider.post(`${APPS}/${opened.id}/withdraw`)).status).toBe(404)
    const res = await w.applicant.post(`${APPS}/${opened.id}/withdraw`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'withdrawn', counts: { total: 3, approved: 1 } })
    expect(await partStates(opened.id)).toEqual(['approved', 'withdrawn', 'withdrawn'])

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', 'in', ['application.withdraw', 'bundle_application.withdraw'])
      .where('entity_id', 'in', [opened.id, ...opened.parts.map((p) => p.applicationId)])
      .execute()
    expect(audit.map((a) => a.action).sort()).toEqual([
      'application.withdraw',
      'application.withdraw',
      'bundle_application.withdraw',
    ])

    const again = await w.applicant.post(`${APPS}/${opened.id}/withdraw`)
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('BUNDLE_NOTHING_TO_WITHDRAW')
  })
})

describe('a bundle’s materials: one file for every part that asks', () => {
  it('lists each material once with the matters asking, and refuses submission while one is missing', async () => {
    const opened = await openBundle(withFiles, CLOSING)
    const read = await w.applicant.get(`${APPS}/${opened.id}`)
    expect(read.body.materials).toEqual([
      expect.objectContaining({ name: '清税申报表', state: 'missing', askedBy: ['清税证明', '社保注销'] }),
      expect.objectContaining({ name: '营业执照', state: 'missing', askedBy: ['清税证明'] }),
      expect.objectContaining({ name: '社保清算表', state: 'missing', askedBy: ['社保注销'] }),
    ])
    const res = await w.applicant.post(`${APPS}/${opened.id}/submit`)
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('APPLICATION_INCOMPLETE')
    // named by the bundle's list, each message saying which matter lacks it
    expect(res.body.error.fields['materials.0']).toContain('「清税证明」')
    expect(res.body.error.fields['materials.0']).toContain('「社保注销」')
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['materials.0', 'materials.1', 'materials.2'])
  })

  it('attaches one upload to each part asking, removes it from each, and then submits', async () => {
    const opened = await openBundle(withFiles, CLOSING)
    const shared = await upload(w.applicant, opened.id, '清税申报表')
    expect(shared.status).toBe(201)
    expect(shared.body).toMatchObject({ materialName: '清税申报表', attachedTo: ['清税证明', '社保注销'] })
    expect((await upload(w.applicant, opened.id, '不存在的材料')).body.error.code).toBe('MATERIAL_NOT_ASKED')
    expect((await upload(w.outsider, opened.id, '清税申报表')).status).toBe(404)

    const removed = await w.applicant.delete(`${APPS}/${opened.id}/materials/${shared.body.uploadId}`)
    expect(removed.status).toBe(200)
    let read = await w.applicant.get(`${APPS}/${opened.id}`)
    expect(read.body.materials[0]).toMatchObject({ state: 'missing', files: [] })

    for (const name of ['清税申报表', '营业执照', '社保清算表'])
      expect((await upload(w.applicant, opened.id, name)).status).toBe(201)
    read = await w.applicant.get(`${APPS}/${opened.id}`)
    expect(read.body.materials.map((m: { state: string }) => m.state)).toEqual([
      'attached',
      'attached',
      'attached',
    ])
    expect(read.body.materials[0].files).toHaveLength(1)

    const res = await w.applicant.post(`${APPS}/${opened.id}/submit`)
    expect(res.status).toBe(200)
    expect(await partStates(opened.id)).toEqual(['submitted', 'submitted'])
    // submitted: the files stay as the departments received them
    expect((await upload(w.applicant, opened.id, '清税申报表')).body.error.code).toBe(
      'BUNDLE_APPLICATION_NOT_EDITABLE',
    )
  })
})

describe('a bundle’s merged form offers what the profile knows', () => {
  it('prefills a question with an x-prefill hint while a draft, and no longer once submitted', async () => {
    const named = {
      schema: {
        type: 'object',
        properties: { enterpriseName: { type: 'string', title: '企业名称', 'x-prefill': 'enterprise.name' } },
        required: ['enterpriseName'],
      },
      ui: {},
    }
    const a = await buildMatter(t, {
      departmentId: w.departments.reg,
      name: '甲',
      promisedLimitDays: 2,
      form: named,
    })
    const b = await buildMatter(t, {
      departmentId: w.departments.tax,
      name: '乙',
      promisedLimitDays: 2,
      form: named,
    })
    const opened = await w.applicant.post(APPS, {
      enterpriseId: w.enterpriseId,
      bundleId: await publishBundle(w, [a, b], 3),
    })
    const enterprise = await t.deps.db
      .selectFrom('enterprises')
      .select('name')
      .where('id', '=', w.enterpriseId)
      .executeTakeFirstOrThrow()
    expect(opened.body.prefill).toEqual({
      values: { enterpriseName: enterprise.name },
      from: { enterpriseName: 'enterprise.name' },
    })
    await w.applicant.put(`${APPS}/${opened.body.id}/form`, { formData: { enterpriseName: enterprise.name } })
    const submitted = await w.applicant.post(`${APPS}/${opened.body.id}/submit`)
    expect(submitted.status).toBe(200)
    expect(submitted.body.prefill).toEqual({ values: {}, from: {} })
  })
})
