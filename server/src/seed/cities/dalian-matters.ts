import type {
  MatterContentInput as MatterContent,
  MatterVariant,
} from '../../modules/services/services.schema'

/**
 * A sample of Dalian's catalogue of service matters (事项), for the demo: real matters of the city's
 * departments with their real legal bases and statutory limits (working days, counted from
 * acceptance). The promised limits are plausible commitments below the statutory ones, not Dalian's
 * published figures. A real deployment loads the province's full catalogue instead.
 */
export type SeedMatter = {
  code: string
  /** a department code of dalian.ts */
  department: string
  /** a matter listed before this one: 主项 → 子项 → 业务办理项 */
  parent: string | null
  variant: MatterVariant | null
  content: MatterContent
}

const material = (name: string, extra: { platformSupplies?: boolean; notRequiredWhen?: string } = {}) => ({
  name,
  templateFileId: null,
  platformSupplies: extra.platformSupplies ?? false,
  notRequiredWhen: extra.notRequiredWhen ?? null,
})
/** The business licence: the platform reads it from the registry, so nobody uploads it. */
const LICENCE = material('营业执照', { platformSupplies: true })
const ID_CARD = material('法定代表人（负责人）身份证明', { platformSupplies: true })
const AGENT = material('委托代理人身份证明及授权委托书', {
  notRequiredWhen: '法定代表人（负责人）本人办理的',
})
const FREE: MatterContent['fees'] = []

/** Defaults every matter below shares unless it says otherwise. */
function matter(
  c: Pick<MatterContent, 'name' | 'implementingBody' | 'legalBasis' | 'conditions' | 'materials'> &
    Partial<MatterContent> & { statutoryLimitDays: number; promisedLimitDays: number },
): MatterContent {
  return {
    matterType: 'licence',
    fees: FREE,
    specialSteps: [],
    visitsNeeded: 0,
    onlineLevel: 'full',
    faq: [],
    // a licence is issued as an e-licence (certificates); other matters say so themselves
    certificateKind: (c.matterType ?? 'licence') === 'licence' ? 'licence' : null,
    ...c,
  }
}

const REGISTRATION_BASIS =
  '《中华人民共和国市场主体登记管理条例》第三条、第十九条；《中华人民共和国市场主体登记管理条例实施细则》'

