import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
import { systemActor } from '../../kernel/auth/actor'
import { AppError } from '../../kernel/errors'
import { DALIAN_MATTER_FORMS } from '../../seed/cities/dalian-matter-forms'
import { rolesOn } from './application-action'
import { checkSubmission } from './application-submission-check'
import { addPublishedMatters } from './matters.service'
import * as q from './services.queries'

/**
 * An application's form and materials through HTTP on a real database (decision 0044): autosave
 * rules, uploads, 证照免提交, 一次提交 with consent, and the submission check called as the submit
 * transaction calls it (the submit route's own path is the intake work's).
 */
const APPS = '/api/v1/services/applications'
const UPLOADS = '/api/v1/services/material-uploads'
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82])
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n')

let t: TestApp
let enterpriseId: string
let applicant: TestClient
let colleague: TestClient
let outsider: TestClient
let handler: TestClient
let otherHandler: TestClient
let matterId: string
let departmentId: string
let applicantUserId: string

const code = `T-FORM-${crypto.randomBytes(3).toString('hex')}`
const MATERIALS = [
  { name: '营业执照', templateFileId: null, platformSupplies: true, notRequiredWhen: null },
  { name: '食品经营许可申请书', templateFileId: null, platformSupplies: false, notRequiredWhen: null },
  { name: '食品经营许可证（副本）', templateFileId: null, platformSupplies: false, notRequiredWhen: null },
  { name: '经营场所平面图', templateFileId: null, platformSupplies: false, notRequiredWhen: null },
  {
    name: '授权委托书',
    templateFileId: null,
    platformSupplies: false,
    notRequiredWhen: '法定代表人本人办理的',
  },
]
const FILLED = {
  applicantName: '大连海味餐饮有限公司',
  applicantUscc: '91210202MA0XXXXX1A',
  legalRepresentative: '王海',
  residence: '大连市中山区人民路 1 号',
  contactName: '李明',
  contactPhone: '13900000000',
  premises: '大连市中山区人民路 1 号一层',
  premisesArea: 120,
  businessForm: '餐饮服务经营者',
  businessItems: ['冷食类食品制售'],
  foodSafetyManager: '张三',
  sellsOnline: false,
  staff: [{ name: '赵四', post: '厨师', healthCertificateNo: 'JK2026001' }],
}

