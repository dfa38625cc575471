import { formatNumber } from '@shared/rules/render'
import { POLICY_TOPIC_NAMES, POLICY_TOPICS, type PolicyTopic } from '@shared/policies'

export { POLICY_TOPICS }

/** A topic's name from the list the server validates against; an unknown code shows as it is. */
export function topicName(code: string, language: string): string {
  const names = POLICY_TOPIC_NAMES[code as PolicyTopic] as { zh: string; en: string } | undefined
  if (!names) return code
  return language === 'en' ? names.en : names.zh
}

export const topicOptions = (language: string) =>
  POLICY_TOPICS.map((code) => ({ value: code, label: topicName(code, language) }))

const MONEY = { type: 'money', unitZh: '元', unitEn: 'yuan' } as const

/** An amount in yuan as people read it: 300万元, 1.5亿元; 3,000,000 yuan. */
export function formatAmount(yuan: number | null | undefined, language: string): string {
  if (yuan === null || yuan === undefined) return '—'
  return formatNumber(yuan, MONEY as never, language === 'en' ? 'en' : 'zh-CN')
}
