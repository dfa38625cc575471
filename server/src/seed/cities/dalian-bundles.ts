import type { MatterContent, MatterContentInput } from '../../modules/services/services.schema'
import { contactPhone } from './dalian-matter-forms'
import type { SeedMatter } from './dalian-matters'

/**
 * Dalian's kind of bundles (一件事一次办), for the demo: opening a business, opening a restaurant,
 * changing enterprise information, hiring an employee, closing a business — built from the matters
 * of dalian-matters.ts and, where the catalogue sample lacks one, the matters below (each of the
 * department that really handles it, with its legal basis). Promised limits are the demo's: 开办企业
 * in 1 working day follows Dalian's published practice (企业开办"一网通办"，1个工作日内办结); the
 * others are plausible commitments, each shorter than its matters one by one, not published figures.
 *
 * Forms: the added matters carry small forms (JSON Schema + layout) whose shared questions use the
 * same property names (enterpriseName, uscc, legalRepresentative, contactPhone, address …): the same
 * name in two matters is the same question, asked once in a bundle. The matters of dalian-matters.ts
 * have no form yet (the forms work gives them theirs); their questions join the bundles when it does.
 */
export type SeedBundleMatter = SeedMatter & { form: Record<string, unknown> }
export type SeedBundle = {
  code: string
  name: string
  description: string
  promisedLimitDays: number
  /** matter codes in order; `stage` 2 works from a stage-1 result (the licence) */
  members: { matter: string; stage: number }[]
}

const material = (name: string, extra: { platformSupplies?: boolean; notRequiredWhen?: string } = {}) => ({
  name,
  templateFileId: null,
  platformSupplies: extra.platformSupplies ?? false,
  notRequiredWhen: extra.notRequiredWhen ?? null,
})
const LICENCE = material('营业执照', { platformSupplies: true })
const ID_CARD = material('法定代表人（负责人）身份证明', { platformSupplies: true })

function content(
  c: Pick<
    MatterContent,
    'name' | 'matterType' | 'implementingBody' | 'legalBasis' | 'conditions' | 'materials'
  > & { statutoryLimitDays: number; promisedLimitDays: number },
): MatterContentInput {
  return { fees: [], specialSteps: [], visitsNeeded: 0, onlineLevel: 'full', faq: [], ...c }
}

// The questions several matters ask: one definition each, so they merge.
const Q = {
  // filled from the enterprise's profile (x-prefill), as the catalogue's forms do; the applicant may change them
  enterpriseName: { type: 'string', title: '企业名称', maxLength: 100, 'x-prefill': 'enterprise.name' },
  uscc: {
    type: 'string',
    title: '统一社会信用代码',
    pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$',
    'x-prefill': 'enterprise.uscc',
  },
  legalRepresentative: {
    type: 'string',
    title: '法定代表人',
    maxLength: 50,
    'x-prefill': 'enterprise.legalRepresentative',
  },
  // the catalogue forms' question, word for word (a different pattern would clash in the merged form)
  contactPhone,
  address: { type: 'string', title: '住所（经营场所）', maxLength: 200, 'x-prefill': 'enterprise.address' },
  employeeCount: { type: 'integer', title: '职工人数', minimum: 0 },
  employees: {
    type: 'array',
    title: '职工',
    minItems: 1,
    items: {
      type: 'object',
      properties: {
        name: { type: 'string', title: '姓名', maxLength: 50 },
        idNumber: { type: 'string', title: '身份证号码', pattern: '^\\d{17}[\\dX]$' },
        startDate: { type: 'string', title: '用工起始日期', format: 'date' },
      },
      required: ['name', 'idNumber', 'startDate'],
    },
  },
} as const

const form = (
  properties: Record<string, unknown>,
  required: string[],
  extra: Record<string, unknown> = {},
) => ({
  schema: { type: 'object', properties, required, ...extra },
  ui: { order: Object.keys(properties) },
})

