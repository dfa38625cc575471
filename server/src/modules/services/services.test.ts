import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildDepartment,
  buildEnterprise,
  buildEnterpriseUser,
  signInAs,
  signInEnterprise,
} from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import { attachMaterials, buildPublishedMatter } from './services.factories'

/** Services through HTTP on a real database: open a draft application, submit it once. */
const BASE = '/api/v1/services/applications'

let t: TestApp
let enterpriseId: string
let applicant: TestClient
let outsider: TestClient
let matterId: string
beforeAll(async () => {
  t = await createTestApp()
  enterpriseId = (await buildEnterprise(t)).id
  const member = await buildEnterpriseUser(t, { enterpriseIds: [enterpriseId] })
  applicant = await signInEnterprise(t, member.phone)
  const other = await buildEnterpriseUser(t, { enterpriseIds: [(await buildEnterprise(t)).id] })
  outsider = await signInEnterprise(t, other.phone)
  const departmentId = (await buildDepartment(t)).id
  matterId = await buildPublishedMatter(await signInAs(t, 'handler', { departmentId }), departmentId)
})
afterAll(() => t.close())

async function events(id: string) {
  const rows = await t.deps.db
    .selectFrom('application_events')
    .select(['type', 'audience'])
    .where('application_id', '=', id)
    .orderBy('id')
    .execute()
  return rows
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

describe('Services', () => {
  it('an enterprise user opens a draft, submits it, and finds it among their own', async () => {
    const opened = await applicant.post(BASE, { enterpriseId, matterId })
    expect(opened.status).toBe(201)
    expect(opened.body).toMatchObject({
      enterpriseId,
      matterId,
      title: '食品经营许可证核发',
      status: 'draft',
      submittedAt: null,
      version: 1,
    })

    await attachMaterials(applicant, opened.body.id)
    const submitted = await applicant.post(`${BASE}/${opened.body.id}/submit`)
    expect(submitted.status).toBe(200)
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 2 })
    expect(submitted.body.submittedAt).toEqual(expect.any(String))

    const mine = await applicant.get(`${BASE}/mine`)
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(opened.body.id)
    expect(await events(opened.body.id)).toEqual([
      { type: 'open', audience: 'enterprise' },
      { type: 'submit', audience: 'enterprise' },
    ])
    expect(await auditActions(opened.body.id)).toEqual(['application.open', 'application.submit'])
  })

  it('refuses a second submit with the table’s refusal, and writes nothing', async () => {
    const opened = await applicant.post(BASE, { enterpriseId, matterId })
    await attachMaterials(applicant, opened.body.id)
    await applicant.post(`${BASE}/${opened.body.id}/submit`)
    const again = await applicant.post(`${BASE}/${opened.body.id}/submit`)
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('APPLICATION_NOT_SUBMITTABLE')
    expect((await events(opened.body.id)).map((e) => e.type)).toEqual(['open', 'submit'])
  })

  it('withdraws a draft or a submitted application once; a withdrawn one cannot be submitted', async () => {
    const draft = await applicant.post(BASE, { enterpriseId, matterId })
    const withdrawn = await applicant.post(`${BASE}/${draft.body.id}/withdraw`)
    expect(withdrawn.status).toBe(200)
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', submittedAt: null })
    const submit = await applicant.post(`${BASE}/${draft.body.id}/submit`)
    expect(submit.body.error.code).toBe('APPLICATION_NOT_SUBMITTABLE')
    expect((await applicant.post(`${BASE}/${draft.body.id}/withdraw`)).body.error.code).toBe(
      'APPLICATION_NOT_WITHDRAWABLE',
    )

    const sent = await applicant.post(BASE, { enterpriseId, matterId })
    await attachMaterials(applicant, sent.body.id)
    await applicant.post(`${BASE}/${sent.body.id}/submit`)
    expect((await applicant.post(`${BASE}/${sent.body.id}/withdraw`)).body.status).toBe('withdrawn')
    expect((await events(sent.body.id)).map((e) => e.type)).toEqual(['open', 'submit', 'withdraw'])
    expect(await auditActions(sent.body.id)).toEqual([
      'application.open',
      'application.submit',
      'application.withdraw',
    ])
    expect((await outsider.post(`${BASE}/${sent.body.id}/withdraw`)).status).toBe(404)
  })

  it('keeps each application to whoever opened it, and an enterprise to its members', async () => {
    const opened = await applicant.post(BASE, { enterpriseId, matterId })
    expect((await outsider.get(`${BASE}/${opened.body.id}`)).status).toBe(404)
    expect((await outsider.post(`${BASE}/${opened.body.id}/submit`)).status).toBe(404)
    expect((await outsider.post(BASE, { enterpriseId, matterId })).status).toBe(404)
    const staff = await signInAs(t, 'handler')
    expect((await staff.get(`${BASE}/mine`)).body.error.code).toBe('FORBIDDEN')
  })

  it('answers bad input with the one error shape', async () => {
    const res = await applicant.post(BASE, { enterpriseId, matterId: 'x' })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
    expect(Object.keys(res.body.error.fields)).toEqual(['matterId'])
    const unpublished = await applicant.post(BASE, { enterpriseId, matterId: crypto.randomUUID() })
    expect([unpublished.status, unpublished.body.error.code]).toEqual([422, 'MATTER_NOT_PUBLISHED'])
    expect((await applicant.get(`${BASE}/not-a-uuid`)).status).toBe(400)
  })
})
