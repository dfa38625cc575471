import { registerMessages } from '../../kernel/i18n'
import { BREADY_TOPICS, breadyScoreKey, type BreadyTopic } from './benchmark-catalogue'

/**
 * The benchmarks' texts in both languages: the indicators' names and formulas, the national and
 * B-READY names they map to, and the field messages. The formulas match docs/METRICS.md "Benchmarks".
 */
const TOPICS_ZH: Record<BreadyTopic, string> = {
  business_entry: '企业准入',
  business_location: '经营场所',
  utility_services: '公用服务接入',
  labor: '劳动就业',
  financial_services: '金融服务',
  international_trade: '国际贸易',
  taxation: '纳税',
  dispute_resolution: '解决商业纠纷',
  market_competition: '促进市场竞争',
  business_insolvency: '办理破产',
}
const TOPICS_EN: Record<BreadyTopic, string> = {
  business_entry: 'Business Entry',
  business_location: 'Business Location',
  utility_services: 'Utility Services',
  labor: 'Labor',
  financial_services: 'Financial Services',
  international_trade: 'International Trade',
  taxation: 'Taxation',
  dispute_resolution: 'Dispute Resolution',
  market_competition: 'Market Competition',
  business_insolvency: 'Business Insolvency',
}
const SCORED_PILLARS = {
  regulatory_framework: { zh: '监管框架', en: 'Regulatory Framework' },
  public_services: { zh: '公共服务', en: 'Public Services' },
} as const

/** The entered B-READY scores (pillars I and II of each topic): name, definition and source. */
function breadyScoreMessages(locale: 'zh-CN' | 'en'): Record<string, string> {
  const messages: Record<string, string> = {}
  for (const topic of BREADY_TOPICS)
    for (const pillar of ['regulatory_framework', 'public_services'] as const) {
      const key = breadyScoreKey(topic, pillar)
      const p = SCORED_PILLARS[pillar]
      if (locale === 'zh-CN') {
        messages[`benchmarks.indicator.${key}`] = `B-READY ${TOPICS_ZH[topic]}·${p.zh}得分`
        messages[`benchmarks.formula.${key}`] =
          `按世界银行 B-READY 方法论评估「${TOPICS_ZH[topic]}」专题「${p.zh}」支柱的得分（0–100 分，依据专家问卷和对法规、服务的审查）`
        messages[`benchmarks.source.${key}`] =
          '本市按 B-READY 方法论组织的自评或第三方评估报告（世界银行按经济体评分，不为单个城市打分）'
      } else {
        messages[`benchmarks.indicator.${key}`] = `B-READY ${TOPICS_EN[topic]}: ${p.en} score`
        messages[`benchmarks.formula.${key}`] =
          `Points (0–100) of the ${TOPICS_EN[topic]} topic's ${p.en} pillar, assessed by the World Bank B-READY methodology (expert questionnaires and a review of rules and services)`
        messages[`benchmarks.source.${key}`] =
          "The city's own assessment by the B-READY methodology, or a third party's (the World Bank scores economies, not single cities)"
      }
    }
  return messages
}

