import { useTranslation } from 'react-i18next'
import type { Translate } from '../../app/i18n'

/** The facts vocabulary in the UI language: where a value comes from (tax, social security …). */
export function useFactText() {
  const { t, i18n } = useTranslation()
  // Keys built from server values (sources): every source has a key in both catalogs.
  const tx = t as unknown as Translate
  return {
    t,
    tx,
    language: i18n.language,
    source: (source: string | null) => (source ? tx(`facts.sources.${source}`) : ''),
  }
}