const CATALOGUE: SeedMatter[] = [
  {
    code: 'DL-SCJGJ-0001',
    department: 'DL-SCJGJ',
    parent: null,
    variant: null,
    content: matter({
      name: '市场主体登记',
      matterType: 'confirmation',
      implementingBody: '大连市市场监督管理局',
      legalBasis: REGISTRATION_BASIS,
      conditions: '申请材料齐全、符合法定形式；名称、住所、经营范围等登记事项符合法律法规规定。',
      materials: [material('登记申请书'), ID_CARD, AGENT],
      statutoryLimitDays: 3,
      promisedLimitDays: 1,
      faq: [
        {
          question: '申请材料齐全的，能否当场登记？',
          answer: '能。申请材料齐全、符合法定形式的当场登记；不能当场登记的，在3个工作日内登记。',
        },
      ],
    }),
  },
  {
    code: 'DL-SCJGJ-0001-01',
    department: 'DL-SCJGJ',
    parent: 'DL-SCJGJ-0001',
    variant: 'new',
    content: matter({
      name: '有限责任公司设立登记',
      matterType: 'confirmation',
      implementingBody: '大连市市场监督管理局',
      legalBasis: `${REGISTRATION_BASIS}；《中华人民共和国公司法》第二十九条`,
      conditions: '有符合公司章程规定的全体股东认缴的出资额；有公司名称、住所和公司章程。',
      materials: [
        material('公司登记（备案）申请书'),
        material('公司章程'),
        material('股东的主体资格文件或者自然人身份证明'),
        material('住所使用相关文件', { notRequiredWhen: '住所已在大连市住所（经营场所）标准化登记库中的' }),
        material('法定代表人、董事、监事和高级管理人员的任职文件'),
        AGENT,
      ],
      statutoryLimitDays: 3,
      promisedLimitDays: 1,
    }),
  },
  {
    code: 'DL-SCJGJ-0001-02',
    department: 'DL-SCJGJ',
    parent: 'DL-SCJGJ-0001',
    variant: 'change',
    content: matter({
      name: '营业执照变更登记',
      matterType: 'confirmation',
      implementingBody: '大连市市场监督管理局',
      legalBasis: `${REGISTRATION_BASIS}；《中华人民共和国市场主体登记管理条例》第二十四条`,
      conditions:
        '市场主体变更登记事项的，应当自作出变更决议、决定或者法定变更事项发生之日起30日内申请变更登记。',
      materials: [
        material('变更登记申请书'),
        material('依照法律、行政法规或者章程作出的变更决议或者决定'),
        material('章程修正案', { notRequiredWhen: '变更事项不涉及章程修改的' }),
        LICENCE,
        AGENT,
      ],
      statutoryLimitDays: 3,
      promisedLimitDays: 1,
    }),
  },
  {
    code: 'DL-SCJGJ-0001-03',
    department: 'DL-SCJGJ',
    parent: 'DL-SCJGJ-0001',
    variant: 'cancellation',
    content: matter({
      name: '市场主体注销登记',
      matterType: 'confirmation',
      implementingBody: '大连市市场监督管理局',
      legalBasis: `${REGISTRATION_BASIS}；《中华人民共和国市场主体登记管理条例》第三十一条至第三十四条`,
      conditions:
        '已依法清算完毕，清偿债务；未发生债权债务或者已将债权债务清偿完结的，可以按照简易程序办理注销登记（公示期20日）。',
      materials: [material('注销登记申请书'), material('清算报告或者全体投资人承诺书'), LICENCE, AGENT],
      statutoryLimitDays: 3,
      promisedLimitDays: 1,
      specialSteps: [{ kind: 'public_notice', limitDays: 20, countsInStatutoryLimit: false }],
    }),
  },
  {
    code: 'DL-SCJGJ-0002',
    department: 'DL-SCJGJ',
    parent: null,
    variant: null,
    content: matter({
      name: '食品经营许可',
      implementingBody: '大连市市场监督管理局',
      legalBasis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》',
      conditions:
        '具有与经营的食品品种、数量相适应的经营场所和设施设备；有专职或者兼职的食品安全管理人员和保证食品安全的规章制度；仅销售预包装食品的，办理备案，无需许可。',
      materials: [
        material('食品经营许可申请书'),
        LICENCE,
        material('与食品经营相适应的主要设备设施、经营布局、操作流程等文件'),
        material('食品安全自查、从业人员健康管理、进货查验记录等保证食品安全的规章制度目录'),
        AGENT,
      ],
      statutoryLimitDays: 10,
      promisedLimitDays: 3,
      specialSteps: [{ kind: 'on_site_inspection', limitDays: 5, countsInStatutoryLimit: true }],
      visitsNeeded: 0,
      faq: [
        { question: '只卖预包装食品要办许可吗？', answer: '不需要许可，向所在地市场监督管理部门备案即可。' },
        { question: '许可证有效期多久？', answer: '食品经营许可证有效期为5年。' },
      ],
    }),
  },
  {
    code: 'DL-SCJGJ-0003',
    department: 'DL-SCJGJ',
    parent: null,
    variant: null,
    content: matter({
      name: '药品零售企业经营许可',
      implementingBody: '大连市市场监督管理局',
      legalBasis: '《中华人民共和国药品管理法》第五十一条、第五十二条；《药品经营和使用质量监督管理办法》',
      conditions:
        '有依法经过资格认定的药师或者其他药学技术人员；有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境；有保证药品质量的规章制度。',
      materials: [
        material('药品经营许可证申请表'),
        LICENCE,
        material('执业药师注册证及身份证明'),
        material('营业场所、仓库平面布置图及房屋产权或者使用权证明'),
        material('药品质量管理制度文件目录'),
      ],
      statutoryLimitDays: 15,
      promisedLimitDays: 8,
      specialSteps: [{ kind: 'on_site_inspection', limitDays: 10, countsInStatutoryLimit: true }],
      visitsNeeded: 1,
      onlineLevel: 'partial',
    }),
  },
  {
    code: 'DL-SCJGJ-0004',
    department: 'DL-SCJGJ',
    parent: null,
    variant: null,
    content: matter({
      name: '特种设备使用登记',
      matterType: 'other_power',
      implementingBody: '大连市市场监督管理局',
      legalBasis: '《中华人民共和国特种设备安全法》第三十三条；《特种设备使用登记规则》（TSG 08-2017）',
      conditions: '特种设备在投入使用前或者投入使用后30日内，使用单位向登记机关申请办理使用登记。',
      materials: [
        material('特种设备使用登记表'),
        LICENCE,
        material('特种设备产品合格证'),
        material('特种设备监督检验证明', { notRequiredWhen: '按照规定不需要监督检验的' }),
        material('定期检验报告', { notRequiredWhen: '新设备首次登记的' }),
      ],
      statutoryLimitDays: 15,
      promisedLimitDays: 3,
    }),
  },
  {
    code: 'DL-SCJGJ-0005',
    department: 'DL-SCJGJ',
    parent: null,
    variant: null,
    content: matter({
      name: '食品小作坊登记',
      matterType: 'other_power',
      implementingBody: '大连市市场监督管理局',
      legalBasis: '《中华人民共和国食品安全法》第三十六条；《辽宁省食品安全条例》',
      conditions: '有固定的生产加工场所，生产条件符合食品安全要求；从业人员持有有效健康证明。',
      materials: [
        material('食品小作坊登记申请书'),
        LICENCE,
        material('生产加工场所平面图和工艺流程图'),
        material('从业人员健康证明'),
      ],
      statutoryLimitDays: 10,
      promisedLimitDays: 5,
      specialSteps: [{ kind: 'on_site_inspection', limitDays: 5, countsInStatutoryLimit: true }],
      visitsNeeded: 1,
      onlineLevel: 'partial',
    }),
  },
  {
    code: 'DL-WJW-0001',
    department: 'DL-WJW',
    parent: null,
    variant: null,
    content: matter({
      name: '公共场所卫生许可',
      implementingBody: '大连市卫生健康委员会',
      legalBasis: '《公共场所卫生管理条例》第八条；《公共场所卫生管理条例实施细则》第二十二条至第二十四条',
      conditions:
        '住宿、沐浴、美容美发、游泳场所等公共场所的卫生设施、空气质量、水质等符合国家卫生标准和卫生要求。',
      materials: [
        material('公共场所卫生许可申请表'),
        LICENCE,
        material('公共场所地址方位示意图、平面图和卫生设施平面布局图'),
        material('公共场所卫生检测或者评价报告'),
        material('公共场所卫生管理制度'),
      ],
      statutoryLimitDays: 20,
      promisedLimitDays: 5,
      specialSteps: [{ kind: 'on_site_inspection', limitDays: 5, countsInStatutoryLimit: true }],
      onlineLevel: 'partial',
    }),
  },
  {
    code: 'DL-ZJJ-0001',
    department: 'DL-ZJJ',
    parent: null,
    variant: null,
    content: matter({
      name: '建筑工程施工许可',
      implementingBody: '大连市住房和城乡建设局',
      legalBasis: '《中华人民共和国建筑法》第七条、第八条；《建筑工程施工许可管理办法》第四条、第五条',
      conditions:
        '依法应当办理用地批准手续的已经办理；已经取得建设工程规划许可证；施工场地已经基本具备施工条件；已经确定施工企业；有满足施工需要的资金安排、施工图纸及技术资料。',
      materials: [
        material('建筑工程施工许可证申请表'),
        material('建设工程规划许可证', { platformSupplies: true }),
        material('中标通知书或者直接发包批准文件'),
        material('施工图设计文件审查合格书', { platformSupplies: true }),
        material('建设资金已经落实承诺书'),
      ],
      statutoryLimitDays: 7,
      promisedLimitDays: 1,
      faq: [
        {
          question: '工程投资额较小的也要办施工许可吗？',
          answer: '工程投资额在30万元以下或者建筑面积在300平方米以下的建筑工程，可以不申请办理施工许可证。',
        },
      ],
    }),
  },
  {
    code: 'DL-ZRZYJ-0001',
    department: 'DL-ZRZYJ',
    parent: null,
    variant: null,
    content: matter({
      name: '建设工程规划许可',
      implementingBody: '大连市自然资源局',
      legalBasis: '《中华人民共和国城乡规划法》第四十条；《中华人民共和国行政许可法》第四十二条',
      conditions: '已取得建设用地规划许可或者国有土地使用权；建设工程设计方案符合控制性详细规划和规划条件。',
      materials: [
        material('建设工程规划许可申请表'),
        material('使用土地的有关证明文件', { platformSupplies: true }),
        material('建设工程设计方案总平面图'),
      ],
      statutoryLimitDays: 20,
      promisedLimitDays: 5,
      specialSteps: [{ kind: 'public_notice', limitDays: 7, countsInStatutoryLimit: false }],
      onlineLevel: 'partial',
    }),
  },
  {
    code: 'DL-JTJ-0001',
    department: 'DL-JTJ',
    parent: null,
    variant: null,
    content: matter({
      name: '道路货物运输经营许可',
      implementingBody: '大连市交通运输局',
      legalBasis: '《中华人民共和国道路运输条例》第二十一条、第二十四条；《道路货物运输及站场管理规定》',
      conditions:
        '有与其经营业务相适应并经检测合格的车辆；有符合规定条件的驾驶人员；有健全的安全生产管理制度。',
      materials: [
        material('道路货物运输经营申请表'),
        LICENCE,
        material('车辆技术等级评定和车辆行驶证'),
        material('驾驶人员从业资格证'),
        material('安全生产管理制度文本'),
      ],
      statutoryLimitDays: 20,
      promisedLimitDays: 5,
    }),
  },
  {
    code: 'DL-STHJJ-0001',
    department: 'DL-STHJJ',
    parent: null,
    variant: null,
    content: matter({
      name: '排污许可',
      implementingBody: '大连市生态环境局',
      legalBasis: '《排污许可管理条例》第十五条；《排污许可管理办法》',
      conditions:
        '依法取得建设项目环境影响评价文件审批意见或者按照规定完成备案；污染物排放符合排放标准和重点污染物排放总量控制要求。',
      materials: [
        material('排污许可证申请表'),
        material('自行监测方案'),
        material('由排污单位法定代表人或者主要负责人签字或者盖章的承诺书'),
        material('建设项目环境影响评价文件审批文号', { notRequiredWhen: '按照规定不需要环境影响评价的' }),
      ],
      statutoryLimitDays: 30,
      promisedLimitDays: 15,
      onlineLevel: 'full',
    }),
  },
  {
    code: 'DL-STHJJ-0001-01',
    department: 'DL-STHJJ',
    parent: 'DL-STHJJ-0001',
    variant: null,
    content: matter({
      name: '排污许可（实行重点管理）',
      implementingBody: '大连市生态环境局',
      legalBasis: '《排污许可管理条例》第十五条；《固定污染源排污许可分类管理名录》',
      conditions: '列入排污许可重点管理名录的排污单位。',
      materials: [material('排污许可证申请表'), material('自行监测方案'), material('承诺书')],
      statutoryLimitDays: 30,
      promisedLimitDays: 15,
      // 条例 第十五条: 30 days, 45 when the site must be inspected: the inspection adds up to 15
      specialSteps: [{ kind: 'on_site_inspection', limitDays: 15, countsInStatutoryLimit: false }],
    }),
  },
  {
    code: 'DL-STHJJ-0001-02',
    department: 'DL-STHJJ',
    parent: 'DL-STHJJ-0001',
    variant: null,
    content: matter({
      name: '排污许可（实行简化管理）',
      implementingBody: '大连市生态环境局',
      legalBasis: '《排污许可管理条例》第十五条；《固定污染源排污许可分类管理名录》',
      conditions: '列入排污许可简化管理名录的排污单位。',
      materials: [material('排污许可证申请表'), material('承诺书')],
      statutoryLimitDays: 20,
      promisedLimitDays: 10,
    }),
  },
  {
    code: 'DL-SWJ-0001',
    department: 'DL-SWJ',
    parent: null,
    variant: null,
    content: matter({
      name: '取水许可',
      implementingBody: '大连市水务局',
      legalBasis: '《中华人民共和国水法》第七条、第四十八条；《取水许可和水资源费征收管理条例》第二十条',
      conditions: '符合水资源规划和用水总量控制指标；已进行建设项目水资源论证。',
      materials: [
        material('取水许可申请书'),
        material('建设项目水资源论证报告书'),
        material('与第三者利害关系的相关说明', { notRequiredWhen: '取水不影响第三者权益的' }),
      ],
      statutoryLimitDays: 45,
      promisedLimitDays: 15,
      specialSteps: [{ kind: 'expert_review', limitDays: 15, countsInStatutoryLimit: false }],
      visitsNeeded: 1,
      onlineLevel: 'partial',
    }),
  },
  {
    code: 'DL-RSJ-0001',
    department: 'DL-RSJ',
    parent: null,
    variant: null,
    content: matter({
      name: '人力资源服务许可（职业中介活动）',
      implementingBody: '大连市人力资源和社会保障局',
      legalBasis: '《人力资源市场暂行条例》第十八条、第十九条；《人力资源服务机构管理规定》',
      conditions:
        '有明确的章程和管理制度；有开展业务必备的固定场所、办公设施和开办资金；有2名以上具有相应从业能力的专职工作人员。',
      materials: [
        material('人力资源服务许可申请书'),
        LICENCE,
        material('经营场所使用证明'),
        material('专职工作人员的基本情况说明'),
        material('工作规则和管理制度'),
      ],
      statutoryLimitDays: 20,
      promisedLimitDays: 5,
    }),
  },
  {
    code: 'DL-CGJ-0001',
    department: 'DL-CGJ',
    parent: null,
    variant: null,
    content: matter({
      name: '城市道路占用、挖掘许可',
      implementingBody: '大连市城市管理局',
      legalBasis: '《城市道路管理条例》第二十九条至第三十三条',
      conditions:
        '因工程建设确需挖掘或者临时占用城市道路的，须经市政工程行政主管部门和公安交通管理部门批准。',
      materials: [
        material('城市道路占用、挖掘申请表'),
        material('施工方案、占用挖掘位置图'),
        material('交通疏导方案及公安交通管理部门意见'),
      ],
      fees: [
        { name: '城市道路挖掘修复费', amount: '按修复工程量计收', basis: '《城市道路管理条例》第三十三条' },
        { name: '城市道路占用费', amount: '按占用面积和时间计收', basis: '《城市道路管理条例》第三十七条' },
      ],
      statutoryLimitDays: 20,
      promisedLimitDays: 5,
      specialSteps: [{ kind: 'on_site_inspection', limitDays: 3, countsInStatutoryLimit: true }],
      visitsNeeded: 1,
      onlineLevel: 'partial',
    }),
  },
  {
    code: 'DL-CGJ-0002',
    department: 'DL-CGJ',
    parent: null,
    variant: null,
    content: matter({
      name: '户外广告设施设置许可',
      implementingBody: '大连市城市管理局',
      legalBasis: '《城市市容和环境卫生管理条例》第十一条；《中华人民共和国广告法》第四十一条',
      conditions: '符合户外广告设施设置规划和技术规范；设施结构安全，不影响市容、交通和消防安全。',
      materials: [
        material('户外广告设施设置申请表'),
        LICENCE,
        material('设置位置图、效果图'),
        material('场地使用权证明或者与产权人签订的协议'),
        material('大型设施结构安全设计文件', { notRequiredWhen: '设施面积小于规定规模的' }),
      ],
      statutoryLimitDays: 20,
      promisedLimitDays: 5,
    }),
  },
  {
    code: 'DL-WLJ-0001',
    department: 'DL-WLJ',
    parent: null,
    variant: null,
    content: matter({
      name: '娱乐场所经营许可',
      implementingBody: '大连市文化和旅游局',
      legalBasis: '《娱乐场所管理条例》第九条、第十一条',
      conditions: '娱乐场所的使用面积、消防、环境保护等符合国家规定；不在居民楼、学校周边等禁止设立的区域。',
      materials: [
        material('娱乐场所经营许可申请书'),
        LICENCE,
        material('法定代表人、主要负责人、投资人无犯罪记录的书面声明'),
        material('营业场所平面图、使用权证明'),
      ],
      statutoryLimitDays: 20,
      promisedLimitDays: 10,
      specialSteps: [
        { kind: 'on_site_inspection', limitDays: 5, countsInStatutoryLimit: true },
        { kind: 'hearing', limitDays: 10, countsInStatutoryLimit: false },
      ],
      visitsNeeded: 1,
      onlineLevel: 'partial',
    }),
  },
  {
    code: 'DL-WLJ-0002',
    department: 'DL-WLJ',
    parent: null,
    variant: null,
    content: matter({
      name: '旅行社业务经营许可',
      implementingBody: '大连市文化和旅游局',
      legalBasis: '《旅行社条例》第六条、第七条',
      conditions: '有固定的经营场所、必要的营业设施，并按规定缴纳质量保证金。',
      materials: [
        material('旅行社业务经营许可申请书'),
        LICENCE,
        material('经营场所证明'),
        material('营业设施证明'),
      ],
      statutoryLimitDays: 20,
      promisedLimitDays: 5,
    }),
  },
  {
    code: 'DL-YJJ-0001',
    department: 'DL-YJJ',
    parent: null,
    variant: null,
    content: matter({
      name: '危险化学品经营许可',
      implementingBody: '大连市应急管理局',
      legalBasis: '《危险化学品安全管理条例》第三十四条、第三十五条；《危险化学品经营许可证管理办法》',
      conditions:
        '有符合国家标准、行业标准的经营场所，储存危险化学品的还应有符合规定的储存设施；从业人员经过专业技术培训并考核合格；有健全的安全管理规章制度和事故应急救援预案。',
      materials: [
        material('危险化学品经营许可证申请书'),
        LICENCE,
        material('安全生产规章制度和岗位操作规程目录'),
        material('主要负责人、安全生产管理人员的安全生产知识和管理能力考核合格证明'),
        material('事故应急救援预案'),
      ],
      statutoryLimitDays: 30,
      promisedLimitDays: 10,
      specialSteps: [{ kind: 'on_site_inspection', limitDays: 10, countsInStatutoryLimit: true }],
      visitsNeeded: 1,
      onlineLevel: 'partial',
    }),
  },
]