export const DALIAN_BUNDLE_MATTERS: SeedBundleMatter[] = [
  {
    code: 'DL-GAJ-0001',
    department: 'DL-GAJ',
    parent: null,
    variant: null,
    content: content({
      name: '公章刻制备案',
      matterType: 'filing',
      implementingBody: '大连市公安局',
      legalBasis:
        '《国务院关于第三批取消中央指定地方实施行政许可事项的决定》（国发〔2017〕7号，公章刻制审批改为备案）；《印铸刻字业暂行管理规则》',
      conditions: '已取得营业执照；向具备资质的印章刻制企业申请刻制，由刻制企业向公安机关备案。',
      materials: [LICENCE, ID_CARD],
      statutoryLimitDays: 1,
      promisedLimitDays: 1,
    }),
    form: form(
      {
        enterpriseName: Q.enterpriseName,
        legalRepresentative: Q.legalRepresentative,
        sealKinds: {
          type: 'array',
          title: '刻制印章种类',
          minItems: 1,
          items: {
            type: 'string',
            enum: ['公章', '财务专用章', '发票专用章', '合同专用章', '法定代表人名章'],
          },
        },
      },
      ['enterpriseName', 'sealKinds'],
    ),
  },
  {
    code: 'DL-TAX-0001',
    department: 'DL-TAX',
    parent: null,
    variant: null,
    content: content({
      name: '新办纳税人涉税事项（信息确认、首次申领发票）',
      matterType: 'other_power',
      implementingBody: '国家税务总局大连市税务局',
      legalBasis: '《中华人民共和国税收征收管理法》第十五条；《中华人民共和国发票管理办法》第十五条',
      conditions: '已取得加载统一社会信用代码的营业执照（"多证合一"，不再另行办理税务登记）。',
      materials: [LICENCE, ID_CARD, material('财务负责人、办税人员身份证明')],
      // the tax administration's service norm for a new taxpayer's first invoices (2 working days, as
      // the demo has it): to be checked against the current State Taxation Administration notice
      statutoryLimitDays: 2,
      promisedLimitDays: 1,
    }),
    form: form(
      {
        enterpriseName: Q.enterpriseName,
        uscc: Q.uscc,
        accountingStandard: {
          type: 'string',
          title: '适用会计制度',
          enum: ['小企业会计准则', '企业会计准则', '民间非营利组织会计制度'],
        },
        needsInvoices: { type: 'boolean', title: '是否首次申领发票' },
        invoiceKind: { type: 'string', title: '发票种类', enum: ['增值税普通发票', '增值税专用发票'] },
      },
      ['enterpriseName', 'accountingStandard'],
      {
        allOf: [
          { if: { properties: { needsInvoices: { const: true } } }, then: { required: ['invoiceKind'] } },
        ],
      },
    ),
  },
  {
    code: 'DL-RSJ-0002',
    department: 'DL-RSJ',
    parent: null,
    variant: null,
    content: content({
      name: '单位社会保险登记',
      matterType: 'public_service',
      implementingBody: '大连市社会保险事业服务中心',
      legalBasis:
        '《中华人民共和国社会保险法》第五十七条（用人单位自成立之日起三十日内申请办理社会保险登记，经办机构自收到申请之日起十五日内审核）',
      conditions: '已取得营业执照的用人单位。',
      materials: [LICENCE, ID_CARD],
      statutoryLimitDays: 15,
      promisedLimitDays: 1,
    }),
    form: form(
      {
        enterpriseName: Q.enterpriseName,
        uscc: Q.uscc,
        contactPhone: Q.contactPhone,
        employeeCount: Q.employeeCount,
      },
      ['enterpriseName', 'contactPhone'],
    ),
  },
  {
    code: 'DL-SCJGJ-0006',
    department: 'DL-SCJGJ',
    parent: null,
    variant: null,
    content: content({
      name: '企业银行开户预约（开办信息推送至银行）',
      matterType: 'public_service',
      implementingBody: '大连市市场监督管理局',
      legalBasis:
        '《国务院关于取消企业银行账户许可的决定》；《企业银行结算账户管理办法》（取消许可后开户由银行办理，登记信息经企业开办平台推送，企业不再重复填报）',
      conditions: '企业选择开户银行并同意将登记信息推送至该银行；开户由银行依其规定办理。',
      materials: [LICENCE],
      statutoryLimitDays: 1,
      promisedLimitDays: 0,
    }),
    form: form(
      {
        enterpriseName: Q.enterpriseName,
        contactPhone: Q.contactPhone,
        bankName: { type: 'string', title: '预约开户银行', maxLength: 100 },
      },
      ['bankName', 'contactPhone'],
    ),
  },
  {
    code: 'DL-CGJ-0003',
    department: 'DL-CGJ',
    parent: null,
    variant: null,
    content: content({
      name: '城镇污水排入排水管网许可',
      matterType: 'licence',
      implementingBody: '大连市城市管理局',
      legalBasis: '《城镇排水与污水处理条例》第二十一条；《城镇污水排入排水管网许可管理办法》',
      conditions: '从事餐饮等活动的排水户向城镇排水设施排放污水的，应当申请领取污水排入排水管网许可证。',
      materials: [
        LICENCE,
        material('排水户内部排水管网、专用检测井、污水排放口位置图'),
        material('预处理设施（隔油池）说明'),
      ],
      statutoryLimitDays: 20,
      promisedLimitDays: 5,
    }),
    form: form(
      {
        enterpriseName: Q.enterpriseName,
        address: Q.address,
        dailyDischargeTons: { type: 'number', title: '日排水量（吨）', minimum: 0 },
        hasGreaseTrap: { type: 'boolean', title: '是否设置隔油设施' },
      },
      ['enterpriseName', 'address', 'dailyDischargeTons', 'hasGreaseTrap'],
    ),
  },
  {
    code: 'DL-TAX-0002',
    department: 'DL-TAX',
    parent: null,
    variant: null,
    content: content({
      name: '税务信息变更',
      matterType: 'other_power',
      implementingBody: '国家税务总局大连市税务局',
      legalBasis: '《中华人民共和国税收征收管理法》第十六条；《税务登记管理办法》',
      conditions: '纳税人登记内容发生变化，在市场监管部门办理变更登记后同步变更税务信息。',
      materials: [LICENCE, material('变更登记的有关证明文件')],
      statutoryLimitDays: 3,
      promisedLimitDays: 1,
    }),
    form: form(
      {
        enterpriseName: Q.enterpriseName,
        uscc: Q.uscc,
        changedItems: { type: 'string', title: '变更事项', maxLength: 500 },
      },
      ['enterpriseName', 'changedItems'],
    ),
  },
  {
    code: 'DL-RSJ-0003',
    department: 'DL-RSJ',
    parent: null,
    variant: null,
    content: content({
      name: '单位社会保险登记变更',
      matterType: 'public_service',
      implementingBody: '大连市社会保险事业服务中心',
      legalBasis: '《中华人民共和国社会保险法》第五十七条第二款',
      conditions: '用人单位的社会保险登记事项发生变更的，自变更之日起三十日内办理变更登记。',
      materials: [LICENCE],
      statutoryLimitDays: 15,
      promisedLimitDays: 1,
    }),
    form: form(
      {
        enterpriseName: Q.enterpriseName,
        changedItems: { type: 'string', title: '变更事项', maxLength: 500 },
      },
      ['enterpriseName', 'changedItems'],
    ),
  },
  {
    code: 'DL-RSJ-0004',
    department: 'DL-RSJ',
    parent: null,
    variant: null,
    content: content({
      name: '就业登记（用人单位招用人员）',
      matterType: 'public_service',
      implementingBody: '大连市公共就业服务中心',
      legalBasis:
        '《中华人民共和国就业促进法》；《就业服务与就业管理规定》第六十二条（录用之日起三十日内办理登记）',
      conditions: '用人单位招用人员后办理就业登记。',
      materials: [material('劳动合同')],
      statutoryLimitDays: 5,
      promisedLimitDays: 1,
    }),
    form: form({ enterpriseName: Q.enterpriseName, employees: Q.employees }, ['enterpriseName', 'employees']),
  },
  {
    code: 'DL-RSJ-0005',
    department: 'DL-RSJ',
    parent: null,
    variant: null,
    content: content({
      name: '职工社会保险参保登记（增员）',
      matterType: 'public_service',
      implementingBody: '大连市社会保险事业服务中心',
      legalBasis:
        '《中华人民共和国社会保险法》第五十八条第一款（自用工之日起三十日内为职工申请办理社会保险登记）',
      conditions: '用人单位已办理单位社会保险登记。',
      materials: [material('劳动合同')],
      statutoryLimitDays: 15,
      promisedLimitDays: 1,
    }),
    form: form(
      {
        enterpriseName: Q.enterpriseName,
        employees: Q.employees,
        monthlyWage: { type: 'number', title: '月缴费工资（元）', minimum: 0 },
      },
      ['enterpriseName', 'employees', 'monthlyWage'],
    ),
  },
  {
    code: 'DL-YBJ-0001',
    department: 'DL-YBJ',
    parent: null,
    variant: null,
    content: content({
      name: '职工基本医疗保险参保登记',
      matterType: 'public_service',
      implementingBody: '大连市医疗保障事务服务中心',
      legalBasis: '《中华人民共和国社会保险法》第二十三条、第五十八条；《医疗保障基金使用监督管理条例》',
      conditions: '用人单位为其职工办理职工基本医疗保险参保。',
      materials: [material('劳动合同')],
      statutoryLimitDays: 15,
      promisedLimitDays: 1,
    }),
    form: form({ enterpriseName: Q.enterpriseName, employees: Q.employees }, ['enterpriseName', 'employees']),
  },
  {
    code: 'DL-TAX-0003',
    department: 'DL-TAX',
    parent: null,
    variant: null,
    content: content({
      name: '清税申报（注销税务登记）',
      matterType: 'other_power',
      implementingBody: '国家税务总局大连市税务局',
      legalBasis:
        '《中华人民共和国税收征收管理法》第十六条；《中华人民共和国税收征收管理法实施细则》第十五条；《国家税务总局关于进一步优化办理企业税务注销程序的通知》（税总发〔2018〕149号）',
      conditions:
        '结清应纳税款、滞纳金、罚款，缴销发票。未办理过涉税事宜或符合条件的纳税人即时出具清税文书。',
      materials: [LICENCE, material('清税申报表')],
      // no period of its own in the law: 20 working days, the Administrative Licensing Law's default, as the ceiling
      statutoryLimitDays: 20,
      promisedLimitDays: 3,
    }),
    form: form(
      {
        enterpriseName: Q.enterpriseName,
        uscc: Q.uscc,
        invoicesCancelled: { type: 'boolean', title: '发票已缴销' },
      },
      ['enterpriseName', 'uscc', 'invoicesCancelled'],
    ),
  },
  {
    code: 'DL-RSJ-0006',
    department: 'DL-RSJ',
    parent: null,
    variant: null,
    content: content({
      name: '单位社会保险注销登记',
      matterType: 'public_service',
      implementingBody: '大连市社会保险事业服务中心',
      legalBasis:
        '《中华人民共和国社会保险法》第五十七条第三款（用人单位依法终止的，自终止之日起三十日内办理注销）',
      conditions: '已结清应缴社会保险费、滞纳金、罚款。',
      materials: [LICENCE],
      statutoryLimitDays: 15,
      promisedLimitDays: 1,
    }),
    form: form({ enterpriseName: Q.enterpriseName, uscc: Q.uscc }, ['enterpriseName', 'uscc']),
  },
]

