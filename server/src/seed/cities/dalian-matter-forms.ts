import type { FormDefinition, JsonSchema } from '../../modules/services/application-forms'

/**
 * The application forms of the demo matters (decision 0044): a JSON Schema (draft-07) with its
 * layout, by matter code. The fields follow the application forms the departments publish (食品经营
 * 许可申请书, 特种设备使用登记表, 公共场所卫生许可申请表 …), shortened to what an online form asks:
 * what the platform knows already (name, credit code, legal representative, address) is prefilled
 * from the enterprise's profile (`x-prefill`). The same property name in two matters is the same
 * question (a bundle asks it once), so shared questions are written once below.
 */

const text = (title: string, extra: Partial<JsonSchema> = {}): JsonSchema => ({
  type: 'string',
  title,
  minLength: 1,
  maxLength: 200,
  ...extra,
})
const longText = (title: string, description?: string): JsonSchema =>
  text(title, { maxLength: 2000, ...(description ? { description } : {}) })
const number = (title: string, min: number, max: number): JsonSchema => ({
  type: 'number',
  title,
  minimum: min,
  maximum: max,
})
const integer = (title: string, min: number, max: number): JsonSchema => ({
  type: 'integer',
  title,
  minimum: min,
  maximum: max,
})
const choice = (title: string, values: string[]): JsonSchema => ({ type: 'string', title, enum: values })
const choices = (title: string, values: string[]): JsonSchema => ({
  type: 'array',
  title,
  minItems: 1,
  uniqueItems: true,
  items: { type: 'string', enum: values },
})
const yesNo = (title: string): JsonSchema => ({ type: 'boolean', title })
/** A repeatable group: one row per person, vehicle, device … */
const rows = (title: string, properties: Record<string, JsonSchema>, min = 1, max = 50): JsonSchema => ({
  type: 'array',
  title,
  minItems: min,
  maxItems: max,
  items: { type: 'object', properties, required: Object.keys(properties) },
})
/** Shown and required when a question has one value (or, for several choices, contains it). */
const when = (
  property: string,
  test: unknown,
  then: Record<string, JsonSchema>,
  isChoiceList = false,
): NonNullable<JsonSchema['allOf']>[number] => ({
  if: {
    properties: { [property]: isChoiceList ? { contains: { const: test } } : { const: test } },
    required: [property],
  },
  then: { properties: then, required: Object.keys(then) },
})

const MOBILE_OR_FIXED = '^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$'
const USCC_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$'

// Questions several matters ask: one name, one meaning.
const applicantName = text('申请人名称', { 'x-prefill': 'enterprise.name' })
const applicantUscc = text('统一社会信用代码', { pattern: USCC_PATTERN, 'x-prefill': 'enterprise.uscc' })
const legalRepresentative = text('法定代表人（负责人）', {
  maxLength: 50,
  'x-prefill': 'enterprise.legalRepresentative',
})
const residence = text('住所', { 'x-prefill': 'enterprise.address' })
const contactName = text('经办人姓名', { maxLength: 50 })
// exported: the bundles' own matters ask it too, and a bundle merges only identical questions
export const contactPhone = text('联系电话', {
  pattern: MOBILE_OR_FIXED,
  'x-prefill': 'enterprise.contactPhone',
})
const premises = text('经营场所', { description: '与营业执照登记的住所不一致时，填写实际经营地址' })
const premisesArea = number('经营场所面积（平方米）', 1, 100000)
const staff = rows('从业人员', {
  name: text('姓名', { maxLength: 50 }),
  post: text('岗位', { maxLength: 50 }),
  healthCertificateNo: text('健康证明编号', { maxLength: 50 }),
})
const APPLICANT = { applicantName, applicantUscc, legalRepresentative, residence }
const CONTACT = { contactName, contactPhone }
const APPLICANT_SECTION = {
  title: '申请人',
  fields: [
    'applicantName',
    'applicantUscc',
    'legalRepresentative',
    'residence',
    'contactName',
    'contactPhone',
  ],
}

function form(
  properties: Record<string, JsonSchema>,
  sections: { title: string; fields: string[] }[],
  options: {
    conditions?: NonNullable<JsonSchema['allOf']>
    optional?: string[]
    ui?: Record<string, unknown>
  } = {},
): FormDefinition {
  const all = { ...APPLICANT, ...CONTACT, ...properties }
  return {
    schema: {
      type: 'object',
      properties: all,
      required: Object.keys(all).filter((k) => !(options.optional ?? []).includes(k)),
      ...(options.conditions ? { allOf: options.conditions } : {}),
    },
    ui: { sections: [APPLICANT_SECTION, ...sections], ...options.ui },
  }
}

