import { useTranslation } from 'react-i18next'
import type { Translate } from '../../app/i18n'
import { topicName } from './policy-labels'

/** The policy vocabulary in the UI language, for all three kinds of page. */
export function usePolicyText() {
  const { t, i18n } = useTranslation()
  // Keys built from server values (modes, outcomes, statuses): every value has a key in both catalogs.
  const tx = t as unknown as Translate
  const language = i18n.language
  return {
    t,
    tx,
    language,
    outcome: (outcome: string) => tx(`policies.outcomes.${outcome}`),
    mode: (mode: string) => tx(`policies.modes.${mode}`),
    kind: (kind: string) => tx(`policies.kinds.${kind}`),
    status: (status: string) => tx(`policies.statuses.${status}`),
    level: (level: string) => tx(`policies.levels.${level}`),
    source: (source: string | null) => (source ? tx(`facts.sources.${source}`) : ''),
    result: (result: string) => tx(`policies.results.${result}`),
    topic: (code: string) => topicName(code, language),
  }
}
