import crypto from 'node:crypto'
import {
  buildDepartment,
  buildEnterprise,
  buildEnterpriseUser,
  signInAs,
  signInEnterprise,
} from '../../../test/factories'
import type { TestApp, TestClient } from '../../../test/harness'
import type { JsonSchema } from './bundle-forms'
import { insertTestMatter, type TestMatter } from './bundle-test-matters.queries'

/**
 * A small city for bundle tests: three departments, published matters with forms (registration,
 * seal, tax, and one whose form clashes with the seal's), the bureau's administrator, a handler of
 * the first department and one of an unrelated department, an applicant and an outsider.
 */
export type BundleWorld = {
  departments: { reg: string; seal: string; tax: string; other: string }
  matters: { reg: string; seal: string; tax: string; clash: string; unpublished: string }
  enterpriseId: string
  admin: TestClient
  handlerReg: TestClient
  handlerOther: TestClient
  applicant: TestClient
  outsider: TestClient
}

// every material supplied by the platform: the submission check (the forms work) then asks no upload
const material = (name: string, platformSupplies = true) => ({
  name,
  templateFileId: null,
  platformSupplies,
  notRequiredWhen: null,
})

const enterpriseName = { type: 'string', title: '企业名称', maxLength: 100 }

export const FORMS: Record<'reg' | 'seal' | 'tax' | 'clash', JsonSchema> = {
  reg: {
    schema: {
      type: 'object',
      properties: { enterpriseName, address: { type: 'string', title: '住所' }, capital: { type: 'number' } },
      required: ['enterpriseName', 'address'],
    },
    ui: { order: ['enterpriseName', 'address', 'capital'] },
  },
  seal: {
    schema: {
      type: 'object',
      properties: {
        enterpriseName: { ...enterpriseName, maxLength: 60 },
        sealCount: { type: 'integer', title: '印章数量', minimum: 1 },
      },
      required: ['enterpriseName', 'sealCount'],
    },
    ui: {},
  },
  tax: {
    schema: {
      type: 'object',
      properties: { enterpriseName, hasInvoices: { type: 'boolean', title: '是否领用发票' } },
    },
    ui: {},
  },
  clash: {
    schema: { type: 'object', properties: { sealCount: { type: 'string', title: '印章数量' } } },
    ui: {},
  },
}

/** A matter with one version, published (or left a draft) straight in the tables. */
export function buildMatter(
  t: TestApp,
  m: Omit<TestMatter, 'code'> & { materials?: ReturnType<typeof material>[] },
): Promise<string> {
  return insertTestMatter(t.deps.db, { ...m, code: `BT-${crypto.randomBytes(4).toString('hex')}` })
}

export async function buildBundleWorld(t: TestApp): Promise<BundleWorld> {
  const reg = (await buildDepartment(t, { name: `市场监管${crypto.randomBytes(2).toString('hex')}` })).id
  const seal = (await buildDepartment(t, { name: `公安${crypto.randomBytes(2).toString('hex')}` })).id
  const tax = (await buildDepartment(t, { name: `税务${crypto.randomBytes(2).toString('hex')}` })).id
  const other = (await buildDepartment(t)).id
  const licence = material('营业执照', true)
  const idCard = material('法定代表人身份证明', true)
  const matters = {
    reg: await buildMatter(t, {
      departmentId: reg,
      name: '公司设立登记',
      promisedLimitDays: 1,
      form: FORMS.reg,
      materials: [material('公司登记申请书'), material('公司章程'), idCard],
    }),
    seal: await buildMatter(t, {
      departmentId: seal,
      name: '公章刻制备案',
      promisedLimitDays: 1,
      form: FORMS.seal,
      materials: [licence, idCard],
    }),
    tax: await buildMatter(t, {
      departmentId: tax,
      name: '新办纳税人涉税事项',
      promisedLimitDays: 2,
      form: FORMS.tax,
      materials: [licence, material('财务负责人身份证明')],
    }),
    clash: await buildMatter(t, {
      departmentId: tax,
      name: '冲突事项',
      promisedLimitDays: 3,
      form: FORMS.clash,
    }),
    unpublished: await buildMatter(t, {
      departmentId: tax,
      name: '未发布事项',
      promisedLimitDays: 3,
      form: {},
      published: false,
    }),
  }
  const enterpriseId = (await buildEnterprise(t)).id
  const member = await buildEnterpriseUser(t, { enterpriseIds: [enterpriseId] })
  const stranger = await buildEnterpriseUser(t, { enterpriseIds: [(await buildEnterprise(t)).id] })
  return {
    departments: { reg, seal, tax, other },
    matters,
    enterpriseId,
    admin: await signInAs(t, 'admin'),
    handlerReg: await signInAs(t, 'handler', { departmentId: reg }),
    handlerOther: await signInAs(t, 'handler', { departmentId: other }),
    applicant: await signInEnterprise(t, member.phone),
    outsider: await signInEnterprise(t, stranger.phone),
  }
}

/** Creates and publishes a bundle of the matters (in order) through the API; answers its id. */
export async function publishBundle(
  w: BundleWorld,
  matterIds: string[],
  promisedLimitDays: number,
): Promise<string> {
  const created = await w.admin.post('/api/v1/services/bundles', {
    code: `B-${crypto.randomBytes(4).toString('hex')}`,
    name: '开办企业一件事（测试）',
    description: '一次申请，并联办理',
    promisedLimitDays,
    members: matterIds.map((matterId) => ({ matterId, stage: 1 })),
  })
  if (created.status !== 201) throw new Error(`bundle not created: ${JSON.stringify(created.body)}`)
  const published = await w.admin.post(`/api/v1/services/bundles/${created.body.id}/publish`)
  if (published.status !== 200) throw new Error(`bundle not published: ${JSON.stringify(published.body)}`)
  return created.body.id
}