export const DALIAN_BUNDLES: SeedBundle[] = [
  {
    code: 'DL-YJS-KBQY',
    name: '开办企业一件事',
    description:
      '设立登记、公章刻制、涉税事项、社保登记、银行开户预约一表申请、并联办理：执照办出后，印章、税务、社保同步办结。',
    // one by one: 1 + 1 + 1 + 1 + 0 = 4 working days; Dalian's 企业开办 promise: 1 working day
    promisedLimitDays: 1,
    members: [
      { matter: 'DL-SCJGJ-0001-01', stage: 1 },
      { matter: 'DL-GAJ-0001', stage: 2 },
      { matter: 'DL-TAX-0001', stage: 2 },
      { matter: 'DL-RSJ-0002', stage: 2 },
      { matter: 'DL-SCJGJ-0006', stage: 2 },
    ],
  },
  {
    code: 'DL-YJS-KCG',
    name: '开餐馆一件事',
    description: '营业执照、食品经营许可、店招（户外招牌）设置、污水排入排水管网许可一次申请。',
    // one by one: 1 + 3 + 5 + 5 = 14 working days
    promisedLimitDays: 5,
    members: [
      { matter: 'DL-SCJGJ-0001-01', stage: 1 },
      { matter: 'DL-SCJGJ-0002', stage: 2 },
      { matter: 'DL-CGJ-0002', stage: 2 },
      { matter: 'DL-CGJ-0003', stage: 2 },
    ],
  },
  {
    code: 'DL-YJS-QYBG',
    name: '企业信息变更一件事',
    description: '营业执照变更后，税务、社保信息同步变更，需要时一并重新刻制公章。',
    // one by one: 1 + 1 + 1 + 1 = 4 working days
    promisedLimitDays: 2,
    members: [
      { matter: 'DL-SCJGJ-0001-02', stage: 1 },
      { matter: 'DL-TAX-0002', stage: 2 },
      { matter: 'DL-RSJ-0003', stage: 2 },
      { matter: 'DL-GAJ-0001', stage: 2 },
    ],
  },
  {
    code: 'DL-YJS-ZGLY',
    name: '员工录用一件事',
    description: '就业登记、社会保险参保、医疗保险参保一次申请，职工信息只填一次。',
    // one by one: 1 + 1 + 1 = 3 working days
    promisedLimitDays: 1,
    members: [
      { matter: 'DL-RSJ-0004', stage: 1 },
      { matter: 'DL-RSJ-0005', stage: 1 },
      { matter: 'DL-YBJ-0001', stage: 1 },
    ],
  },
  {
    code: 'DL-YJS-QYZX',
    name: '企业注销一件事',
    description: '清税、社保注销与注销登记一次申请：清税与社保注销并联办理，办结后注销登记。',
    // one by one: 3 + 1 + 1 = 5 working days
    promisedLimitDays: 3,
    members: [
      { matter: 'DL-TAX-0003', stage: 1 },
      { matter: 'DL-RSJ-0006', stage: 1 },
      { matter: 'DL-SCJGJ-0001-03', stage: 2 },
    ],
  },
]
