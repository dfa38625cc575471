import { rngFor, type Rng } from './prng'

/**
 * Realistic enterprise appeals for Dalian, deterministic from a seed: which department really
 * handles each one, the category the enterprise picked (often not that department's), and a
 * Chinese title and text built from per-department vocabularies. The noise is deliberate, so that
 * routing accuracy is not trivially 100 %: enterprises pick a vague or wrong category (~15 %),
 * texts mix in another department's matter, some are genuinely ambiguous between two departments,
 * and some say nothing specific at all.
 */
export type DepartmentProfile = {
  code: string
  /** how the enterprise names it, sometimes, in the text */
  alias: string
  /** share of the city's appeals */
  weight: number
  /** categories enterprises file this department's matters under */
  categories: readonly (readonly [string, number])[]
  topics: readonly string[]
  issues: readonly string[]
}

/** Vocabulary lists are written space-separated (no Chinese word here contains a space). */
const list = (words: string) => words.split(' ')

export const DEPARTMENT_PROFILES: readonly DepartmentProfile[] = [
  {
    code: 'DL-SCJGJ',
    alias: '市场监管局',
    weight: 12,
    categories: [
      ['market_registration', 9],
      ['approval', 1],
    ],
    topics: list(
      '营业执照 经营范围变更 食品经营许可证 企业名称变更登记 股权变更登记 简易注销 经营异常名录 信用修复 特种设备检验 计量器具检定 商标注册 产品质量抽检 广告审查 医疗器械经营备案 个体工商户转企业 住所登记',
    ),
    issues: list(
      '登记窗口说住所证明不符合要求 被列入经营异常名录后一直移不出来 食品经营许可现场核查迟迟没人来 电梯年检排不上号 抽检结果有异议申请复检没人受理 网上登记系统总是提示材料不合规 名称预先核准被驳回但没说明理由',
    ),
  },
  {
    code: 'DL-TAX',
    alias: '税务局',
    weight: 11,
    categories: [
      ['tax', 9],
      ['financing', 0.5],
      ['policy_benefits', 0.5],
    ],
    topics: list(
      '留抵退税 增值税专用发票 出口退税 发票额度 电子税务局 个税汇算 研发费用加计扣除 税务注销 纳税信用等级 房产税 城镇土地使用税 税收优惠备案 数电发票 跨区域涉税事项报告 印花税 企业所得税汇算清缴',
    ),
    issues: list(
      '退税款申请两个多月还没有到账 发票额度不够用申请提额被拒 电子税务局申报时系统报错 纳税信用被评为C级但不知道原因 税务专管员要求补缴滞纳金但依据不清 出口退税函调回函太慢 税控设备注销后数电发票无法开具',
    ),
  },
  {
    code: 'DL-ZJJ',
    alias: '住建局',
    weight: 8,
    categories: [
      ['construction', 9],
      ['approval', 1],
    ],
    topics: list(
      '施工许可证 竣工验收备案 消防验收 商品房预售许可 建筑业企业资质 农民工工资保证金 物业管理 工程质量监督 施工图审查 安全生产许可证延续 建筑工地扬尘 燃气工程验收 二次供水设施 房屋网签备案',
    ),
    issues: list(
      '施工许可证申请材料齐全却一直不批 消防验收被要求整改但标准前后不一 竣工验收备案卡在质监站 资质延续系统一直显示审核中 农民工工资保证金一直退不回来 施工图审查意见反复变 预售资金监管账户资金拨付太慢',
    ),
  },
  {
    code: 'DL-RSJ',
    alias: '人社局',
    weight: 8,
    categories: [
      ['labour', 9],
      ['policy_benefits', 1],
    ],
    topics: list(
      '稳岗返还 就业补贴 劳动仲裁 工伤认定 职称评审 养老保险关系转移 技能培训补贴 失业保险 社会保险登记 高校毕业生见习补贴 人力资源服务许可 劳务派遣许可 一次性扩岗补助 用工招聘',
    ),
    issues: list(
      '稳岗返还资金公示后一直没有发放 员工工伤认定超过法定时限还没结论 劳动仲裁立案后迟迟不开庭 社保关系转移接续办不下来 招用高校毕业生的补贴申请被退回 职称评审材料被退回却没说明原因 技能培训补贴申报系统打不开',
    ),
  },
  {
    code: 'DL-CGJ',
    alias: '城管局',
    weight: 6,
    categories: [
      ['utilities', 8],
      ['law_enforcement', 1],
      ['other', 1],
    ],
    topics: list(
      '供暖 占道经营 户外广告设置 门头牌匾 渣土运输 道路挖掘许可 市政设施 垃圾清运 路灯 违章建筑 燃气供应 城市绿化 停车场 集中供热管网',
    ),
    issues: list(
      '园区冬季供暖温度一直不达标 门头牌匾被要求拆除但没有书面依据 道路挖掘许可办了一个月还没批 厂区门口垃圾长期无人清运 燃气管道接入迟迟不给开通 周边违章建筑影响企业正常出入 执法人员要求撤除户外广告但之前已审批',
    ),
  },
  {
    code: 'DL-SWJ',
    alias: '水务局',
    weight: 3,
    categories: [
      ['utilities', 8],
      ['environment', 1],
      ['other', 1],
    ],
    topics: list('供水 自来水水压 停水 排水许可 取水许可 污水管网接入 水费 防汛 用水指标 供水管网改造'),
    issues: list(
      '厂区自来水水压长期偏低影响生产 排水许可证到期换证一直办不下来 频繁停水也不提前通知 污水管网接入申请半年没有答复 取水许可延续被要求重新论证 水费计量有误多收费用',
    ),
  },
  {
    code: 'DL-ZRZYJ',
    alias: '自然资源局',
    weight: 5,
    categories: [
      ['land_planning', 9],
      ['construction', 1],
    ],
    topics: list(
      '不动产登记 不动产权证 土地出让 建设用地规划许可 建设工程规划许可 容积率调整 用地预审 测绘成果 闲置土地认定 土地证分割 规划条件核实 林地使用',
    ),
    issues: list(
      '厂房建成多年不动产权证一直办不下来 土地出让合同约定的配套条件没有落实 规划许可审批卡在专家论证环节 不动产登记要求补充历史材料无法提供 土地被认定为闲置但原因是政府规划调整 规划条件核实迟迟不出具意见',
    ),
  },
  {
    code: 'DL-STHJJ',
    alias: '生态环境局',
    weight: 4,
    categories: [
      ['environment', 9],
      ['approval', 1],
    ],
    topics: list(
      '环评审批 排污许可证 危险废物处置 环保督察整改 噪声扰民 扬尘治理 在线监测设备 重污染天气限产 污水排放标准 碳排放配额 VOCs治理',
    ),
    issues: list(
      '环评报告提交后一直没有批复 排污许可证变更申请被退回 危险废物处置单位收费过高且排队时间长 环保督察要求停产整改期限太短 重污染天气一律限产没有区分绩效等级 在线监测数据异常被处罚但设备是第三方运维',
    ),
  },
  {
    code: 'DL-CZJ',
    alias: '财政局',
    weight: 5,
    categories: [
      ['financing', 5],
      ['government_integrity', 4],
      ['policy_benefits', 1],
    ],
    topics: list(
      '政府采购 财政补贴资金 贷款贴息 政府性融资担保 专项资金拨付 政府采购合同款 工程款结算 中小企业发展资金 财政评审',
    ),
    issues: list(
      '政府采购项目验收合格后货款一直拖欠 已经公示的补贴资金迟迟没有拨付 贷款贴息申请提交半年没有消息 政府投资项目工程款拖欠两年 财政评审结论和合同约定金额差距很大 融资担保申请被要求额外反担保',
    ),
  },
  {
    code: 'DL-GXJ',
    alias: '工信局',
    weight: 5,
    categories: [
      ['policy_benefits', 8],
      ['financing', 1],
      ['other', 1],
    ],
    topics: list(
      '专精特新 技术改造补贴 惠企政策兑现 工业用电 数字化转型 首台套保险补偿 小升规奖励 中小企业公共服务 工业互联网 智能制造示范 有序用电',
    ),
    issues: list(
      '专精特新企业奖励资金一直没有兑现 技改项目验收通过但补贴迟迟不到位 小升规奖励申报后没有任何反馈 有序用电期间企业被限电严重影响订单 惠企政策申报条件解读前后不一 首台套保险补偿申请被退回',
    ),
  },
  {
    code: 'DL-KJJ',
    alias: '科技局',
    weight: 4,
    categories: [
      ['innovation', 9],
      ['policy_benefits', 1],
    ],
    topics: list(
      '高新技术企业认定 科技型中小企业评价 研发投入后补助 科技成果转化 人才公寓 科技企业孵化器 技术合同登记 重点研发计划 外国人来华工作许可 科技创新券 新型研发机构',
    ),
    issues: list(
      '高新技术企业认定被否决但专家意见不公开 研发投入后补助资金两年没有到账 外国专家工作许可延期办不下来 人才公寓申请排了一年还没分到 科技计划项目结题验收迟迟不组织 科技创新券兑付流程太复杂',
    ),
  },
  {
    code: 'DL-HG',
    alias: '海关',
    weight: 4,
    categories: [
      ['trade_port', 9],
      ['other', 1],
    ],
    topics: list(
      '进口通关 出口报关 货物查验 关税 AEO认证 保税仓库 原产地证书 退运 冷链进口 跨境电商零售进口 加工贸易手册 检验检疫',
    ),
    issues: list(
      '进口货物查验时间太长产生大量滞港费 出口报关单被退回要求补充资料 AEO认证申请受理后没有进展 原产地证书签发慢影响客户清关 加工贸易手册核销一直办不完 冷链货物检测等待时间过长',
    ),
  },
  {
    code: 'DL-SWUJ',
    alias: '商务局',
    weight: 3,
    categories: [
      ['trade_port', 6],
      ['policy_benefits', 2],
      ['approval', 2],
    ],
    topics: list(
      '外贸发展资金 外商投资企业 对外贸易经营者备案 跨境电商综试区 展会补贴 单用途预付卡 二手车交易 商业网点规划 出口信用保险 服务外包',
    ),
    issues: list(
      '参加境外展会的补贴申请迟迟不批 外贸发展资金申报结果一直没公布 外商投资信息报告系统无法提交 出口信用保险保费补贴没有兑现 预付卡备案要求的保证金过高',
    ),
  },
  {
    code: 'DL-SFJ',
    alias: '司法局',
    weight: 2,
    categories: [
      ['law_enforcement', 8],
      ['other', 2],
    ],
    topics: list(
      '行政处罚 涉企执法检查 重复检查 行政复议 首违不罚 处罚裁量基准 公证 法律援助 执法人员资格 包容审慎监管',
    ),
    issues: list(
      '同一事项一个月内被多个部门重复检查 轻微违法首次被发现就顶格处罚 申请行政复议超过期限没有决定 执法人员未出示证件就进厂检查 处罚决定书送达程序不合法',
    ),
  },
  {
    code: 'DL-YJJ',
    alias: '应急局',
    weight: 2,
    categories: [
      ['safety_emergency', 8],
      ['approval', 1],
      ['law_enforcement', 1],
    ],
    topics: list(
      '安全生产许可证 危险化学品经营许可 安全生产检查 隐患整改 应急预案备案 烟花爆竹经营 停产整顿 安全评价 特种作业操作证 粉尘防爆',
    ),
    issues: list(
      '危化品经营许可证换证被要求重新安评 安全检查后整改完毕复查迟迟不来 被要求停产整顿但没有书面通知 特种作业操作证考试排期太久 应急预案备案被退回多次',
    ),
  },
  {
    code: 'DL-YSJ',
    alias: '营商局',
    weight: 5,
    categories: [
      ['approval', 7],
      ['other', 3],
    ],
    topics: list(
      '政务服务大厅 一网通办 审批时限 窗口服务态度 帮办代办 一件事一次办 12345热线 电子证照 证明材料 容缺受理 并联审批',
    ),
    issues: list(
      '政务服务大厅窗口工作人员态度生硬 一网通办平台提交后显示异常 承诺的即办事项实际办了好几天 要求开具的证明材料根本开不出来 帮办代办专员联系不上 热线转办后没有任何回复',
    ),
  },
  {
    code: 'DL-FGW',
    alias: '发改委',
    weight: 3,
    categories: [
      ['approval', 4],
      ['construction', 3],
      ['policy_benefits', 2],
      ['other', 1],
    ],
    topics: list(
      '项目备案 项目核准 节能审查 重点项目 电价政策 招标投标 社会信用修复 专项债券项目 价格收费 能耗指标',
    ),
    issues: list(
      '固定资产投资项目备案一直提交不成功 节能审查被要求补充能耗指标来源 招标文件设置排斥民营企业的条件 重点项目的要素保障承诺没有落实 信用中国上的行政处罚信息修复不了 能耗指标不足导致项目无法开工',
    ),
  },
  {
    code: 'DL-GAJ',
    alias: '公安局',
    weight: 2,
    categories: [
      ['approval', 4],
      ['other', 4],
      ['innovation', 2],
    ],
    topics: list(
      '户籍迁入 人才落户 印章刻制 出入境证件 货车通行证 治安管理 经济犯罪 居住证 外国人居留许可 危险物品运输通行',
    ),
    issues: list(
      '引进人才落户手续跑了好几次还没办好 货车进城通行证申请被拒 公司印章刻制备案要等一周 外籍员工居留许可延期办不下来 报案后一直没有立案',
    ),
  },
  {
    code: 'DL-JTJ',
    alias: '交通局',
    weight: 3,
    categories: [
      ['approval', 3],
      ['other', 4],
      ['utilities', 2],
      ['trade_port', 1],
    ],
    topics: list(
      '道路运输经营许可 道路运输证 超限运输许可 网约车运输证 公交线路 港口经营许可 物流园区道路 客运班线 货运车辆年审 航道',
    ),
    issues: list(
      '道路运输证年审办理时间太长 超限运输许可网上申请一直不通过 园区没有公交线路员工上下班困难 港口经营许可变更材料要求过多 物流园区门口道路破损严重',
    ),
  },
  {
    code: 'DL-WJW',
    alias: '卫健委',
    weight: 2,
    categories: [
      ['market_registration', 4],
      ['approval', 4],
      ['other', 2],
    ],
    topics: list(
      '医疗机构执业许可 公共场所卫生许可 职业病危害 诊所备案 医师执业注册 托育机构备案 消毒产品 放射诊疗许可 健康证',
    ),
    issues: list(
      '诊所备案提交后一直没有回执 公共场所卫生许可证延续要求重新检测 医师多点执业注册办不下来 托育机构备案标准不明确 职业病危害检测机构收费不合理',
    ),
  },
  {
    code: 'DL-YBJ',
    alias: '医保局',
    weight: 2,
    categories: [
      ['labour', 6],
      ['other', 3],
      ['approval', 1],
    ],
    topics: list(
      '医保定点 医保结算 异地就医 医保报销 药品集中采购 门诊统筹 医保缴费基数 长期护理保险 医保目录',
    ),
    issues: list(
      '药店申请医保定点评估一直没结果 医保结算回款周期太长 员工异地就医备案办不了 集采中选药品配送不及时 医保基金结算被扣款没有说明',
    ),
  },
  {
    code: 'DL-WLJ',
    alias: '文旅局',
    weight: 2,
    categories: [
      ['approval', 4],
      ['market_registration', 3],
      ['policy_benefits', 2],
      ['other', 1],
    ],
    topics: list(
      '旅行社经营许可 营业性演出许可 A级景区评定 网吧 文旅消费券 民宿 娱乐场所经营许可 星级饭店评定 导游证',
    ),
    issues: list(
      '营业性演出审批时间太长错过档期 文旅消费券核销资金迟迟没有结算 民宿备案标准各区不一样 娱乐场所许可证变更要求重新验收 旅行社质量保证金退不回来',
    ),
  },
  {
    code: 'DL-HYJ',
    alias: '海洋局',
    weight: 1.5,
    categories: [
      ['land_planning', 5],
      ['other', 4],
      ['environment', 1],
    ],
    topics: list('海域使用权 水域滩涂养殖证 渔船 海洋牧场 围海养殖 渔港 海参养殖 远洋渔业 海砂'),
    issues: list(
      '海域使用权证到期续期一直办不下来 养殖证换发要求提供的材料无法取得 渔船更新改造补贴没有到位 海洋牧场项目审批流程太长 渔港停泊收费不合理',
    ),
  },
  {
    code: 'DL-NYNCJ',
    alias: '农业农村局',
    weight: 1.5,
    categories: [
      ['other', 5],
      ['policy_benefits', 3],
      ['land_planning', 2],
    ],
    topics: list(
      '种子生产经营许可 农药经营许可 设施农业用地 农机购置补贴 动物防疫条件合格证 兽药经营许可 家庭农场 畜禽养殖 农产品质量检测 高标准农田',
    ),
    issues: list(
      '农机购置补贴申请一年多还没发 设施农业用地备案被乡镇卡住 动物防疫条件合格证审核太慢 畜禽养殖场被划入禁养区没有补偿 农药经营许可证延续被退回',
    ),
  },
  {
    code: 'DL-JYJ',
    alias: '教育局',
    weight: 1,
    categories: [
      ['other', 6],
      ['approval', 3],
      ['innovation', 1],
    ],
    topics: list('民办学校办学许可 校外培训机构 职工子女入学 幼儿园 职业院校校企合作 人才子女入学'),
    issues: list(
      '引进人才的子女入学问题一直没有落实 民办学校办学许可证年检要求不明确 校外培训机构资金监管账户解冻太慢 职工子女就近入学学位不足',
    ),
  },
  {
    code: 'DL-MZJ',
    alias: '民政局',
    weight: 1,
    categories: [
      ['approval', 5],
      ['other', 5],
    ],
    topics: ['社会组织登记', '养老机构备案', '行业协会', '地名命名', '殡葬服务', '养老服务补贴', '社区服务'],
    issues: list(
      '养老机构备案后运营补贴迟迟不发 行业协会换届登记办理太慢 新建小区地名命名审批一直没结果 社会组织年检被退回',
    ),
  },
  {
    code: 'DL-GJZ',
    alias: '甘井子区政府',
    weight: 2,
    categories: [
      ['government_integrity', 4],
      ['land_planning', 3],
      ['other', 3],
    ],
    topics: list(
      '甘井子区招商引资承诺 甘井子区厂房租赁 甘井子区征地拆迁补偿 甘井子区园区配套 甘井子区街道 甘井子区产业扶持资金',
    ),
    issues: list(
      '区里招商时承诺的扶持政策一直没有兑现 拆迁补偿款拖了三年还没付清 园区道路和管网配套迟迟不建 街道要求企业搬迁但没有安置方案 区政府承诺的厂房租金减免没有落实',
    ),
  },
  {
    code: 'DL-JZ',
    alias: '金州区政府',
    weight: 2,
    categories: [
      ['government_integrity', 4],
      ['land_planning', 3],
      ['other', 3],
    ],
    topics: list(
      '金州区招商引资承诺 金州区厂房租赁 金州区征地拆迁补偿 金州区园区配套 金州区街道 金州区产业扶持资金',
    ),
    issues: list(
      '区里招商时承诺的土地价格优惠没有兑现 征地补偿协议签了两年还没执行 园区供电配套工程一拖再拖 开发区管委会承诺的奖励资金不给了 厂房租赁合同到期被要求大幅涨价',
    ),
  },
]

