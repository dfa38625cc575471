import { POLICY_TOPIC_NAMES, POLICY_TOPICS, type PolicyTopic } from '@shared/policies'

export { POLICY_TOPICS }
export { formatAmount } from '../../ui/amount'

/** A topic's name from the list the server validates against; an unknown code shows as it is. */
export function topicName(code: string, language: string): string {
  const names = POLICY_TOPIC_NAMES[code as PolicyTopic] as { zh: string; en: string } | undefined
  if (!names) return code
  return language === 'en' ? names.en : names.zh
}

export const topicOptions = (language: string) =>
  POLICY_TOPICS.map((code) => ({ value: code, label: topicName(code, language) }))
