import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { dueAfterWorkingDays } from '../../kernel/cases/deadline'
import { signInAs } from '../../../test/factories'
import { createTestApp, type TestApp } from '../../../test/harness'
import { buildBundleWorld, publishBundle, type BundleWorld } from './bundles.factories'

/**
 * Bundles (一件事一次办) through HTTP on a real database: the bureau writes and publishes them (and is
 * refused a bundle that saves no time or whose merged form clashes), the public reads the guide, an
 * enterprise opens, autosaves and submits one, staff follow it on the monitor.
 *
 * The parts' own submission is the intake's seam (submitInTransaction); these tests assert what the
 * bundle does around it. bundles-submit.test.ts replaces the seam to test all-or-nothing.
 */
const BUNDLES = '/api/v1/services/bundles'
const APPS = '/api/v1/services/bundle-applications'
const NOW = new Date('2026-03-02T02:00:00Z') // a Monday, 10:00 in Dalian

let t: TestApp
let w: BundleWorld
let bundleId: string
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  t = await createTestApp()
  w = await buildBundleWorld(t)
  bundleId = await publishBundle(w, [w.matters.reg, w.matters.seal, w.matters.tax], 3)
})
afterAll(async () => {
  await t.close()
  vi.useRealTimers()
})

const body = (
  members: string[],
  promisedLimitDays: number,
  code = `B-${Math.random().toString(36).slice(2, 10)}`,
) => ({
  code,
  name: '测试一件事',
  description: '',
  promisedLimitDays,
  members: members.map((matterId) => ({ matterId, stage: 1 })),
})

async function auditActions(entityId: string) {
  const rows = await t.deps.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.action)
}

async function children(bundleApplicationId: string) {
  return t.deps.db
    .selectFrom('bundle_application_parts as p')
    .innerJoin('applications as a', 'a.id', 'p.application_id')
    .select(['a.id', 'a.status', 'a.form_data', 'a.matter_id', 'a.matter_version_id', 'a.department_id'])
    .where('p.bundle_application_id', '=', bundleApplicationId)
    .orderBy('p.position')
    .execute()
}

