/**
 * The benchmark indicators and their mapping (issue 14 item 7; decision 0065; formulas in
 * docs/METRICS.md "Benchmarks"). Data, not logic: each indicator names the national evaluation's
 * first-level indicator it reports under (中国营商环境评价, 18 indicators, NDRC 《中国营商环境报告
 * 2020》) and, where one fits, the World Bank B-READY topic and pillar (B-READY 2024 methodology:
 * 10 topics × 3 pillars). Names and formulas in both languages are in benchmarks.messages.ts.
 *
 * An indicator is *computed* when a formula is registered for it (benchmark-registry.ts), else the
 * bureau *enters* it with its source. `arrearsDays` is computed by the commitments ledger (issue 14
 * item 5), which registers its formula from its own module.
 */

/** The national evaluation's 18 first-level indicators, in the order the report lists them. */
export const NATIONAL_INDICATORS = [
  'starting_business', // 开办企业
  'labour_market_regulation', // 劳动力市场监管
  'construction_permits', // 办理建筑许可
  'government_procurement', // 政府采购
  'bidding_and_tendering', // 招标投标
  'getting_electricity', // 获得电力
  'getting_water_and_gas', // 获得用水用气
  'registering_property', // 登记财产
  'getting_credit', // 获得信贷
  'protecting_minority_investors', // 保护中小投资者
  'intellectual_property', // 知识产权创造、保护和运用
  'trading_across_borders', // 跨境贸易
  'paying_taxes', // 纳税
  'enforcing_contracts', // 执行合同
  'resolving_insolvency', // 办理破产
  'market_regulation', // 市场监管
  'government_services', // 政务服务
  'inclusive_innovation', // 包容普惠创新
] as const
export type NationalIndicator = (typeof NATIONAL_INDICATORS)[number]

/** World Bank B-READY: the ten topics … */
export const BREADY_TOPICS = [
  'business_entry',
  'business_location',
  'utility_services',
  'labor',
  'financial_services',
  'international_trade',
  'taxation',
  'dispute_resolution',
  'market_competition',
  'business_insolvency',
] as const
export type BreadyTopic = (typeof BREADY_TOPICS)[number]

/** … each assessed in three pillars. */
export const BREADY_PILLARS = ['regulatory_framework', 'public_services', 'operational_efficiency'] as const
export type BreadyPillar = (typeof BREADY_PILLARS)[number]

/**
 * percent: 0–100; days: calendar days; working_days: working days; hours; per_enterprise: a count
 * per enterprise per year; score: points out of 100 of an assessment (a B-READY pillar, a national
 * indicator's score), not a share of anything; per_10k_people: a count per 10,000 residents.
 */
export type IndicatorUnit =
  'percent' | 'days' | 'working_days' | 'hours' | 'per_enterprise' | 'score' | 'per_10k_people'

export type IndicatorDefinition = {
  key: string
  national: NationalIndicator
  bready: { topic: BreadyTopic; pillar: BreadyPillar } | null
  unit: IndicatorUnit
  /** which way is better: a higher rate, or fewer days */
  better: 'higher' | 'lower'
  /** the plausible range an entered value must fall in (both ends included) */
  range: readonly [number, number]
}

const PERCENT = [0, 100] as const
const DAYS = [0, 3650] as const
const WORKING_DAYS = [0, 1000] as const
const HOURS = [0, 5000] as const
const SCORE = [0, 100] as const
const ef = (topic: BreadyTopic) => ({ topic, pillar: 'operational_efficiency' as const })

/**
 * B-READY's pillars I (regulatory framework) and II (public services) are scored in points (0–100)
 * from expert questionnaires and a review of the rules, per topic. The World Bank scores economies,
 * not cities, so the bureau enters the score of its own assessment by the B-READY methodology (a
 * self-assessment or a third party's) with its source. One entered score per topic and pillar, under
 * the national indicator that covers the same ground.
 */
const BREADY_SCORED: readonly [BreadyTopic, NationalIndicator][] = [
  ['business_entry', 'starting_business'],
  ['business_location', 'construction_permits'],
  ['utility_services', 'getting_electricity'],
  ['labor', 'labour_market_regulation'],
  ['financial_services', 'getting_credit'],
  ['international_trade', 'trading_across_borders'],
  ['taxation', 'paying_taxes'],
  ['dispute_resolution', 'enforcing_contracts'],
  // competition rules and their enforcement (公平竞争审查) are the market regulator's
  ['market_competition', 'market_regulation'],
  ['business_insolvency', 'resolving_insolvency'],
]

const pascal = (snake: string) =>
  snake
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')

/** The key of the entered B-READY score of a topic's pillar I or II, e.g. breadyLaborServices. */
export function breadyScoreKey(topic: BreadyTopic, pillar: 'regulatory_framework' | 'public_services') {
  return `bready${pascal(topic)}${pillar === 'regulatory_framework' ? 'Framework' : 'Services'}`
}

const breadyScores: IndicatorDefinition[] = BREADY_SCORED.flatMap(([topic, national]) =>
  (['regulatory_framework', 'public_services'] as const).map((pillar) => ({
    key: breadyScoreKey(topic, pillar),
    national,
    bready: { topic, pillar },
    unit: 'score' as const,
    better: 'higher' as const,
    range: SCORE,
  })),
)

