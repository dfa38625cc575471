import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDepartment, signInAs } from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'

/**
 * The editor's side of the catalogue through HTTP on a real database: the handling fields of a
 * version and their refusals, the editor's tree and versions, and the xlsx export and import.
 */
const BASE = '/api/v1/services/matters'

let t: TestApp
let department: { id: string; code: string }
let other: { id: string; code: string }
let handler: TestClient
let outsider: TestClient
let enterprise: TestClient
let anonymous: TestClient
beforeAll(async () => {
  t = await createTestApp()
  department = await buildDepartment(t)
  other = await buildDepartment(t)
  handler = await signInAs(t, 'handler', { departmentId: department.id })
  outsider = await signInAs(t, 'department_head', { departmentId: other.id })
  enterprise = await signInAs(t, 'enterprise')
  anonymous = t.anonymous()
})
afterAll(() => t.close())

const content = {
  name: '取水许可',
  matterType: 'licence',
  implementingBody: '测试水务局',
  legalBasis: '《取水许可和水资源费征收管理条例》第二十条',
  conditions: '已进行建设项目水资源论证。',
  materials: [
    { name: '取水许可申请书', templateFileId: null, platformSupplies: false, notRequiredWhen: null },
    { name: '营业执照', templateFileId: null, platformSupplies: true, notRequiredWhen: null },
    {
      name: '与第三者利害关系的相关说明',
      templateFileId: null,
      platformSupplies: false,
      notRequiredWhen: '取水不影响第三者权益的',
    },
  ],
  fees: [{ name: '水资源费', amount: '按取水量计收', basis: '《取水许可和水资源费征收管理条例》' }],
  statutoryLimitDays: 45,
  promisedLimitDays: 15,
  specialSteps: [{ kind: 'expert_review', limitDays: 15, countsInStatutoryLimit: false }],
  visitsNeeded: 1,
  onlineLevel: 'partial',
  faq: [{ question: '论证报告谁来编？', answer: '可自行编制或委托有能力的单位编制。' }],
  reviewSteps: [
    { key: 'review', name: '审查', role: 'handler', stage: 1 },
    { key: 'expert_a', name: '专家意见甲', role: 'handler', stage: 2 },
    { key: 'expert_b', name: '专家意见乙', role: 'handler', stage: 2 },
    { key: 'approve', name: '审批', role: 'department_head', stage: 3 },
  ],
  formSchema: { schema: { type: 'object', properties: { waterVolume: { type: 'number' } } }, ui: {} },
  instantConditions: null,
  toleranceMaterials: ['与第三者利害关系的相关说明'],
  jointHandling: true,
  certificateKind: 'licence',
}

let counter = 0
const code = () => `ED-${Date.now().toString(36)}-${++counter}`
async function create(client: TestClient, body: Record<string, unknown> = {}) {
  return client.post(BASE, {
    code: code(),
    departmentId: department.id,
    parentId: null,
    variant: null,
    content,
    ...body,
  })
}

/** A request whose answer is a file: the harness reads answers as text. */
async function download(client: TestClient, path: string): Promise<ExcelJS.Workbook> {
  const res = await client.download(path)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toContain('spreadsheetml')
  const book = new ExcelJS.Workbook()
  await book.xlsx.load((await res.arrayBuffer()) as never)
  return book
}

async function upload(client: TestClient, book: ExcelJS.Workbook) {
  const form = new FormData()
  form.set('file', new File([new Uint8Array(await book.xlsx.writeBuffer())], 'catalogue.xlsx'))
  return client.post(`${BASE}/import`, form)
}

function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  let found = -1
  sheet.getRow(1).eachCell((cell, col) => {
    if (cell.value === header) found = col
  })
  expect(found).toBeGreaterThan(0)
  return found
}
function rowOf(sheet: ExcelJS.Worksheet, matterCode: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined
  sheet.eachRow((row) => {
    if (row.getCell(1).value === matterCode) found = row
  })
  expect(found).toBeDefined()
  return found!
}