beforeAll(async () => {
  t = await createTestApp()
  const enterprise = await buildEnterprise(t, { address: '大连市中山区人民路 1 号' })
  enterpriseId = enterprise.id
  const member = await buildEnterpriseUser(t, { enterpriseIds: [enterpriseId] })
  applicantUserId = member.id
  applicant = await signInEnterprise(t, member.phone)
  const second = await buildEnterpriseUser(t, { enterpriseIds: [enterpriseId] })
  colleague = await signInEnterprise(t, second.phone)
  const other = await buildEnterpriseUser(t, { enterpriseIds: [(await buildEnterprise(t)).id] })
  outsider = await signInEnterprise(t, other.phone)
  departmentId = (await findDepartmentByCode(t, 'DL-SCJGJ')).id
  handler = await signInStaff(t, await buildStaff(t, { roles: ['handler'], departmentId }))
  otherHandler = await signInAs(t, 'handler')

  await t.deps.db.transaction().execute((tx) =>
    addPublishedMatters(tx, systemActor('seed'), [
      {
        code,
        departmentId,
        parentCode: null,
        variant: null,
        formSchema: DALIAN_MATTER_FORMS['DL-SCJGJ-0002'],
        content: {
          name: '食品经营许可（测试）',
          matterType: 'licence',
          implementingBody: '大连市市场监督管理局',
          legalBasis: '《中华人民共和国食品安全法》第三十五条',
          conditions: '有与经营的食品品种、数量相适应的经营场所',
          materials: MATERIALS,
          fees: [],
          statutoryLimitDays: 10,
          promisedLimitDays: 3,
          specialSteps: [],
          visitsNeeded: 0,
          onlineLevel: 'full',
          faq: [],
        },
      },
    ]),
  )
  const matter = await t.deps.db
    .selectFrom('service_matters')
    .select(['id', 'current_version_id'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow()
  matterId = matter.id
  // the enterprise's active e-certificate stands for 食品经营许可证（副本）
  await t.deps.db
    .insertInto('certificates')
    .values({
      number: `T-${crypto.randomBytes(4).toString('hex')}`,
      kind: 'licence',
      enterprise_id: enterpriseId,
      holder_name: enterprise.name,
      holder_uscc: enterprise.uscc,
      title: '食品经营许可证',
      issuing_department_id: departmentId,
      issuing_department_name: '大连市市场监督管理局',
      issued_on: '2026-01-05',
      valid_until: '2099-01-04',
      application_id: null,
      payload: 'test',
      key_id: 'test',
      issued_by: null,
      created_at: new Date(),
    })
    .execute()
})
afterAll(() => t.close())

/** A draft on the test matter, opened as the enterprise opens one: on the matter's current version. */
async function openDraft(client: TestClient = applicant): Promise<string> {
  const opened = await client.post(APPS, { enterpriseId, matterId })
  expect(opened.status).toBe(201)
  expect(opened.body).toMatchObject({ status: 'draft' })
  return opened.body.id
}

function upload(
  client: TestClient,
  applicationId: string,
  materialName: string,
  bytes: Uint8Array,
  name = 'a.png',
) {
  const form = new FormData()
  form.set('applicationId', applicationId)
  form.set('materialName', materialName)
  form.set('file', new File([bytes], name))
  return client.post(UPLOADS, form)
}

/** The submission check as the submit transaction runs it, on the locked row. */
async function runCheck(id: string) {
  return t.deps.db.transaction().execute(async (tx) => {
    const row = (await q.lockApplicationById(tx, id))!
    const actor = { kind: 'user', userId: applicantUserId, userKind: 'enterprise', roles: [] } as never
    await checkSubmission({ deps: t.deps, tx, actor, row, roles: rolesOn(actor, row), now: new Date() })
  })
}

async function auditActions(id: string) {
  const rows = await t.deps.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', id)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.action)
}

describe('the form', () => {
  it('gives the applicant the form, prefill from the profile, and the materials plan', async () => {
    const id = await openDraft()
    const res = await applicant.get(`${APPS}/${id}/form`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ applicationId: id, editable: true, data: {}, savedAt: null })
    expect(res.body.form.schema.properties.premises.title).toBe('经营场所')
    expect(res.body.prefill.values).toMatchObject({
      applicantName: expect.stringMatching(/^大连测试/),
      residence: '大连市中山区人民路 1 号',
      legalRepresentative: '张三',
    })
    expect(
      res.body.materials.map((m: { name: string; state: string; required: boolean }) => [
        m.state,
        m.required,
      ]),
    ).toEqual([
      ['platform', false],
      ['missing', true],
      ['certificate', false],
      ['missing', true],
      ['missing', false],
    ])
    expect(res.body.materials[2].certificate.title).toBe('食品经营许可证')
  })

  it('autosaves a partial draft, lists wrong values already, and audits who saved', async () => {
    const id = await openDraft()
    const saved = await applicant.request('PUT', `${APPS}/${id}/form`, {
      data: { premises: '人民路 1 号', premisesArea: 'big' },
    })
    expect(saved.status).toBe(200)
    expect(saved.body.savedAt).toEqual(expect.any(String))
    expect(Object.keys(saved.body.issues)).toEqual(['premisesArea'])
    const read = await applicant.get(`${APPS}/${id}/form`)
    expect(read.body).toMatchObject({ data: { premises: '人民路 1 号' }, savedAt: saved.body.savedAt })
    expect(await auditActions(id)).toEqual(['application.open', 'application.form_save'])
  })

  it('keeps the form to its applicant, and to a draft or a supplement', async () => {
    const id = await openDraft()
    const body = { data: { premises: 'x' } }
    expect((await outsider.request('PUT', `${APPS}/${id}/form`, body)).status).toBe(404)
    // a colleague in the same enterprise did not open it: not theirs to change
    expect((await colleague.request('PUT', `${APPS}/${id}/form`, body)).status).toBe(404)
    expect((await handler.request('PUT', `${APPS}/${id}/form`, body)).body.error.code).toBe('FORBIDDEN')
    expect((await outsider.get(`${APPS}/${id}/form`)).status).toBe(404)
    expect((await otherHandler.get(`${APPS}/${id}/form`)).status).toBe(404)
    // the matter's department reads it, without prefill or reuse offers
    const staffView = await handler.get(`${APPS}/${id}/form`)
    expect(staffView.status).toBe(200)
    expect(staffView.body).toMatchObject({ editable: false, prefill: { values: {} }, reusable: [] })

    await applicant.post(`${APPS}/${id}/withdraw`)
    const late = await applicant.request('PUT', `${APPS}/${id}/form`, body)
    expect(late.status).toBe(409)
    expect(late.body.error.code).toBe('APPLICATION_FORM_NOT_EDITABLE')
    expect((await applicant.get(`${APPS}/${id}/form`)).body.editable).toBe(false)
  })

  it('answers bad input with the one error shape', async () => {
    const id = await openDraft()
    const res = await applicant.request('PUT', `${APPS}/${id}/form`, { data: 'nope' })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
    expect(res.body.error.fields).toHaveProperty('data')
  })
})

describe('materials', () => {
  it('uploads a file for a material; refuses a wrong type, a too large file, and a material not asked', async () => {
    const id = await openDraft()
    const ok = await upload(applicant, id, '经营场所平面图', PNG)
    expect(ok.status).toBe(201)
    expect(ok.body).toMatchObject({ materialName: '经营场所平面图', source: 'upload', fileName: 'a.png' })

    const script = await upload(
      applicant,
      id,
      '经营场所平面图',
      new TextEncoder().encode('#!/bin/sh\necho'),
      'x.png',
    )
    expect(script.status).toBe(400)
    expect(script.body.error).toMatchObject({
      code: 'ATTACHMENT_REJECTED',
      fields: { file: expect.any(String) },
    })

    const big = new Uint8Array(10 * 1024 * 1024 + 1)
    big.set(PNG)
    const tooLarge = await upload(applicant, id, '经营场所平面图', big)
    expect(tooLarge.status).toBe(400)
    expect(tooLarge.body.error.fields.file).toContain('10 MB')

    const unknown = await upload(applicant, id, '不存在的材料', PNG)
    expect(unknown.status).toBe(422)
    expect(unknown.body.error).toMatchObject({
      code: 'MATERIAL_NOT_ASKED',
      fields: { materialName: expect.any(String) },
    })
    // what the platform supplies is never asked for
    expect((await upload(applicant, id, '营业执照', PNG)).body.error.code).toBe('MATERIAL_NOT_ASKED')
    expect((await upload(outsider, id, '经营场所平面图', PNG)).status).toBe(404)

    const file = await applicant.get(`${APPS}/${id}/materials/${ok.body.id}/file`)
    expect(file.status).toBe(200)
    expect((await handler.get(`${APPS}/${id}/materials/${ok.body.id}/file`)).status).toBe(200)
    expect((await outsider.get(`${APPS}/${id}/materials/${ok.body.id}/file`)).status).toBe(404)

    const removed = await applicant.request('DELETE', `${APPS}/${id}/materials/${ok.body.id}`)
    expect(removed.status).toBe(200)
    expect((await applicant.get(`${APPS}/${id}/form`)).body.materials[3]).toMatchObject({
      state: 'missing',
      files: [],
    })
    expect(await auditActions(id)).toEqual([
      'application.open',
      'application.material_upload',
      'application.material_remove',
    ])
  })

  it('reuses a file given before for the same material, only with consent (一次提交)', async () => {
    const first = await openDraft()
    const given = await upload(applicant, first, '食品经营许可申请书', PDF, '申请书.pdf')
    expect(given.status).toBe(201)
    const uploadId = (
      await t.deps.db
        .selectFrom('application_materials')
        .select('upload_id')
        .where('id', '=', given.body.id)
        .executeTakeFirstOrThrow()
    ).upload_id!

    const second = await openDraft()
    const offered = (await applicant.get(`${APPS}/${second}/form`)).body.reusable
    expect(offered).toEqual([
      expect.objectContaining({ uploadId, materialName: '食品经营许可申请书', fileName: '申请书.pdf' }),
    ])

    const noConsent = await applicant.post(`${APPS}/${second}/materials/reuse`, {
      materialName: '食品经营许可申请书',
      uploadId,
      consent: false,
    })
    expect(noConsent.status).toBe(422)
    expect(noConsent.body.error).toMatchObject({
      code: 'MATERIAL_REUSE_CONSENT_REQUIRED',
      fields: { consent: expect.any(String) },
    })
    // not for another material, and not for another enterprise
    const otherMaterial = await applicant.post(`${APPS}/${second}/materials/reuse`, {
      materialName: '经营场所平面图',
      uploadId,
      consent: true,
    })
    expect(otherMaterial.status).toBe(404)
    const theirEnterprise = (await buildEnterprise(t)).id
    const stranger = await signInEnterprise(
      t,
      (await buildEnterpriseUser(t, { enterpriseIds: [theirEnterprise] })).phone,
    )
    const theirDraft = await stranger.post(APPS, { enterpriseId: theirEnterprise, matterId })
    const theirFile = await upload(stranger, theirDraft.body.id, '食品经营许可申请书', PDF, '他们的.pdf')
    const theirUploadId = (
      await t.deps.db
        .selectFrom('application_materials')
        .select('upload_id')
        .where('id', '=', theirFile.body.id)
        .executeTakeFirstOrThrow()
    ).upload_id!
    const notOurs = await applicant.post(`${APPS}/${second}/materials/reuse`, {
      materialName: '食品经营许可申请书',
      uploadId: theirUploadId,
      consent: true,
    })
    expect(notOurs.status).toBe(404)

    const reused = await applicant.post(`${APPS}/${second}/materials/reuse`, {
      materialName: '食品经营许可申请书',
      uploadId,
      consent: true,
    })
    expect(reused.status).toBe(201)
    expect(reused.body).toMatchObject({ source: 'reused', fileName: '申请书.pdf' })
    const row = await t.deps.db
      .selectFrom('application_materials')
      .select(['consented', 'source'])
      .where('id', '=', reused.body.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ consented: true, source: 'reused' })
  })
})

