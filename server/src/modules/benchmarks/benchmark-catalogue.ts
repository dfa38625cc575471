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
 * per enterprise per year.
 */
export type IndicatorUnit = 'percent' | 'days' | 'working_days' | 'hours' | 'per_enterprise'

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
const ef = (topic: BreadyTopic) => ({ topic, pillar: 'operational_efficiency' as const })

export const INDICATORS: readonly IndicatorDefinition[] = [
  // computed from the platform's own cases (benchmark-formulas.ts)
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
  // computed by the commitments ledger (commitments.benchmarks.ts)
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
]

const byKey = new Map(INDICATORS.map((i) => [i.key, i]))

export function indicatorOf(key: string): IndicatorDefinition | undefined {
  return byKey.get(key)
}