/** Category → department, the seeded cold-start table (DL: 'other' goes to the fallback owner, the bureau). */
export const CATEGORY_DEFAULT: Record<string, string> = {
  approval: 'DL-YSJ',
  market_registration: 'DL-SCJGJ',
  tax: 'DL-TAX',
  construction: 'DL-ZJJ',
  land_planning: 'DL-ZRZYJ',
  environment: 'DL-STHJJ',
  labour: 'DL-RSJ',
  utilities: 'DL-CGJ',
  financing: 'DL-CZJ',
  policy_benefits: 'DL-GXJ',
  innovation: 'DL-KJJ',
  trade_port: 'DL-HG',
  law_enforcement: 'DL-SFJ',
  government_integrity: 'DL-CZJ',
  safety_emergency: 'DL-YJJ',
  other: 'DL-YSJ',
}
export const CATEGORIES = Object.keys(CATEGORY_DEFAULT)

const DISTRICTS = [
  '中山区',
  '西岗区',
  '沙河口区',
  '甘井子区',
  '旅顺口区',
  '金州区',
  '普兰店区',
  '瓦房店',
  '庄河',
  '长海县',
  '高新区',
  '金普新区',
  '保税区',
]
const PARKS = [
  '大连高新技术产业园区',
  '金普新区',
  '大连保税区',
  '长兴岛经济区',
  '花园口经济区',
  '旅顺经济开发区',
  '双D港',
  '小窑湾',
]
const INDUSTRIES = [
  '机械制造',
  '软件开发',
  '餐饮',
  '物流',
  '外贸',
  '建筑施工',
  '食品加工',
  '精细化工',
  '装备制造',
  '商贸零售',
  '水产加工',
  '医药',
  '电子商务',
  '汽车零部件',
  '港口物流',
  '文化旅游',
  '海参养殖',
  '新材料',
  '集成电路',
  '跨境电商',
]
const WHEN = [
  '今年3月',
  '上个月',
  '两个月前',
  '去年年底',
  '半年前',
  '今年年初',
  '上周',
  '8月份',
  '春节前',
  '三个多月前',
]
const GENERIC_ISSUES = [
  '至今没有结果',
  '多次打电话询问都没有明确答复',
  '窗口让我们反复补充材料',
  '承诺的办理时限早已超过',
  '网上系统一直显示审核中',
  '不同工作人员说法不一致',
  '要求提供的证明材料太多',
  '来回跑了好几趟也没办成',
  '一直说在走流程',
  '被告知要等上级部门意见',
]
const IMPACTS = [
  '严重影响企业正常生产经营。',
  '企业资金周转非常困难。',
  '项目无法按期推进。',
  '已经造成了不小的经济损失。',
  '员工意见很大。',
  '错过了客户的订单交付期。',
  '企业经营压力很大。',
  '',
]
const ASKS = [
  '恳请尽快协调解决。',
  '希望相关部门尽快给予答复。',
  '请帮助协调办理。',
  '希望能够依法依规处理。',
  '盼复。',
  '请领导关注。',
  '希望给企业一个明确的说法。',
]
const TITLE_TAILS = [
  '办理慢',
  '迟迟未办结',
  '无人答复',
  '问题',
  '办理遇阻',
  '反复补材料',
  '进度缓慢',
  '诉求',
  '申请被退回',
  '久拖不决',
]
const VAGUE_TITLES = ['问题一直没人管', '企业诉求反映', '多次反映无果', '请求帮助', '企业办事难']
const VAGUE_BODIES = [
  '我们企业遇到的问题反映了很久一直没人管，打了好几次电话都说不归他们管，希望尽快给个说法。',
  '公司的事情跑了好几个部门，每个部门都说要找别的部门，到现在也不知道该找谁，请帮忙协调。',
  '之前反映过的问题到现在还没有解决，工作人员一直推脱，企业实在等不起了。',
  '企业经营中遇到了困难，相关手续一直办不下来，希望政府能帮忙协调一下。',
]