describe('Service matter editor', () => {
  it('keeps review stages, form, 容缺 materials, joint handling and certificate; the guide shows only what an applicant needs', async () => {
    const created = await create(handler)
    expect(created.status).toBe(201)
    expect(created.body.content).toMatchObject({
      reviewSteps: content.reviewSteps,
      formSchema: content.formSchema,
      toleranceMaterials: ['与第三者利害关系的相关说明'],
      jointHandling: true,
      certificateKind: 'licence',
      instantConditions: null,
    })
    const id = created.body.matterId as string
    expect((await handler.post(`${BASE}/${id}/publish`)).status).toBe(200)
    const guide = await anonymous.get(`${BASE}/${id}`)
    expect(guide.status).toBe(200)
    expect(guide.body).toMatchObject({
      toleranceMaterials: ['与第三者利害关系的相关说明'],
      jointHandling: true,
      certificateKind: 'licence',
      isInstant: false,
      fees: content.fees,
    })
    for (const internal of ['reviewSteps', 'formSchema', 'instantConditions'])
      expect(guide.body).not.toHaveProperty(internal)
  })

  it('takes instant conditions as an object or a list, and the guide says only that it is instant', async () => {
    const conditions = [{ fact: 'registered_capital', operator: '>=', value: 0 }]
    const created = await create(handler, { content: { ...content, instantConditions: conditions } })
    expect(created.status).toBe(201)
    expect(created.body.content.instantConditions).toEqual(conditions)
    const id = created.body.matterId as string
    await handler.post(`${BASE}/${id}/publish`)
    const guide = await anonymous.get(`${BASE}/${id}`)
    expect(guide.body.isInstant).toBe(true)
    expect(JSON.stringify(guide.body)).not.toContain('registered_capital')
    const refused = await create(handler, { content: { ...content, instantConditions: 'always' } })
    expect(refused.status).toBe(400)
    expect(refused.body.error.fields).toHaveProperty(['content.instantConditions'])
  })

  it('a draft written without the handling fields gets two review steps and nothing else', async () => {
    const bare = Object.fromEntries(
      Object.entries(content).filter(
        ([k]) =>
          ![
            'reviewSteps',
            'formSchema',
            'instantConditions',
            'toleranceMaterials',
            'jointHandling',
            'certificateKind',
          ].includes(k),
      ),
    )
    const created = await create(handler, { content: bare })
    expect(created.status).toBe(201)
    expect(created.body.content).toMatchObject({
      reviewSteps: [
        { key: 'review', role: 'handler', stage: 1 },
        { key: 'approve', role: 'department_head', stage: 2 },
      ],
      formSchema: {},
      toleranceMaterials: [],
      jointHandling: false,
      certificateKind: null,
    })
  })

  it('refuses bad handling fields, listing every one', async () => {
    const refused = await create(handler, {
      content: {
        ...content,
        reviewSteps: [
          { key: 'review', name: '审查', role: 'handler', stage: 1 },
          { key: 'review', name: '复审', role: 'handler', stage: 3 },
          { key: 'boss', name: '领导', role: 'bureau_leader', stage: 1 },
        ],
        toleranceMaterials: ['营业执照', '不存在的材料'],
        certificateKind: 'diploma',
        formSchema: { schema: { type: 'array' } },
      },
    })
    expect(refused.status).toBe(400)
    expect(Object.keys(refused.body.error.fields).sort()).toEqual(
      ['content.certificateKind', 'content.formSchema', 'content.reviewSteps.2.role'].sort(),
    )
    // stages and keys are checked once every step is well formed
    const stages = await create(handler, {
      content: {
        ...content,
        reviewSteps: [
          { key: 'review', name: '审查', role: 'handler', stage: 1 },
          { key: 'review', name: '复审', role: 'handler', stage: 3 },
        ],
      },
    })
    expect(stages.status).toBe(400)
    expect(Object.keys(stages.body.error.fields).sort()).toEqual([
      'content.reviewSteps',
      'content.reviewSteps.1.key',
    ])
    // the 容缺 list is checked against the materials once the rest of the content holds
    const tolerance = await create(handler, {
      content: { ...content, toleranceMaterials: ['营业执照', '不存在的材料'] },
    })
    expect(tolerance.status).toBe(400)
    expect(Object.keys(tolerance.body.error.fields)).toEqual(['content.toleranceMaterials.1'])
    const empty = await create(handler, { content: { ...content, reviewSteps: [] } })
    expect(empty.status).toBe(400)
    expect(empty.body.error.fields).toHaveProperty(['content.reviewSteps'])
  })

  it('shows editors their department’s tree with drafts and versions; others see none of it', async () => {
    const parent = await create(handler)
    const parentId = parent.body.matterId as string
    const variant = await create(handler, { parentId, variant: 'change' })
    expect(variant.status).toBe(201)
    await handler.post(`${BASE}/${parentId}/publish`)
    await handler.put(`${BASE}/${parentId}/draft`, { ...content, promisedLimitDays: 10 })

    const tree = await handler.get(`${BASE}/editable`)
    expect(tree.status).toBe(200)
    const node = tree.body.items.find((i: { id: string }) => i.id === parentId)
    expect(node).toMatchObject({
      currentVersionNumber: 1,
      draftVersionNumber: 2,
      departmentId: department.id,
    })
    const child = tree.body.items.find((i: { id: string }) => i.id === variant.body.matterId)
    expect(child).toMatchObject({
      parentId,
      variant: 'change',
      currentVersionNumber: null,
      draftVersionNumber: 1,
    })
    expect(tree.body.items.every((i: { departmentId: string }) => i.departmentId === department.id)).toBe(
      true,
    )

    const theirs = await outsider.get(`${BASE}/editable`)
    expect(theirs.body.items.some((i: { id: string }) => i.id === parentId)).toBe(false)
    expect((await outsider.get(`${BASE}/editable?departmentId=${department.id}`)).body.items).toEqual([])

    const versions = await handler.get(`${BASE}/${parentId}/versions`)
    expect(versions.status).toBe(200)
    expect(versions.body.items.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([
      [2, 'draft'],
      [1, 'published'],
    ])
    const first = versions.body.items[1].id as string
    const one = await handler.get(`${BASE}/${parentId}/versions/${first}`)
    expect(one.body).toMatchObject({ number: 1, content: { promisedLimitDays: 15 } })
    expect((await outsider.get(`${BASE}/${parentId}/versions`)).status).toBe(404)
    expect((await outsider.get(`${BASE}/${parentId}/versions/${first}`)).status).toBe(404)
    expect((await enterprise.get(`${BASE}/editable`)).status).toBe(403)
    expect((await anonymous.get(`${BASE}/editable`)).status).toBe(401)
  })
})

describe('Catalogue workbook', () => {
  it('round trip: what is exported imports as unchanged; an edit becomes a draft, a new row a new matter', async () => {
    const own = await buildDepartment(t)
    const editor = await signInAs(t, 'department_head', { departmentId: own.id })
    const parentCode = code()
    const parent = await editor.post(BASE, {
      code: parentCode,
      departmentId: own.id,
      parentId: null,
      variant: null,
      content,
    })
    const parentId = parent.body.matterId as string
    const child = await editor.post(BASE, {
      code: `${parentCode}-01`,
      departmentId: own.id,
      parentId,
      variant: 'renewal',
      content: { ...content, name: '取水许可延续', toleranceMaterials: [], certificateKind: null },
    })
    expect(child.status).toBe(201)
    await editor.post(`${BASE}/${parentId}/publish`)

    const book = await download(editor, `${BASE}/export.xlsx`)
    const sheet = book.getWorksheet('事项')!
    expect(sheet.rowCount).toBe(3)
    expect(book.getWorksheet('材料')!.rowCount).toBe(1 + 2 * content.materials.length)

    const same = await upload(editor, book)
    expect(same.status).toBe(200)
    expect(same.body).toEqual({ created: [], updated: [], unchanged: [parentCode, `${parentCode}-01`] })
    expect((await editor.get(`${BASE}/${parentId}/draft`)).status).toBe(409)

    const template = rowOf(sheet, parentCode)
    template.getCell(columnOf(sheet, '承诺办结时限（工作日）')).value = 12
    const added = sheet.addRow([])
    template.eachCell((cell, col) => {
      added.getCell(col).value = cell.value
    })
    added.getCell(columnOf(sheet, '事项编码')).value = `${parentCode}-02`
    added.getCell(columnOf(sheet, '上级事项编码')).value = parentCode
    added.getCell(columnOf(sheet, '业务办理项类型')).value = 'cancellation'
    added.getCell(columnOf(sheet, '容缺材料（JSON）')).value = '[]'
    const changed = await upload(editor, book)
    expect(changed.status).toBe(200)
    expect(changed.body).toEqual({
      created: [`${parentCode}-02`],
      updated: [parentCode],
      unchanged: [`${parentCode}-01`],
    })

    const draft = await editor.get(`${BASE}/${parentId}/draft`)
    expect(draft.body).toMatchObject({ number: 2, content: { ...content, promisedLimitDays: 12 } })
    expect((await anonymous.get(`${BASE}/${parentId}`)).body.promisedLimitDays).toBe(15)
  })

  it('refuses a workbook with bad rows as a whole, listing each row and column', async () => {
    const own = await buildDepartment(t)
    const editor = await signInAs(t, 'handler', { departmentId: own.id })
    const existing = code()
    await editor.post(BASE, { code: existing, departmentId: own.id, parentId: null, variant: null, content })
    const book = await download(editor, `${BASE}/export.xlsx`)
    const sheet = book.getWorksheet('事项')!
    const materials = book.getWorksheet('材料')!
    const template = rowOf(sheet, existing)
    const copy = (newCode: string) => {
      const row = sheet.addRow([])
      template.eachCell((cell, col) => {
        row.getCell(col).value = cell.value
      })
      row.getCell(1).value = newCode
      // a copied row has no materials of its own, so none can be 容缺
      row.getCell(columnOf(sheet, '容缺材料（JSON）')).value = '[]'
      return row
    }
    const good = code()
    copy(good)
    copy(code()).getCell(columnOf(sheet, '承诺办结时限（工作日）')).value = 60
    copy(code()).getCell(columnOf(sheet, '收费（JSON）')).value = '[{"name":'
    copy(code()).getCell(columnOf(sheet, '部门编码')).value = other.code
    copy(code()).getCell(columnOf(sheet, '部门编码')).value = 'NO-SUCH-DEPT'
    copy(existing)
    materials.getRow(2).getCell(columnOf(materials, '由平台提供')).value = '也许'
    materials.addRow(['NO-SUCH-MATTER', '某材料', '否', '', ''])

    const refused = await upload(editor, book)
    expect(refused.status).toBe(400)
    expect(refused.body.error.code).toBe('VALIDATION_FAILED')
    expect(Object.keys(refused.body.error.fields).sort()).toEqual(
      [
        'matters.4.promisedLimitDays',
        'matters.5.fees',
        'matters.6.departmentCode',
        'matters.7.departmentCode',
        'matters.8.code',
        'materials.2.platformSupplies',
        `materials.${materials.rowCount}.code`,
      ].sort(),
    )
    expect(refused.body.error.fields['matters.4.promisedLimitDays']).toContain('承诺办结时限')
    // all or nothing: the good row was not created either
    const tree = await editor.get(`${BASE}/editable`)
    expect(tree.body.items.map((i: { code: string }) => i.code)).toEqual([existing])
  })

  it('refuses what is not a workbook, and a too large one, on the file', async () => {
    const form = new FormData()
    form.set('file', new File(['code,name\n'], 'x.xlsx'))
    const refused = await handler.post(`${BASE}/import`, form)
    expect(refused.status).toBe(400)
    expect(refused.body.error.fields).toHaveProperty('file')
    const big = new FormData()
    big.set('file', new File([new Uint8Array(6 * 1024 * 1024)], 'big.xlsx'))
    const tooBig = await handler.post(`${BASE}/import`, big)
    expect([400, 413]).toContain(tooBig.status)
    expect((await enterprise.post(`${BASE}/import`, form)).status).toBe(403)
    expect((await outsider.get(`${BASE}/export.xlsx?departmentId=${department.id}`)).status).toBe(404)
  })
})