describe('the submission check', () => {
  it('lists every bad field and every missing material at once, then passes and records what the platform gave', async () => {
    const id = await openDraft()
    await applicant.request('PUT', `${APPS}/${id}/form`, {
      data: { ...FILLED, premisesArea: -1, sellsOnline: true, staff: [{ name: '赵四', post: '厨师' }] },
    })
    const refused = await runCheck(id).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).code).toBe('APPLICATION_INCOMPLETE')
    expect(Object.keys((refused as AppError).fields!).sort()).toEqual(
      ['materials.1', 'materials.3', 'onlinePlatform', 'premisesArea', 'staff.0.healthCertificateNo'].sort(),
    )
    expect((refused as AppError).fields!['materials.1']).toContain('食品经营许可申请书')

    await applicant.request('PUT', `${APPS}/${id}/form`, { data: FILLED })
    await upload(applicant, id, '食品经营许可申请书', PDF, '申请书.pdf')
    await upload(applicant, id, '经营场所平面图', PNG)
    await runCheck(id)
    const rows = await t.deps.db
      .selectFrom('application_materials')
      .select(['material_name', 'source', 'certificate_id'])
      .where('application_id', '=', id)
      .orderBy('material_name')
      .execute()
    expect(rows.map((r) => [r.material_name, r.source, r.certificate_id !== null]).sort()).toEqual(
      [
        ['营业执照', 'platform', false],
        ['食品经营许可申请书', 'upload', false],
        ['食品经营许可证（副本）', 'certificate', true],
        ['经营场所平面图', 'upload', false],
      ].sort(),
    )
    // checked twice (a retried submission): nothing recorded twice
    await runCheck(id)
    const count = await t.deps.db
      .selectFrom('application_materials')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('application_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(4)
  })

  it('asks nothing of an application filed before the catalogue', async () => {
    // opened before migration 0034: no matter version (the API opens on a matter only since)
    const { id } = await t.deps.db
      .insertInto('applications')
      .values({
        enterprise_id: enterpriseId,
        created_by: applicantUserId,
        title: '旧办件',
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await expect(runCheck(id)).resolves.toBeUndefined()
  })
})
