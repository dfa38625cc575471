import type { CitySeed } from '../seed-types'

/** Space-separated lists (no keyword contains a space). */
const words = (text: string) => text.split(' ')

/**
 * Dalian's appeal catalogue: at least one category for every function of every seeded department
 * that an enterprise brings to the city, each with the department that owns it by default (the
 * cold-start route) and its usual urgency. Keywords are the words an enterprise writes about that
 * function (the names of the licences, taxes, programmes and problems), not department names: the
 * department forms are in dalian.ts. The first sixteen codes are the original catalogue (appeals
 * reference them); the rest were added so that no department is left without a category.
 * docs/decisions/0020-cold-start-routing.md says how routing uses them.
 */
export const DALIAN_APPEAL_CATEGORIES: CitySeed['appealCategories'] = [
  {
    code: 'approval',
    name: '行政审批与政务服务',
    nameEn: 'Approvals and government services',
    department: 'DL-YSJ',
    keywords: words(
      '政务服务 政务大厅 政务服务中心 一网通办 网上办事大厅 帮办代办 容缺受理 一件事一次办 办不成事 综合窗口 营商环境 推诿扯皮',
    ),
  },
  {
    code: 'market_registration',
    name: '市场准入与登记许可',
    nameEn: 'Market entry, registration and licences',
    department: 'DL-SCJGJ',
    keywords: words(
      '营业执照 执照 工商登记 设立登记 变更登记 注销登记 简易注销 经营范围 名称登记 名称核准 住所登记 经营场所 股权变更 法定代表人变更 法人变更 经营异常名录 异常名录 企业年报 个体工商户 个体户 电子营业执照 注册资本 食品经营许可',
    ),
  },
  {
    code: 'tax',
    name: '税费办理与退税',
    nameEn: 'Taxes, fees and refunds',
    department: 'DL-TAX',
    keywords: words(
      '退税 留抵 发票 增值税 所得税 个税 纳税 税款 滞纳金 电子税务局 数电票 数电发票 税控 汇算清缴 加计扣除 税收优惠 纳税信用 印花税 房产税 土地使用税 税务登记 完税证明 出口退税 税率 核定征收 税务稽查',
    ),
  },
  {
    code: 'construction',
    name: '工程建设与施工许可',
    nameEn: 'Construction projects and permits',
    department: 'DL-ZJJ',
    keywords: words(
      '施工许可 施工图 图纸审查 图审 竣工验收 联合验收 质量监督 建筑业企业资质 建筑资质 资质升级 资质延续 消防验收 消防设计审查 建设工程 工程建设项目 施工单位 监理 建筑工地 开工 预拌混凝土',
    ),
  },
  {
    code: 'land_planning',
    name: '用地与规划',
    nameEn: 'Land and planning',
    department: 'DL-ZRZYJ',
    keywords: words(
      '用地 土地出让 土地证 不动产登记 不动产权证 房产证 产权证 规划许可 建设用地规划许可 工程规划许可 规划条件 容积率 土地性质 用地审批 供地 划拨 测绘 林地 采矿权 矿山 分割登记 宗地 挂牌出让 土地手续',
    ),
  },
  {
    code: 'environment',
    name: '环境保护',
    nameEn: 'Environmental protection',
    department: 'DL-STHJJ',
    keywords: words(
      '环评 环境影响评价 排污许可 排污 污染 废水 废气 危废 危险废物 固废 环保验收 在线监测 环保检查 环保督察 挥发性有机物 VOCs 环保 异味 排放标准',
    ),
  },
  {
    code: 'labour',
    name: '用工与社会保险',
    nameEn: 'Employment and social insurance',
    department: 'DL-RSJ',
    keywords: words(
      '社保 社会保险 养老保险 失业保险 工伤 工伤认定 稳岗返还 稳岗补贴 劳动合同 劳动仲裁 劳动争议 欠薪 拖欠工资 农民工工资 工资保证金 招工 用工 就业补贴 职称 技能培训 职业技能 退休 社保卡 灵活就业 见习 人才补贴 社保补贴',
    ),
  },
  {
    code: 'utilities',
    name: '水电气暖与市政',
    nameEn: 'Water, power, gas, heating and municipal services',
    department: 'DL-CGJ',
    tier: 'fast',
    keywords: words(
      '停水 停电 供电 供水 供气 燃气 天然气 供暖 供热 暖气 水压 管网 电力 报装 接电 用电 用水 用气 排水 下水道 雨水管 污水管 电费 水费 路灯 市政 井盖 道路破损',
    ),
  },
  {
    code: 'financing',
    name: '融资与财政资金',
    nameEn: 'Financing and public funds',
    department: 'DL-CZJ',
    keywords: words(
      '贷款 融资 担保 贴息 财政资金 专项资金 资金拨付 补助资金 政府采购 采购项目 转贷 续贷 抵押 授信 财政补助',
    ),
  },
  {
    code: 'policy_benefits',
    name: '惠企政策兑现',
    nameEn: 'Policy benefits',
    department: 'DL-GXJ',
    keywords: words('惠企政策 政策兑现 奖补 扶持资金 奖励资金 免申即享 政策申报 兑现 扶持政策 补贴资金'),
  },
  {
    code: 'innovation',
    name: '科技创新与人才',
    nameEn: 'Innovation and talent',
    department: 'DL-KJJ',
    keywords: words(
      '高新技术企业 高企 科技型中小企业 研发 科技项目 科技成果 技术合同 孵化器 众创空间 人才计划 博士 海外人才 实验室 工程技术研究中心 新型研发机构 外国人来华工作许可 外国专家 雏鹰 瞪羚',
    ),
  },
  {
    code: 'trade_port',
    name: '外贸与口岸通关',
    nameEn: 'Foreign trade and customs clearance',
    department: 'DL-HG',
    keywords: words(
      '通关 报关 清关 进口 出口 报检 检验检疫 查验 关税 保税 原产地证 口岸 集装箱 AEO 进出口 提单 退运 舱单',
    ),
  },
  {
    code: 'law_enforcement',
    name: '执法检查与行政处罚',
    nameEn: 'Inspections and penalties',
    department: 'DL-SFJ',
    keywords: words(
      '行政处罚 罚款 执法检查 重复检查 多头检查 首违不罚 行政复议 公证 律师 法律援助 处罚决定 涉企检查 检查太多 执法人员 听证 行政诉讼 轻微违法',
    ),
  },
  {
    code: 'government_integrity',
    name: '政府守信与账款拖欠',
    nameEn: 'Government promises and overdue payments',
    department: 'DL-CZJ',
    tier: 'complex',
    keywords: words(
      '拖欠 欠款 账款 工程款 尾款 质保金 招商承诺 承诺的 兑现承诺 违约 失信 没兑现 不兑现 清欠 政府项目款 服务费没付',
    ),
  },
  {
    code: 'safety_emergency',
    name: '安全生产与应急',
    nameEn: 'Work safety and emergencies',
    department: 'DL-YJJ',
    tier: 'urgent',
    keywords: words(
      '安全生产 安全隐患 危险化学品 危化品 烟花爆竹 消防检查 火灾 应急预案 安全评价 安评 重大危险源 有限空间 粉尘 停产整顿 尾矿库 安全许可 爆炸 泄漏 安全检查',
    ),
  },
  {
    code: 'investment_price',
    name: '投资项目与价格收费',
    nameEn: 'Investment projects, prices and charges',
    department: 'DL-FGW',
    keywords: words(
      '项目备案 项目核准 立项 可研 可行性研究 节能审查 能评 固定资产投资 重点项目 乱收费 涉企收费 收费标准 价格 电价 水价 气价 专项债 中央预算内 信用中国 招标投标 招投标 能耗',
    ),
  },
  {
    code: 'industry_sme',
    name: '工业运行与中小企业发展',
    nameEn: 'Industry and small-business development',
    department: 'DL-GXJ',
    keywords: words(
      '专精特新 小巨人 技术改造 技改 智能制造 数字化转型 工业互联网 首台套 有序用电 限电 规上企业 规模以上 工业企业 中小企业服务 工业投资 产业链 两化融合 无线电',
    ),
  },
  {
    code: 'commerce',
    name: '商贸流通与外资外贸',
    nameEn: 'Commerce, retail, foreign investment and trade',
    department: 'DL-SWUJ',
    keywords: words(
      '外资 外商投资 外贸 对外贸易 商贸 零售 商超 超市 预付卡 展会 会展 电商 电子商务 直播带货 汽车流通 二手车 成品油 再生资源回收 拍卖 步行街 夜经济 消费券 促消费 服务外包 外贸订单 商业综合体',
    ),
  },
  {
    code: 'transport',
    name: '交通运输与物流',
    nameEn: 'Transport and logistics',
    department: 'DL-JTJ',
    keywords: words(
      '道路运输 运输许可 道路运输经营许可 营运证 道路运输证 货运 客运 网约车 出租车 公交 超限 治超 港口 码头 航运 船舶 公路 驾校 驾培 运输车辆 危货运输 班线',
    ),
  },
  {
    code: 'housing',
    name: '住房、房地产与物业',
    nameEn: 'Housing, real estate and property management',
    department: 'DL-ZJJ',
    keywords: words(
      '商品房 预售许可 预售资金 网签 物业 物业费 物业公司 业主 人才公寓 保障性住房 公租房 租赁住房 老旧小区 房地产开发 开发商 住房租赁 维修基金 维修资金 加装电梯 烂尾',
    ),
  },
  {
    code: 'city_appearance',
    name: '市容环境与户外招牌',
    nameEn: 'City appearance, signs and street use',
    department: 'DL-CGJ',
    keywords: words(
      '牌匾 招牌 门头 户外广告 广告牌 占道 外摆 摆摊 渣土 违建 违章建筑 违法建设 垃圾清运 环卫 绿化 夜间施工 油烟 店外经营 施工噪音 乱堆乱放',
    ),
  },
  {
    code: 'quality_food_ip',
    name: '产品质量、食品安全与知识产权',
    nameEn: 'Product quality, food safety and intellectual property',
    department: 'DL-SCJGJ',
    keywords: words(
      '产品质量 质量抽检 抽检 食品安全 特种设备 电梯检验 电梯年检 锅炉 压力容器 计量 检定 商标 专利 知识产权 侵权 假冒 不正当竞争 价格欺诈 广告法 认证 生产许可证 工业产品',
    ),
  },
  {
    code: 'education',
    name: '教育与子女入学',
    nameEn: 'Education and schooling',
    department: 'DL-JYJ',
    keywords: words(
      '入学 上学 子女入学 幼儿园 培训机构 校外培训 办学许可 民办学校 职业院校 职业学校 校企合作 实习生 学位 转学 学籍 教师资格 学校',
    ),
  },
  {
    code: 'public_security',
    name: '公安、户籍与出入境',
    nameEn: 'Policing, residence and travel documents',
    department: 'DL-GAJ',
    keywords: words(
      '落户 户口 户籍 居住证 身份证 出入境 签证 护照 通行证 货车通行 限行 交通违法 违章 驾驶证 行驶证 车辆登记 上牌 刻章 印章 治安 报警 盗窃 诈骗 经济犯罪 保安 特种行业 旅馆业',
    ),
  },
  {
    code: 'civil_affairs',
    name: '社会组织与养老服务',
    nameEn: 'Social organisations and elderly care',
    department: 'DL-MZJ',
    keywords: words(
      '社会组织 民办非企业 民非 社团 行业协会 基金会 养老机构 养老院 养老服务 殡葬 婚姻登记 地名 慈善 低保 社区服务 助老',
    ),
  },
  {
    code: 'water',
    name: '水利与水资源',
    nameEn: 'Water resources and waterways',
    department: 'DL-SWJ',
    keywords: words(
      '取水许可 取水 水资源 水土保持 河道 防汛 水库 水利工程 河长 入河排污口 地下水 节水 打井 洪水 水资源费 涉河',
    ),
  },
  {
    code: 'agriculture',
    name: '农业农村',
    nameEn: 'Agriculture and rural affairs',
    department: 'DL-NYNCJ',
    keywords: words(
      '农业 农机 农产品 种植 畜禽 生猪 兽药 饲料 农药 种子 合作社 家庭农场 土地流转 设施农业 大棚 高标准农田 乡村振兴 农村 樱桃 苹果园 动物防疫 屠宰',
    ),
  },
  {
    code: 'ocean_fishery',
    name: '海洋与渔业',
    nameEn: 'Marine affairs and fisheries',
    department: 'DL-HYJ',
    keywords: words(
      '海域使用 海域 用海 渔船 渔业 捕捞 海参 海水养殖 海洋牧场 渔港 海岛 岸线 围填海 扇贝 鲍鱼 休渔 养殖证 苗种',
    ),
  },
  {
    code: 'culture_tourism',
    name: '文化旅游与演出娱乐',
    nameEn: 'Culture, tourism and entertainment',
    department: 'DL-WLJ',
    keywords: words(
      '旅游 旅行社 景区 导游 演出 营业性演出 娱乐场所 KTV 网吧 文物 剧本杀 星级酒店 民宿 文旅 非遗 游客 旅游团 演唱会',
    ),
  },
  {
    code: 'health',
    name: '卫生健康与医疗机构',
    nameEn: 'Health and medical institutions',
    department: 'DL-WJW',
    keywords: words(
      '医疗机构 诊所 医院 执业许可 卫生许可 公共场所卫生 职业病 职业健康 放射 托育 医师 护士 健康证 消毒产品 医美 体检 互联网医院 母婴',
    ),
  },
  {
    code: 'medical_insurance',
    name: '医疗保障',
    nameEn: 'Medical insurance',
    department: 'DL-YBJ',
    keywords: words(
      '医保 医疗保险 医保定点 定点医疗机构 定点药店 医保结算 医保报销 异地就医 医保支付 集中采购 集采 生育保险 医保卡 门诊统筹 长期护理保险 医保基金',
    ),
  },
  {
    code: 'official_conduct',
    name: '干部作风与廉洁',
    nameEn: 'Conduct and integrity of officials',
    department: 'DL-JW',
    keywords: words('吃拿卡要 索贿 受贿 回扣 好处费 腐败 廉洁 违纪 公职人员 打招呼 请吃饭 收礼 索要'),
  },
  {
    code: 'chamber_rights',
    name: '商会服务与民营企业维权',
    nameEn: 'Chambers of commerce and private-enterprise rights',
    department: 'DL-GSL',
    keywords: words('商会 异地商会 行业商会 民营企业维权 企业维权 民营经济 非公经济 企业家权益'),
  },
  { code: 'other', name: '其他诉求', nameEn: 'Other', department: null },
]