registerMessages('zh-CN', {
  'benchmarks.year': '年份须为 2000 至 2100 之间的整数',
  'benchmarks.value': '请填写数值',
  'benchmarks.month': '月份须为 1 至 12 的整数，或留空表示全年',
  'benchmarks.unknownIndicator': '请选择对标指标目录中的指标',
  'benchmarks.computedIndicator': '该指标由平台自动计算，只能填报对标城市的数值',
  'benchmarks.futureYear': '年份不能晚于今年',
  'benchmarks.futureMonth': '月份不能晚于本月',
  'benchmarks.futureSourceDate': '来源日期不能晚于今天',
  'benchmarks.range': '须在 {min} 至 {max} 之间（{unit}）',
  'benchmarks.unit.percent': '%',
  'benchmarks.unit.days': '天',
  'benchmarks.unit.working_days': '个工作日',
  'benchmarks.unit.hours': '小时',
  'benchmarks.unit.per_enterprise': '次/户·年',
  'benchmarks.unit.score': '分',
  'benchmarks.unit.per_10k_people': '件/万人',

  'benchmarks.indicator.zeroVisitRate': '零跑动率',
  'benchmarks.indicator.instantRate': '即办件占比',
  'benchmarks.indicator.daysToDecision': '办件平均用时',
  'benchmarks.indicator.promisedTimeUsed': '承诺时限平均使用率',
  'benchmarks.indicator.appealResolutionRate': '诉求解决率',
  'benchmarks.indicator.daysToReply': '诉求平均答复用时',
  'benchmarks.indicator.daysToCash': '政策兑现平均用时',
  'benchmarks.indicator.inspectionsPerEnterprise': '每户企业年均涉企检查次数',
  'benchmarks.indicator.arrearsDays': '拖欠企业账款平均逾期天数',
  'benchmarks.indicator.daysToStartBusiness': '开办企业时间',
  'benchmarks.indicator.daysToBuildingPermit': '社会投资项目办理建筑许可时间',
  'benchmarks.indicator.daysToRegisterProperty': '不动产登记时间',
  'benchmarks.indicator.daysToConnectElectricity': '低压小微企业获得电力时间',
  'benchmarks.indicator.daysToConnectWater': '用水报装时间',
  'benchmarks.indicator.inclusiveLoanGrowth': '普惠小微贷款余额同比增速',
  'benchmarks.indicator.exportClearanceHours': '出口整体通关时间',
  'benchmarks.indicator.taxHoursPerYear': '企业年纳税时间',
  'benchmarks.indicator.daysToEnforceContract': '执行合同时间',
  'benchmarks.indicator.insolvencyRecoveryRate': '破产案件债权回收率',
  'benchmarks.indicator.labourArbitrationDays': '劳动人事争议仲裁案件平均审理天数',
  'benchmarks.indicator.electronicBiddingRate': '招标投标全流程电子化率',
  'benchmarks.indicator.minorityInvestorScore': '保护中小投资者指标得分',
  'benchmarks.indicator.highValuePatentsPer10k': '每万人口高价值发明专利拥有量',
  'benchmarks.indicator.rdIntensity': '全社会研发经费投入强度',

  'benchmarks.formula.zeroVisitRate':
    '当期办结的办件中零跑动（未到现场）的件数 ÷ 当期办结（准予或不予）的件数',
  'benchmarks.formula.instantRate': '当期办结的即办件数 ÷ 当期办结件数',
  'benchmarks.formula.daysToDecision': 'Σ（办结时刻 − 收件时刻，自然日）÷ 当期有收件时刻的办结件数',
  'benchmarks.formula.promisedTimeUsed':
    'Σ（实际用时 ÷ 承诺用时）÷ 当期有承诺时限的办结件数；低于 100% 即提前',
  'benchmarks.formula.appealResolutionRate':
    '按首次派单月：已解决且评价为基本满意及以上的诉求 ÷ 已评价诉求（与驾驶舱解决率同口径）',
  'benchmarks.formula.daysToReply': 'Σ（答复时刻 − 首次派单时刻，自然日）÷ 当期答复的诉求数',
  'benchmarks.formula.daysToCash': 'Σ（兑付日 − 申请或确认日，自然日）÷ 当期兑付笔数',
  'benchmarks.formula.inspectionsPerEnterprise':
    '12 × 当月扫码入企的检查次数 ÷ 月末登记企业数；全年 = 全年检查次数 ÷ 各月末企业数的平均',
  'benchmarks.formula.arrearsDays': '已逾期未付的政府欠款按金额加权的平均逾期天数（按清欠台账）',
  'benchmarks.formula.daysToStartBusiness':
    '从申请设立登记到领取营业执照、刻章、申领发票、社保登记完成的工作日（全国营商环境评价口径）',
  'benchmarks.formula.daysToBuildingPermit': '社会投资一般工业项目从立项到竣工验收的审批工作日',
  'benchmarks.formula.daysToRegisterProperty': '企业间一般不动产转移登记的办理工作日',
  'benchmarks.formula.daysToConnectElectricity': '低压小微企业从申请到通电的工作日',
  'benchmarks.formula.daysToConnectWater': '从用水报装申请到通水的工作日',
  'benchmarks.formula.inclusiveLoanGrowth': '普惠小微贷款年末余额较上年末增长的百分比（人民银行口径）',
  'benchmarks.formula.exportClearanceHours': '出口货物从申报到放行的整体通关时间（海关口径）',
  'benchmarks.formula.taxHoursPerYear': '标准案例企业一年内办理纳税申报缴纳所需小时数',
  'benchmarks.formula.daysToEnforceContract': '买卖合同纠纷从起诉到执行到位的自然日',
  'benchmarks.formula.insolvencyRecoveryRate': '破产案件中债权人获得清偿的比例（%）',
  'benchmarks.formula.labourArbitrationDays':
    '当年结案的劳动人事争议仲裁案件从立案受理到结案的平均自然日（法定时限 45 日，可延长 15 日）',
  'benchmarks.formula.electronicBiddingRate':
    '当年依法必须招标的工程建设项目中实行全流程电子化招标投标的项目数 ÷ 项目总数',
  'benchmarks.formula.minorityInvestorScore':
    '全国营商环境评价中本市「保护中小投资者」一级指标的得分（0–100 分）',
  'benchmarks.formula.highValuePatentsPer10k': '年末有效高价值发明专利件数 ÷ 年末常住人口（万人）',
  'benchmarks.formula.rdIntensity': '全社会研究与试验发展（R&D）经费支出 ÷ 地区生产总值 × 100%',

  'benchmarks.source.daysToStartBusiness':
    '市场监督管理局（企业开办平台统计）；国家发展改革委营商环境评价报告',
  'benchmarks.source.daysToBuildingPermit': '住房和城乡建设局（工程建设项目审批管理系统统计）',
  'benchmarks.source.daysToRegisterProperty': '自然资源局（不动产登记中心统计）',
  'benchmarks.source.daysToConnectElectricity': '本地供电企业的报装统计；国家发展改革委营商环境评价报告',
  'benchmarks.source.daysToConnectWater': '本地供水企业的报装统计',
  'benchmarks.source.inclusiveLoanGrowth': '中国人民银行本地分支机构的金融统计',
  'benchmarks.source.exportClearanceHours': '本地直属海关的整体通关时间统计',
  'benchmarks.source.taxHoursPerYear': '税务局（标准案例测算）；国家发展改革委营商环境评价报告',
  'benchmarks.source.daysToEnforceContract': '中级人民法院的审判执行统计',
  'benchmarks.source.insolvencyRecoveryRate': '中级人民法院的破产案件统计',
  'benchmarks.source.labourArbitrationDays': '人力资源和社会保障局（劳动人事争议仲裁院）统计',
  'benchmarks.source.electronicBiddingRate': '公共资源交易中心的交易平台统计',
  'benchmarks.source.minorityInvestorScore': '国家发展改革委营商环境评价对本市的反馈报告',
  'benchmarks.source.highValuePatentsPer10k': '知识产权局的专利统计（常住人口取统计局数据）',
  'benchmarks.source.rdIntensity': '统计局、科技局发布的科技经费投入统计公报',
  ...breadyScoreMessages('zh-CN'),

  'benchmarks.national.starting_business': '开办企业',
  'benchmarks.national.labour_market_regulation': '劳动力市场监管',
  'benchmarks.national.construction_permits': '办理建筑许可',
  'benchmarks.national.government_procurement': '政府采购',
  'benchmarks.national.bidding_and_tendering': '招标投标',
  'benchmarks.national.getting_electricity': '获得电力',
  'benchmarks.national.getting_water_and_gas': '获得用水用气',
  'benchmarks.national.registering_property': '登记财产',
  'benchmarks.national.getting_credit': '获得信贷',
  'benchmarks.national.protecting_minority_investors': '保护中小投资者',
  'benchmarks.national.intellectual_property': '知识产权创造、保护和运用',
  'benchmarks.national.trading_across_borders': '跨境贸易',
  'benchmarks.national.paying_taxes': '纳税',
  'benchmarks.national.enforcing_contracts': '执行合同',
  'benchmarks.national.resolving_insolvency': '办理破产',
  'benchmarks.national.market_regulation': '市场监管',
  'benchmarks.national.government_services': '政务服务',
  'benchmarks.national.inclusive_innovation': '包容普惠创新',

  ...Object.fromEntries(BREADY_TOPICS.map((t) => [`benchmarks.bready.topic.${t}`, TOPICS_ZH[t]])),
  'benchmarks.bready.pillar.regulatory_framework': '监管框架',
  'benchmarks.bready.pillar.public_services': '公共服务',
  'benchmarks.bready.pillar.operational_efficiency': '办事效率',
})