describe('writing and publishing a bundle', () => {
  it('refuses a bundle that does not promise less than its matters one by one', async () => {
    // 1 + 1 + 2 = 4 working days one by one
    const res = await w.admin.post(BUNDLES, body([w.matters.reg, w.matters.seal, w.matters.tax], 4))
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('BUNDLE_LIMIT_NOT_SHORTER')
    expect(res.body.error.fields.promisedLimitDays).toContain('4')
  })

  it('refuses a matter that is missing or unpublished, naming each, and a matter listed twice', async () => {
    const res = await w.admin.post(
      BUNDLES,
      body([w.matters.reg, w.matters.unpublished, '00000000-0000-4000-8000-000000000000'], 1),
    )
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('BUNDLE_MEMBER_UNAVAILABLE')
    expect(Object.keys(res.body.error.fields)).toEqual(['members.1.matterId', 'members.2.matterId'])
    const twice = await w.admin.post(BUNDLES, body([w.matters.reg, w.matters.reg], 1))
    expect(twice.status).toBe(400)
    expect(Object.keys(twice.body.error.fields)).toEqual(['members'])
  })

  it('keeps an unpublished bundle from the public, then publishes it once', async () => {
    const created = await w.admin.post(BUNDLES, body([w.matters.reg, w.matters.tax], 2))
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      isPublished: false,
      days: { oneByOne: 3, bundle: 2, saved: 1, percent: 33 },
    })
    const id = created.body.id
    expect((await t.anonymous().get(`${BUNDLES}/${id}`)).status).toBe(404)
    expect((await w.admin.get(`${BUNDLES}/${id}`)).status).toBe(200)

    const rewritten = await w.admin.put(
      `${BUNDLES}/${id}`,
      body([w.matters.reg, w.matters.seal, w.matters.tax], 2),
    )
    expect(rewritten.status).toBe(200)
    expect(rewritten.body.memberCount).toBe(3)

    const published = await w.admin.post(`${BUNDLES}/${id}/publish`)
    expect(published.status).toBe(200)
    expect(published.body.isPublished).toBe(true)
    expect((await t.anonymous().get(`${BUNDLES}/${id}`)).status).toBe(200)
    expect((await w.admin.post(`${BUNDLES}/${id}/publish`)).body.error.code).toBe('BUNDLE_NOT_EDITABLE')
    expect(
      (await w.admin.put(`${BUNDLES}/${id}`, body([w.matters.reg, w.matters.tax], 1))).body.error.code,
    ).toBe('BUNDLE_NOT_EDITABLE')
    expect(await auditActions(id)).toEqual([
      'service_bundle.create',
      'service_bundle.update',
      'service_bundle.publish',
    ])
  })

  it('refuses to publish a bundle whose matters ask one question incompatibly', async () => {
    const created = await w.admin.post(BUNDLES, body([w.matters.seal, w.matters.clash], 2))
    expect(created.status).toBe(201)
    expect(created.body.conflicts).toEqual([
      { field: 'sealCount', reason: 'type', parts: ['公章刻制备案', '冲突事项'] },
    ])
    const res = await w.admin.post(`${BUNDLES}/${created.body.id}/publish`)
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('BUNDLE_FORM_CONFLICT')
    expect(res.body.error.fields['form.sealCount']).toContain('「公章刻制备案」、「冲突事项」')
    expect((await t.anonymous().get(`${BUNDLES}/${created.body.id}`)).status).toBe(404)
  })

  it('holds the limit in the database too', async () => {
    await expect(
      sql`INSERT INTO service_bundles (code, name, promised_limit_days, members_limit_days) VALUES ('DB-CHECK', 'x', 4, 4)`.execute(
        t.deps.db,
      ),
    ).rejects.toThrow(/service_bundle_shorter_than_members/)
  })

  it('leaves writing bundles to the bureau', async () => {
    const res = await w.handlerReg.post(BUNDLES, body([w.matters.reg, w.matters.tax], 1))
    expect(res.body.error.code).toBe('FORBIDDEN')
    expect((await w.applicant.post(`${BUNDLES}/${bundleId}/publish`)).body.error.code).toBe('FORBIDDEN')
  })
})

describe('the public guide', () => {
  it('lists the bundle with the days and materials it saves', async () => {
    const list = await t.anonymous().get(BUNDLES)
    expect(list.status).toBe(200)
    const item = list.body.items.find((b: { id: string }) => b.id === bundleId)
    expect(item).toMatchObject({
      memberCount: 3,
      departmentCount: 3,
      days: { oneByOne: 4, bundle: 3, saved: 1, percent: 25 },
      // 3 + 2 + 2 asked one by one; 营业执照 and 法定代表人身份证明 asked once each
      materials: { oneByOne: 7, bundle: 5, saved: 2, percent: 29 },
    })
  })

  it('merges the materials, a material two matters ask for asked once', async () => {
    const guide = await t.anonymous().get(`${BUNDLES}/${bundleId}`)
    expect(guide.status).toBe(200)
    expect(guide.body.members.map((m: { name: string }) => m.name)).toEqual([
      '公司设立登记',
      '公章刻制备案',
      '新办纳税人涉税事项',
    ])
    const licence = guide.body.mergedMaterials.find((m: { name: string }) => m.name === '营业执照')
    expect(licence).toEqual({
      name: '营业执照',
      platformSupplies: true,
      notRequiredWhen: null,
      askedBy: ['公章刻制备案', '新办纳税人涉税事项'],
    })
    expect(guide.body.fields).toEqual({ oneByOne: 7, merged: 5 })
    expect(guide.body.conflicts).toEqual([])
  })
})

