import { useTranslation } from 'react-i18next'
import { displayFactValue } from '../../../ui/fact-input'
import type { FactDefinition, SheetFact } from '../facts.api'
import { SourceBadge } from '../../../ui/mobile/SourceBadge'

/**
 * What rules read for this fact now: the value, its source (a department's verified value wins over
 * the enterprise's own) and its year; a value too old to count says so.
 */
export function FactStatus({ def, fact }: { def: FactDefinition; fact: SheetFact | undefined }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  if (!fact || fact.value === null) return <span className="m-muted">{t('facts.status.none')}</span>
  return (
    <>
      <span className="m-fact-status-line">
        <span className="m-muted">{t('facts.status.inUse')}</span>
        <strong>{displayFactValue(def, fact.value, language)}</strong>
        <SourceBadge source={fact.source} isVerified={fact.isVerified} />
        {fact.period ? (
          <span className="m-muted">{t('facts.periodValue', { period: fact.period })}</span>
        ) : null}
      </span>
      {fact.declared ? (
        <span className="m-fact-status-line m-muted">
          {t('facts.status.yourValue', {
            value: displayFactValue(def, fact.declared.value, language),
            period: fact.declared.period ? t('facts.periodValue', { period: fact.declared.period }) : '',
          })}
        </span>
      ) : null}
      {fact.isStale ? (
        <span className="m-fact-stale" role="note">
          {t('facts.status.stale', { period: fact.period ?? '' })}
        </span>
      ) : null}
    </>
  )
}