export const INDICATORS: readonly IndicatorDefinition[] = [
  // computed from the platform's own cases (benchmark-formulas.ts). None fits a B-READY cell: the
  // service figures (zero visits, instant matters, days, promised time) run over every matter of
  // every department, while B-READY's pillar II of a topic asks about that topic's own services
  // (online company registration, e-filing of taxes …) — showing a city-wide rate as "Business Entry
  // · Public Services" would claim what it does not measure; a rate over the business-entry matters
  // alone would fit, and would be a formula of its own. Appeals (诉求) are complaints to government,
  // not B-READY's commercial dispute resolution; policy payouts and inspections have no topic.
  {
    key: 'zeroVisitRate',
    national: 'government_services',
    bready: null,
    unit: 'percent',
    better: 'higher',
    range: PERCENT,
  },
  {
    key: 'instantRate',
    national: 'government_services',
    bready: null,
    unit: 'percent',
    better: 'higher',
    range: PERCENT,
  },
  {
    key: 'daysToDecision',
    national: 'government_services',
    bready: null,
    unit: 'days',
    better: 'lower',
    range: DAYS,
  },
  {
    key: 'promisedTimeUsed',
    national: 'government_services',
    bready: null,
    unit: 'percent',
    better: 'lower',
    range: [0, 1000],
  },
  {
    key: 'appealResolutionRate',
    national: 'government_services',
    bready: null,
    unit: 'percent',
    better: 'higher',
    range: PERCENT,
  },
  {
    key: 'daysToReply',
    national: 'government_services',
    bready: null,
    unit: 'days',
    better: 'lower',
    range: DAYS,
  },
  {
    key: 'daysToCash',
    national: 'government_services',
    bready: null,
    unit: 'days',
    better: 'lower',
    range: DAYS,
  },
  {
    key: 'inspectionsPerEnterprise',
    national: 'market_regulation',
    bready: null,
    unit: 'per_enterprise',
    better: 'lower',
    range: [0, 100],
  },
  // computed by the commitments ledger (commitments.benchmarks.ts); B-READY's Market Competition
  // pillar III measures how fast governments pay their contracts
  {
    key: 'arrearsDays',
    national: 'government_procurement',
    bready: { topic: 'market_competition', pillar: 'operational_efficiency' },
    unit: 'days',
    better: 'lower',
    range: DAYS,
  },
  {
    key: 'daysToStartBusiness',
    national: 'starting_business',
    bready: ef('business_entry'),
    unit: 'working_days',
    better: 'lower',
    range: WORKING_DAYS,
  },
  {
    key: 'daysToBuildingPermit',
    national: 'construction_permits',
    bready: ef('business_location'),
    unit: 'working_days',
    better: 'lower',
    range: WORKING_DAYS,
  },
  {
    key: 'daysToRegisterProperty',
    national: 'registering_property',
    bready: ef('business_location'),
    unit: 'working_days',
    better: 'lower',
    range: WORKING_DAYS,
  },
  {
    key: 'daysToConnectElectricity',
    national: 'getting_electricity',
    bready: ef('utility_services'),
    unit: 'working_days',
    better: 'lower',
    range: WORKING_DAYS,
  },
  {
    key: 'daysToConnectWater',
    national: 'getting_water_and_gas',
    bready: ef('utility_services'),
    unit: 'working_days',
    better: 'lower',
    range: WORKING_DAYS,
  },
  {
    key: 'inclusiveLoanGrowth',
    national: 'getting_credit',
    bready: ef('financial_services'),
    unit: 'percent',
    better: 'higher',
    range: [-100, 1000],
  },
  {
    key: 'exportClearanceHours',
    national: 'trading_across_borders',
    bready: ef('international_trade'),
    unit: 'hours',
    better: 'lower',
    range: HOURS,
  },
  {
    key: 'taxHoursPerYear',
    national: 'paying_taxes',
    bready: ef('taxation'),
    unit: 'hours',
    better: 'lower',
    range: HOURS,
  },
  {
    key: 'daysToEnforceContract',
    national: 'enforcing_contracts',
    bready: ef('dispute_resolution'),
    unit: 'days',
    better: 'lower',
    range: DAYS,
  },
  {
    key: 'insolvencyRecoveryRate',
    national: 'resolving_insolvency',
    bready: ef('business_insolvency'),
    unit: 'percent',
    better: 'higher',
    range: PERCENT,
  },
  // entered: the national indicators no figure above reports under
  {
    key: 'labourArbitrationDays',
    national: 'labour_market_regulation',
    // B-READY Labor pillar III counts the time to resolve a labour dispute
    bready: ef('labor'),
    unit: 'days',
    better: 'lower',
    range: DAYS,
  },
  {
    key: 'electronicBiddingRate',
    national: 'bidding_and_tendering',
    // B-READY Market Competition pillar II asks whether public procurement runs electronically
    bready: { topic: 'market_competition', pillar: 'public_services' },
    unit: 'percent',
    better: 'higher',
    range: PERCENT,
  },
  {
    key: 'minorityInvestorScore',
    national: 'protecting_minority_investors',
    // B-READY has no topic for investor protection (Doing Business had one)
    bready: null,
    unit: 'score',
    better: 'higher',
    range: SCORE,
  },
  {
    key: 'highValuePatentsPer10k',
    national: 'intellectual_property',
    bready: null,
    unit: 'per_10k_people',
    better: 'higher',
    range: [0, 1000],
  },
  {
    key: 'rdIntensity',
    national: 'inclusive_innovation',
    bready: null,
    unit: 'percent',
    better: 'higher',
    range: [0, 20],
  },
  // entered: B-READY pillars I and II, one score per topic and pillar
  ...breadyScores,
]

const byKey = new Map(INDICATORS.map((i) => [i.key, i]))

export function indicatorOf(key: string): IndicatorDefinition | undefined {
  return byKey.get(key)
}