describe('applying for a bundle', () => {
  it('opens one bundle application with a draft part per matter, each on its current version', async () => {
    const res = await w.applicant.post(APPS, { enterpriseId: w.enterpriseId, bundleId })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      status: 'draft',
      submittedAt: null,
      counts: { total: 3, inProgress: 3 },
    })
    expect(res.body.parts.map((p: { departmentId: string }) => p.departmentId)).toEqual([
      w.departments.reg,
      w.departments.seal,
      w.departments.tax,
    ])
    expect(Object.keys(res.body.form.schema.properties)).toEqual([
      'enterpriseName',
      'address',
      'capital',
      'sealCount',
      'hasInvoices',
    ])
    expect(res.body.form.schema.required).toEqual(['enterpriseName', 'address', 'sealCount'])
    const parts = await children(res.body.id)
    expect(parts.map((p) => [p.status, p.matter_id])).toEqual([
      ['draft', w.matters.reg],
      ['draft', w.matters.seal],
      ['draft', w.matters.tax],
    ])
    expect(parts.every((p) => p.matter_version_id !== null)).toBe(true)
    expect(await auditActions(res.body.id)).toEqual(['bundle_application.open'])
    expect(await auditActions(parts[0]!.id)).toEqual(['application.open'])
  })

  it('refuses an enterprise the caller does not act for, and a bundle not published', async () => {
    expect((await w.outsider.post(APPS, { enterpriseId: w.enterpriseId, bundleId })).status).toBe(404)
    const draft = await w.admin.post(BUNDLES, body([w.matters.reg, w.matters.tax], 1))
    const res = await w.applicant.post(APPS, { enterpriseId: w.enterpriseId, bundleId: draft.body.id })
    expect(res.status).toBe(404)
    expect((await w.applicant.post(APPS, { enterpriseId: w.enterpriseId })).body.error.code).toBe(
      'VALIDATION_FAILED',
    )
  })

  it('autosaves the merged answers, refusing a question the form does not ask', async () => {
    const opened = await w.applicant.post(APPS, { enterpriseId: w.enterpriseId, bundleId })
    const id = opened.body.id
    const saved = await w.applicant.put(`${APPS}/${id}/form`, {
      formData: { enterpriseName: '大连一件事有限公司', sealCount: 2 },
    })
    expect(saved.status).toBe(200)
    expect(saved.body.formData).toEqual({ enterpriseName: '大连一件事有限公司', sealCount: 2 })
    expect(saved.body.version).toBe(2)

    const stray = await w.applicant.put(`${APPS}/${id}/form`, { formData: { enterpriseName: 'x', stray: 1 } })
    expect(stray.status).toBe(400)
    expect(Object.keys(stray.body.error.fields)).toEqual(['formData.stray'])
    expect((await w.applicant.get(`${APPS}/${id}`)).body.formData.enterpriseName).toBe('大连一件事有限公司')
    expect((await w.outsider.put(`${APPS}/${id}/form`, { formData: {} })).status).toBe(404)
    expect((await w.outsider.get(`${APPS}/${id}`)).status).toBe(404)
  })

  it('submits once: each part gets the answers to its own questions, the bundle its promised clock', async () => {
    const opened = await w.applicant.post(APPS, { enterpriseId: w.enterpriseId, bundleId })
    const id = opened.body.id
    await w.applicant.put(`${APPS}/${id}/form`, {
      formData: {
        enterpriseName: '大连一件事有限公司',
        address: '中山区人民路1号',
        sealCount: 2,
        hasInvoices: true,
      },
    })
    expect((await w.outsider.post(`${APPS}/${id}/submit`)).status).toBe(404)
    const res = await w.applicant.post(`${APPS}/${id}/submit`)
    expect(res.status).toBe(200)
    const calendar = await t.deps.calendar.calendar(t.deps.db)
    expect(res.body).toMatchObject({
      submittedAt: NOW.toISOString(),
      promisedDueAt: dueAfterWorkingDays(calendar, NOW, 3).toISOString(),
      counts: { total: 3 },
    })
    // until the parts are received (the intake's seam) the bundle is in progress
    expect(res.body.status).toBe('in_progress')
    expect((await children(id)).map((p) => p.form_data)).toEqual([
      { enterpriseName: '大连一件事有限公司', address: '中山区人民路1号' },
      { enterpriseName: '大连一件事有限公司', sealCount: 2 },
      { enterpriseName: '大连一件事有限公司', hasInvoices: true },
    ])
    expect((await w.applicant.post(`${APPS}/${id}/submit`)).body.error.code).toBe(
      'BUNDLE_APPLICATION_NOT_EDITABLE',
    )
    expect((await w.applicant.put(`${APPS}/${id}/form`, { formData: {} })).body.error.code).toBe(
      'BUNDLE_APPLICATION_NOT_EDITABLE',
    )
    expect(await auditActions(id)).toEqual(['bundle_application.open', 'bundle_application.submit'])
  })

  it('shows one combined status from the parts, and one result pack', async () => {
    const opened = await w.applicant.post(APPS, { enterpriseId: w.enterpriseId, bundleId })
    const id = opened.body.id
    await w.applicant.put(`${APPS}/${id}/form`, {
      formData: { enterpriseName: '大连结果包有限公司', address: '西岗区', sealCount: 1 },
    })
    expect((await w.applicant.post(`${APPS}/${id}/submit`)).status).toBe(200)
    const parts = await children(id)
    const setStatus = (applicationId: string, status: 'approved' | 'refused') =>
      t.deps.db
        .updateTable('applications')
        .set({ status, decided_at: NOW, decision_reason: status === 'approved' ? '符合条件' : '材料不实' })
        .where('id', '=', applicationId)
        .execute()

    for (const p of parts) await setStatus(p.id, 'approved')
    const done = await w.applicant.get(`${APPS}/${id}`)
    expect(done.body).toMatchObject({ status: 'done', counts: { total: 3, approved: 3 } })

    await setStatus(parts[1]!.id, 'refused')
    const mine = await w.applicant.get(`${APPS}/mine`)
    expect(mine.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      status: 'needs_attention',
      counts: { approved: 2, needsAttention: 1 },
    })

    const pack = await w.applicant.get(`${APPS}/${id}/results`)
    expect(pack.status).toBe(200)
    expect(
      pack.body.parts.map((p: { status: string; decisionReason: string }) => [p.status, p.decisionReason]),
    ).toEqual([
      ['approved', '符合条件'],
      ['refused', '材料不实'],
      ['approved', '符合条件'],
    ])
    expect((await w.outsider.get(`${APPS}/${id}/results`)).status).toBe(404)
  })
})