export const DALIAN_MATTER_FORMS: Record<string, FormDefinition> = {
  // 有限责任公司设立登记
  'DL-SCJGJ-0001-01': form(
    {
      companyName: text('拟设立公司名称'),
      registeredCapital: number('注册资本（万元）', 0.01, 10000000),
      businessScope: longText('经营范围', '按《经营范围规范表述目录》选择填写'),
      hasBoard: yesNo('是否设董事会'),
      shareholders: rows('股东（发起人）', {
        name: text('股东名称或姓名'),
        kind: choice('股东类型', ['自然人', '企业法人', '其他组织']),
        idNumber: text('证件号码', { maxLength: 30 }),
        subscribed: number('认缴出资额（万元）', 0.01, 10000000),
        method: choice('出资方式', ['货币', '实物', '知识产权', '土地使用权', '股权']),
      }),
    },
    [
      { title: '公司基本情况', fields: ['companyName', 'registeredCapital', 'businessScope', 'hasBoard'] },
      { title: '股东出资', fields: ['shareholders'] },
    ],
    {
      conditions: [
        when('hasBoard', true, { boardMembers: integer('董事人数', 3, 13) }),
        when('hasBoard', false, { soleDirector: text('董事姓名', { maxLength: 50 }) }),
      ],
      optional: ['applicantName', 'applicantUscc', 'legalRepresentative', 'residence'],
      ui: { businessScope: { widget: 'textarea' } },
    },
  ),
  // 营业执照变更登记
  'DL-SCJGJ-0001-02': form(
    {
      changes: choices('变更事项', ['名称', '住所', '法定代表人', '注册资本', '经营范围']),
      decisionDate: text('作出变更决议（决定）日期', { format: 'date' }),
    },
    [{ title: '变更事项', fields: ['changes', 'decisionDate'] }],
    {
      conditions: [
        when('changes', '名称', { newName: text('变更后名称') }, true),
        when('changes', '住所', { newResidence: text('变更后住所') }, true),
        when(
          'changes',
          '法定代表人',
          { newLegalRepresentative: text('变更后法定代表人', { maxLength: 50 }) },
          true,
        ),
        when('changes', '注册资本', { newCapital: number('变更后注册资本（万元）', 0.01, 10000000) }, true),
        when('changes', '经营范围', { newScope: longText('变更后经营范围') }, true),
      ],
      ui: { newScope: { widget: 'textarea' } },
    },
  ),
  // 食品经营许可
  'DL-SCJGJ-0002': form(
    {
      premises,
      premisesArea,
      businessForm: choice('主体业态', ['食品销售经营者', '餐饮服务经营者', '单位食堂']),
      businessItems: choices('经营项目', [
        '预包装食品销售（含冷藏冷冻食品）',
        '散装食品销售（含冷藏冷冻食品）',
        '热食类食品制售',
        '冷食类食品制售',
        '生食类食品制售',
        '自制饮品制售',
      ]),
      foodSafetyManager: text('食品安全管理人员', { maxLength: 50 }),
      sellsOnline: yesNo('是否通过网络经营'),
      staff,
    },
    [
      {
        title: '经营场所与项目',
        fields: ['premises', 'premisesArea', 'businessForm', 'businessItems', 'sellsOnline'],
      },
      { title: '人员', fields: ['foodSafetyManager', 'staff'] },
    ],
    {
      conditions: [
        when('sellsOnline', true, { onlinePlatform: text('网络经营平台或网站名称') }),
        when(
          'businessItems',
          '热食类食品制售',
          { kitchenArea: number('加工操作区面积（平方米）', 1, 100000) },
          true,
        ),
      ],
    },
  ),
  // 特种设备使用登记
  'DL-SCJGJ-0004': form(
    {
      equipmentKind: choice('设备类别', [
        '锅炉',
        '压力容器',
        '电梯',
        '起重机械',
        '场（厂）内专用机动车辆',
        '大型游乐设施',
      ]),
      equipment: rows('设备', {
        name: text('设备名称'),
        model: text('型号规格', { maxLength: 100 }),
        serialNo: text('产品编号（出厂编号）', { maxLength: 100 }),
        maker: text('制造单位'),
        location: text('使用地点'),
      }),
      safetyManager: text('安全管理员', { maxLength: 50 }),
      firstUseDate: text('投入使用日期', { format: 'date' }),
    },
    [{ title: '设备', fields: ['equipmentKind', 'equipment', 'safetyManager', 'firstUseDate'] }],
    { conditions: [when('equipmentKind', '电梯', { maintainer: text('维护保养单位') })] },
  ),
  // 食品小作坊登记
  'DL-SCJGJ-0005': form(
    {
      premises,
      premisesArea,
      products: longText('生产加工食品品种', '如：手工馒头、豆腐、鲜切面'),
      staff,
    },
    [
      { title: '生产加工场所', fields: ['premises', 'premisesArea', 'products'] },
      { title: '从业人员', fields: ['staff'] },
    ],
    { ui: { products: { widget: 'textarea' } } },
  ),
  // 公共场所卫生许可
  'DL-WJW-0001': form(
    {
      venueKind: choice('场所类别', ['住宿场所', '沐浴场所', '美容美发场所', '游泳场所', '其他公共场所']),
      venueName: text('场所名称'),
      premises,
      premisesArea,
      staff,
    },
    [
      { title: '场所', fields: ['venueKind', 'venueName', 'premises', 'premisesArea'] },
      { title: '从业人员', fields: ['staff'] },
    ],
    {
      conditions: [
        when('venueKind', '游泳场所', { poolArea: number('池水面积（平方米）', 1, 100000) }),
        when('venueKind', '住宿场所', { rooms: integer('客房数（间）', 1, 10000) }),
      ],
    },
  ),
  // 道路货物运输经营许可
  'DL-JTJ-0001': form(
    {
      transportScope: choices('申请经营范围', [
        '普通货运',
        '货物专用运输（集装箱）',
        '货物专用运输（冷藏保鲜）',
        '大型物件运输',
      ]),
      vehicles: rows('拟投入车辆', {
        plate: text('号牌号码', { maxLength: 10 }),
        vehicleType: text('车辆类型', { maxLength: 50 }),
        loadTonnes: number('核定载质量（吨）', 0.1, 200),
      }),
      drivers: rows('驾驶人员', {
        name: text('姓名', { maxLength: 50 }),
        qualificationNo: text('从业资格证号', { maxLength: 30 }),
      }),
    },
    [
      { title: '经营范围', fields: ['transportScope'] },
      { title: '车辆与人员', fields: ['vehicles', 'drivers'] },
    ],
    {
      conditions: [
        when('transportScope', '大型物件运输', { heavyCargoPlan: longText('大型物件运输方案概述') }, true),
      ],
      ui: { heavyCargoPlan: { widget: 'textarea' } },
    },
  ),
  // 娱乐场所经营许可
  'DL-WLJ-0001': form(
    {
      venueKind: choice('场所类型', ['歌舞娱乐场所', '游艺娱乐场所']),
      venueName: text('场所名称'),
      premises,
      premisesArea,
      openingHours: text('营业时间', { maxLength: 50, description: '每日 8 时至 24 时之间' }),
      staff,
    },
    [
      { title: '场所', fields: ['venueKind', 'venueName', 'premises', 'premisesArea', 'openingHours'] },
      { title: '从业人员', fields: ['staff'] },
    ],
    { conditions: [when('venueKind', '歌舞娱乐场所', { privateRooms: integer('包厢（包间）数', 0, 500) })] },
  ),
  // 人力资源服务许可（职业中介活动）
  'DL-RSJ-0001': form(
    {
      premises,
      premisesArea,
      services: choices('服务范围', [
        '为劳动者介绍用人单位',
        '为用人单位推荐劳动者',
        '组织开展现场招聘会',
        '开展网络招聘',
        '开展高级人才寻访服务',
      ]),
      professionals: rows(
        '专职工作人员',
        {
          name: text('姓名', { maxLength: 50 }),
          qualification: text('人力资源管理专业知识证明', { maxLength: 100 }),
        },
        5,
      ),
    },
    [
      { title: '服务场所与范围', fields: ['premises', 'premisesArea', 'services'] },
      { title: '专职工作人员', fields: ['professionals'] },
    ],
    { conditions: [when('services', '开展网络招聘', { website: text('网站或平台名称') }, true)] },
  ),
}