registerMessages('en', {
  'benchmarks.year': 'The year must be a whole number from 2000 to 2100',
  'benchmarks.value': 'Enter a number',
  'benchmarks.month': 'The month must be a whole number from 1 to 12, or empty for the whole year',
  'benchmarks.unknownIndicator': 'Choose an indicator of the benchmark catalogue',
  'benchmarks.computedIndicator':
    'The platform computes this indicator; only benchmark cities’ values can be entered',
  'benchmarks.futureYear': 'The year cannot be after this year',
  'benchmarks.futureMonth': 'The month cannot be after this month',
  'benchmarks.futureSourceDate': 'The source’s date cannot be after today',
  'benchmarks.range': 'Must be from {min} to {max} ({unit})',
  'benchmarks.unit.percent': '%',
  'benchmarks.unit.days': 'days',
  'benchmarks.unit.working_days': 'working days',
  'benchmarks.unit.hours': 'hours',
  'benchmarks.unit.per_enterprise': 'per enterprise a year',
  'benchmarks.unit.score': 'points',
  'benchmarks.unit.per_10k_people': 'per 10,000 people',

  'benchmarks.indicator.zeroVisitRate': 'Zero-visit rate',
  'benchmarks.indicator.instantRate': 'Instant-matter share',
  'benchmarks.indicator.daysToDecision': 'Average days to a decision',
  'benchmarks.indicator.promisedTimeUsed': 'Share of the promised time used',
  'benchmarks.indicator.appealResolutionRate': 'Appeal resolution rate',
  'benchmarks.indicator.daysToReply': 'Average days to reply to an appeal',
  'benchmarks.indicator.daysToCash': 'Average days to cash a benefit',
  'benchmarks.indicator.inspectionsPerEnterprise': 'Inspections per enterprise a year',
  'benchmarks.indicator.arrearsDays': 'Average days government payables are overdue',
  'benchmarks.indicator.daysToStartBusiness': 'Time to start a business',
  'benchmarks.indicator.daysToBuildingPermit': 'Time to a building permit (private investment)',
  'benchmarks.indicator.daysToRegisterProperty': 'Time to register property',
  'benchmarks.indicator.daysToConnectElectricity': 'Time to connect a small business to electricity',
  'benchmarks.indicator.daysToConnectWater': 'Time to connect water',
  'benchmarks.indicator.inclusiveLoanGrowth': 'Growth of inclusive small-business loans',
  'benchmarks.indicator.exportClearanceHours': 'Export clearance time',
  'benchmarks.indicator.taxHoursPerYear': 'Time to pay taxes a year',
  'benchmarks.indicator.daysToEnforceContract': 'Time to enforce a contract',
  'benchmarks.indicator.insolvencyRecoveryRate': 'Insolvency recovery rate',
  'benchmarks.indicator.labourArbitrationDays': 'Average days to settle a labour arbitration case',
  'benchmarks.indicator.electronicBiddingRate': 'Share of tenders run fully electronically',
  'benchmarks.indicator.minorityInvestorScore': 'Protecting minority investors: score',
  'benchmarks.indicator.highValuePatentsPer10k': 'High-value invention patents per 10,000 people',
  'benchmarks.indicator.rdIntensity': 'R&D intensity',

  'benchmarks.formula.zeroVisitRate':
    'Applications decided in the period with no visit in person ÷ applications decided (approved or refused)',
  'benchmarks.formula.instantRate': 'Instant applications decided in the period ÷ applications decided',
  'benchmarks.formula.daysToDecision':
    'Σ (decided − received, calendar days) ÷ applications decided in the period that have a receipt',
  'benchmarks.formula.promisedTimeUsed':
    'Σ (time used ÷ time promised) ÷ applications decided with a promised limit; below 100 % is early',
  'benchmarks.formula.appealResolutionRate':
    'By the month first dispatched: appeals solved and rated fairly satisfied or better ÷ appeals rated (the cockpit’s resolution rate)',
  'benchmarks.formula.daysToReply':
    'Σ (reply − first dispatch, calendar days) ÷ appeals replied to in the period',
  'benchmarks.formula.daysToCash': 'Σ (day paid − day of claim or consent) ÷ payouts in the period',
  'benchmarks.formula.inspectionsPerEnterprise':
    '12 × inspections checked in during the month ÷ enterprises registered at its end; a year: its inspections ÷ the mean month-end count',
  'benchmarks.formula.arrearsDays':
    'Amount-weighted mean days overdue of unpaid government payables (from the arrears ledger)',
  'benchmarks.formula.daysToStartBusiness':
    'Working days from applying for registration to licence, seal, invoices and social insurance (national evaluation)',
  'benchmarks.formula.daysToBuildingPermit':
    'Working days of approvals for a private general industrial project, from filing to completion acceptance',
  'benchmarks.formula.daysToRegisterProperty':
    'Working days to register a transfer of property between companies',
  'benchmarks.formula.daysToConnectElectricity':
    'Working days from application to power for a low-voltage small business',
  'benchmarks.formula.daysToConnectWater': 'Working days from application to water supply',
  'benchmarks.formula.inclusiveLoanGrowth':
    'Year-on-year growth of inclusive small-business loans outstanding at year end (PBoC)',
  'benchmarks.formula.exportClearanceHours': 'Hours from declaration to release of exports (customs)',
  'benchmarks.formula.taxHoursPerYear': 'Hours a standard company spends a year filing and paying taxes',
  'benchmarks.formula.daysToEnforceContract':
    'Calendar days from filing a sales-contract suit to enforcement',
  'benchmarks.formula.insolvencyRecoveryRate': 'Share of claims recovered by creditors in insolvency (%)',
  'benchmarks.formula.labourArbitrationDays':
    'Mean calendar days from accepting a labour or personnel arbitration case to closing it, over the cases closed in the year (the law allows 45 days, extendable by 15)',
  'benchmarks.formula.electronicBiddingRate':
    'Construction projects that must be tendered by law and were tendered fully electronically ÷ all such projects in the year',
  'benchmarks.formula.minorityInvestorScore':
    'The city’s score (0–100) on the national evaluation’s first-level indicator “protecting minority investors”',
  'benchmarks.formula.highValuePatentsPer10k':
    'Valid high-value invention patents at year end ÷ resident population at year end (in 10,000s)',
  'benchmarks.formula.rdIntensity': 'Gross expenditure on research and development ÷ regional GDP × 100 %',

  'benchmarks.source.daysToStartBusiness':
    'Market regulation bureau (business start-up platform); the NDRC business-environment evaluation report',
  'benchmarks.source.daysToBuildingPermit':
    'Housing and construction bureau (construction project approval system)',
  'benchmarks.source.daysToRegisterProperty': 'Natural resources bureau (real estate registration centre)',
  'benchmarks.source.daysToConnectElectricity':
    'The local power supplier’s connection figures; the NDRC business-environment evaluation report',
  'benchmarks.source.daysToConnectWater': 'The local water supplier’s connection figures',
  'benchmarks.source.inclusiveLoanGrowth':
    'The local branch of the People’s Bank of China (financial statistics)',
  'benchmarks.source.exportClearanceHours': 'The local customs district (overall clearance time)',
  'benchmarks.source.taxHoursPerYear':
    'Tax bureau (standard-case estimate); the NDRC business-environment evaluation report',
  'benchmarks.source.daysToEnforceContract':
    'The intermediate people’s court (trial and enforcement figures)',
  'benchmarks.source.insolvencyRecoveryRate': 'The intermediate people’s court (insolvency case figures)',
  'benchmarks.source.labourArbitrationDays':
    'Human resources and social security bureau (labour and personnel dispute arbitration court)',
  'benchmarks.source.electronicBiddingRate': 'Public resources trading centre (trading platform figures)',
  'benchmarks.source.minorityInvestorScore': 'The NDRC business-environment evaluation’s report to the city',
  'benchmarks.source.highValuePatentsPer10k':
    'Intellectual property office (patent statistics; resident population from the statistics bureau)',
  'benchmarks.source.rdIntensity':
    'Statistics bureau and science and technology bureau (bulletin on spending on science and technology)',
  ...breadyScoreMessages('en'),

  'benchmarks.national.starting_business': 'Starting a business',
  'benchmarks.national.labour_market_regulation': 'Labour market regulation',
  'benchmarks.national.construction_permits': 'Dealing with construction permits',
  'benchmarks.national.government_procurement': 'Government procurement',
  'benchmarks.national.bidding_and_tendering': 'Bidding and tendering',
  'benchmarks.national.getting_electricity': 'Getting electricity',
  'benchmarks.national.getting_water_and_gas': 'Getting water and gas',
  'benchmarks.national.registering_property': 'Registering property',
  'benchmarks.national.getting_credit': 'Getting credit',
  'benchmarks.national.protecting_minority_investors': 'Protecting minority investors',
  'benchmarks.national.intellectual_property': 'Creating, protecting and using intellectual property',
  'benchmarks.national.trading_across_borders': 'Trading across borders',
  'benchmarks.national.paying_taxes': 'Paying taxes',
  'benchmarks.national.enforcing_contracts': 'Enforcing contracts',
  'benchmarks.national.resolving_insolvency': 'Resolving insolvency',
  'benchmarks.national.market_regulation': 'Market regulation',
  'benchmarks.national.government_services': 'Government services',
  'benchmarks.national.inclusive_innovation': 'Inclusive and innovative development',

  ...Object.fromEntries(BREADY_TOPICS.map((t) => [`benchmarks.bready.topic.${t}`, TOPICS_EN[t]])),
  'benchmarks.bready.pillar.regulatory_framework': 'Regulatory Framework',
  'benchmarks.bready.pillar.public_services': 'Public Services',
  'benchmarks.bready.pillar.operational_efficiency': 'Operational Efficiency',
})