describe('the bundle monitor', () => {
  it('shows the bureau every bundle application, a department those with a part of its own', async () => {
    const opened = await w.applicant.post(APPS, { enterpriseId: w.enterpriseId, bundleId })
    await w.applicant.put(`${APPS}/${opened.body.id}/form`, {
      formData: { enterpriseName: '大连监控有限公司', address: '沙河口区', sealCount: 1 },
    })
    expect((await w.applicant.post(`${APPS}/${opened.body.id}/submit`)).status).toBe(200)
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id)

    const all = await w.admin.get(`${APPS}/monitor`)
    expect(all.status).toBe(200)
    const item = all.body.items.find((i: { id: string }) => i.id === opened.body.id)
    expect(item.parts.map((p: { departmentId: string }) => p.departmentId)).toEqual([
      w.departments.reg,
      w.departments.seal,
      w.departments.tax,
    ])
    expect(item).toMatchObject({ isOverdue: false, status: 'in_progress' })
    expect(ids(await (await signInAs(t, 'bureau_leader')).get(`${APPS}/monitor`))).toContain(opened.body.id)
    expect(ids(await w.handlerReg.get(`${APPS}/monitor`))).toContain(opened.body.id)
    expect(ids(await w.handlerOther.get(`${APPS}/monitor`))).not.toContain(opened.body.id)
    // a draft is the enterprise's own work: nobody monitors it
    const draft = await w.applicant.post(APPS, { enterpriseId: w.enterpriseId, bundleId })
    expect(ids(all)).not.toContain(draft.body.id)

    expect((await (await signInAs(t, 'dispatcher')).get(`${APPS}/monitor`)).body.error.code).toBe('FORBIDDEN')
    expect((await w.applicant.get(`${APPS}/monitor`)).body.error.code).toBe('FORBIDDEN')
  })
})