/**
 * How each matter is handled, beside what its guide says: the certificate an approval issues
 * where it is not an e-licence by default, materials that may follow acceptance (容缺受理:
 * management rules and the like, never what the decision rests on), a matter two departments
 * handle together, and review stages where the default two steps (审查 → 审批) are not enough.
 */
const HANDLING: Record<string, Partial<MatterContent>> = {
  // 设立 and 变更 issue the business licence; 注销 issues nothing
  'DL-SCJGJ-0001': { certificateKind: 'licence' },
  'DL-SCJGJ-0001-01': { certificateKind: 'licence' },
  'DL-SCJGJ-0001-02': { certificateKind: 'licence' },
  'DL-SCJGJ-0002': {
    toleranceMaterials: ['食品安全自查、从业人员健康管理、进货查验记录等保证食品安全的规章制度目录'],
  },
  'DL-SCJGJ-0003': { toleranceMaterials: ['药品质量管理制度文件目录'] },
  // 特种设备使用登记证, 食品小作坊登记证
  'DL-SCJGJ-0004': { certificateKind: 'other' },
  'DL-SCJGJ-0005': { certificateKind: 'other' },
  'DL-WJW-0001': { toleranceMaterials: ['公共场所卫生管理制度'] },
  'DL-JTJ-0001': { toleranceMaterials: ['安全生产管理制度文本'] },
  'DL-RSJ-0001': { toleranceMaterials: ['工作规则和管理制度'] },
  // 城市道路管理条例 第三十三条: 市政工程 and 公安交通管理 departments both approve a dig
  'DL-CGJ-0001': { jointHandling: true },
  // the water-resources demonstration is read by two reviewers side by side before the head decides
  'DL-SWJ-0001': {
    reviewSteps: [
      { key: 'intake_review', name: '材料审查', role: 'handler', stage: 1 },
      { key: 'water_resources', name: '水资源论证审查', role: 'handler', stage: 2 },
      { key: 'third_party', name: '第三者权益影响审查', role: 'handler', stage: 2 },
      { key: 'approve', name: '审批', role: 'department_head', stage: 3 },
    ],
  },
}

export const DALIAN_MATTERS: SeedMatter[] = CATALOGUE.map((m) => ({
  ...m,
  content: { ...m.content, ...HANDLING[m.code] },
}))