export type GeneratedAppeal = {
  title: string
  body: string
  categoryCode: string
  /** the department that really handles it (what routing should predict) */
  departmentCode: string
  kind: 'clear' | 'mixed' | 'ambiguous' | 'vague'
}

const DEPARTMENT_WEIGHTS = DEPARTMENT_PROFILES.map((d) => [d, d.weight] as const)

function describe(rng: Rng, d: DepartmentProfile, topic: string, withAlias: boolean): string {
  const issue = rng.chance(0.55) ? rng.pick(d.issues) : `${topic}${rng.pick(GENERIC_ISSUES)}`
  const where = withAlias ? `向${d.alias}` : rng.chance(0.5) ? '' : '向有关部门'
  return `${rng.pick(WHEN)}${where}申请办理${topic}，${issue}，`
}

export function generateAppeal(seed: number, index: number): GeneratedAppeal {
  const rng = rngFor(seed, index)
  const department = rng.weighted(DEPARTMENT_WEIGHTS)
  const roll = rng.next()
  const kind: GeneratedAppeal['kind'] =
    roll < 0.05 ? 'vague' : roll < 0.1 ? 'ambiguous' : roll < 0.22 ? 'mixed' : 'clear'
  // The category the enterprise picks: usually the one it associates with the matter, sometimes
  // the catch-all "other", sometimes simply a wrong one.
  const c = rng.next()
  const categoryCode =
    c < 0.1 ? 'other' : c < 0.15 ? rng.pick(CATEGORIES) : rng.weighted(department.categories)

  if (kind === 'vague') {
    return {
      title: rng.pick(VAGUE_TITLES),
      body: rng.pick(VAGUE_BODIES),
      categoryCode,
      departmentCode: department.code,
      kind,
    }
  }
  const topic = rng.pick(department.topics)
  const intro = rng.weighted([
    [`我公司是位于${rng.pick(DISTRICTS)}的一家${rng.pick(INDUSTRIES)}企业，`, 4],
    [`我们是${rng.pick(PARKS)}内的${rng.pick(INDUSTRIES)}企业，`, 3],
    [`我司于${rng.int(2008, 2025)}年在${rng.pick(DISTRICTS)}注册成立，主要从事${rng.pick(INDUSTRIES)}，`, 2],
    ['', 2],
  ])
  let body = intro + describe(rng, department, topic, rng.chance(0.25))
  let handler = department
  if (kind === 'mixed' || kind === 'ambiguous') {
    const other = rng.weighted(DEPARTMENT_WEIGHTS)
    const otherTopic = rng.pick(other.topics)
    if (kind === 'mixed') body += `另外${otherTopic}也遇到一些问题，`
    else {
      // Two matters of equal weight: the task force could reasonably have sent it to either.
      body += `同时${describe(rng, other, otherTopic, false)}`
      if (rng.chance(0.5)) handler = other
    }
  }
  if (rng.chance(0.35)) body += `${rng.pick(department.topics)}方面也一直没有进展，`
  body += rng.pick(IMPACTS) + rng.pick(ASKS)
  const title = rng.chance(0.2)
    ? rng.pick(department.issues).slice(0, 24)
    : `${topic}${rng.pick(TITLE_TAILS)}`
  return { title, body, categoryCode, departmentCode: handler.code, kind }
}

export function generateAppeals(seed: number, count: number): GeneratedAppeal[] {
  return Array.from({ length: count }, (_, i) => generateAppeal(seed, i))
}
