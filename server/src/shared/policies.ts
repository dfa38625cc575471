/**
 * Policy vocabulary both sides use. Topic codes are stable (subscriptions and needs store them);
 * names are shown through i18n (policyTopics.<code>).
 */
export const POLICY_TOPICS = [
  'tax_relief', // 税费减免
  'employment', // 稳岗就业
  'innovation', // 科技创新
  'talent', // 人才
  'finance', // 融资信贷
  'manufacturing', // 先进制造
  'digital', // 数字经济
  'trade', // 外贸外资
  'consumption', // 商贸消费
  'green', // 绿色低碳
  'startup', // 创业扶持
  'smes', // 中小企业
  'agriculture', // 农业
] as const
export type PolicyTopic = (typeof POLICY_TOPICS)[number]

export const POLICY_TOPIC_NAMES: Record<PolicyTopic, { zh: string; en: string }> = {
  tax_relief: { zh: '税费减免', en: 'Tax relief' },
  employment: { zh: '稳岗就业', en: 'Jobs and employment' },
  innovation: { zh: '科技创新', en: 'Innovation' },
  talent: { zh: '人才', en: 'Talent' },
  finance: { zh: '融资信贷', en: 'Finance and credit' },
  manufacturing: { zh: '先进制造', en: 'Advanced manufacturing' },
  digital: { zh: '数字经济', en: 'Digital economy' },
  trade: { zh: '外贸外资', en: 'Trade and investment' },
  consumption: { zh: '商贸消费', en: 'Commerce and consumption' },
  green: { zh: '绿色低碳', en: 'Green and low-carbon' },
  startup: { zh: '创业扶持', en: 'Start-ups' },
  smes: { zh: '中小企业', en: 'Small and medium enterprises' },
  agriculture: { zh: '农业农村', en: 'Agriculture' },
}

export const POLICY_LEVELS = ['national', 'provincial', 'city', 'district'] as const
export type PolicyLevel = (typeof POLICY_LEVELS)[number]

export const POLICY_STATUSES = ['draft', 'review', 'published', 'amended', 'expired', 'repealed'] as const
export type PolicyStatus = (typeof POLICY_STATUSES)[number]

/** A policy in force: its latest published version is matched and shown. */
export const IN_FORCE: readonly PolicyStatus[] = ['published', 'amended']

/** 免申即享 / 快申快享 / 标准申报 */
export const BENEFIT_MODES = ['no_application', 'fast_application', 'standard_application'] as const
export type BenefitMode = (typeof BENEFIT_MODES)[number]

export const BENEFIT_KINDS = ['amount', 'formula', 'service'] as const
export type BenefitKind = (typeof BENEFIT_KINDS)[number]

export const MATCH_OUTCOMES = ['eligible', 'ineligible', 'undetermined'] as const
export type MatchOutcome = (typeof MATCH_OUTCOMES)[number]
