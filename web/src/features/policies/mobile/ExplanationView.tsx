import { Button } from 'antd-mobile'
import { useId } from 'react'
import { SourceBadge } from '../../../ui/mobile/SourceBadge'
import type { ConditionExplanation, Explanation, FactReading } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { ResultMark } from './ResultMark'

type Props = {
  explanation: Explanation
  /** Facts typed into the calculator have no source worth showing. */
  showSources?: boolean
  /** Where "complete these facts" leads; no button without it (the calculator asks in place). */
  onCompleteFacts?: (keys: string[]) => void
}

/**
 * Why an item fits or not, condition by condition: the sentence, ✓ ✗ ?, the clause of the policy it
 * comes from, and each fact it read with its value, source and period; then what is missing.
 */
export function ExplanationView({ explanation, showSources = true, onCompleteFacts }: Props) {
  const { t } = usePolicyText()
  const titleId = useId()
  return (
    <>
      {explanation.missingFacts.length ? (
        <MissingBlock explanation={explanation} onCompleteFacts={onCompleteFacts} />
      ) : null}
      <section className="m-section" aria-labelledby={titleId}>
        <h2 id={titleId} className="m-section-title">
          {t('policies.explain.conditions', { count: explanation.conditions.length })}
        </h2>
        <ol className="m-conditions">
          {explanation.conditions.map((condition) => (
            <ConditionRow key={condition.id} condition={condition} showSources={showSources} />
          ))}
        </ol>
      </section>
    </>
  )
}

function MissingBlock({
  explanation,
  onCompleteFacts,
}: {
  explanation: Explanation
  onCompleteFacts: ((keys: string[]) => void) | undefined
}) {
  const { t } = usePolicyText()
  const keys = explanation.missingFacts.map((f) => f.key)
  const titleId = useId()
  return (
    <section className="m-section m-missing" aria-labelledby={titleId}>
      <h2 id={titleId} className="m-section-title">
        {t('policies.explain.missingTitle')}
      </h2>
      <p className="m-muted" style={{ marginTop: 0 }}>
        {t('policies.explain.missingText')}
      </p>
      <ul className="m-missing-list">
        {explanation.missingFacts.map((fact) => (
          <li key={fact.key}>
            {fact.label}
            {fact.isPeriodic ? <span className="m-muted"> · {t('policies.explain.perYear')}</span> : null}
          </li>
        ))}
      </ul>
      {onCompleteFacts ? (
        <Button block color="primary" size="large" onClick={() => onCompleteFacts(keys)}>
          {t('policies.explain.completeFacts')}
        </Button>
      ) : null}
    </section>
  )
}

function ConditionRow({ condition, showSources }: { condition: ConditionExplanation; showSources: boolean }) {
  const { t } = usePolicyText()
  return (
    <li className={`m-condition is-${condition.result}`}>
      <ResultMark result={condition.result} />
      <div className="m-condition-body">
        <p className="m-condition-text">{condition.text}</p>
        <p className="m-condition-clause">
          <span className="m-muted">{t('policies.explain.clause')}</span>
          {condition.clause}
        </p>
        {condition.note ? <p className="m-muted m-condition-note">{condition.note}</p> : null}
        {condition.facts.length ? (
          <ul className="m-fact-readings" aria-label={t('policies.explain.factsUsed')}>
            {condition.facts.map((fact) => (
              <FactReadingRow key={fact.key} fact={fact} showSources={showSources} />
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  )
}

function FactReadingRow({ fact, showSources }: { fact: FactReading; showSources: boolean }) {
  const { t } = usePolicyText()
  return (
    <li>
      <span className="m-fact-reading-label">{fact.label}</span>
      {fact.isMissing ? (
        <span className="m-fact-reading-missing">{t('policies.explain.notGiven')}</span>
      ) : (
        <>
          <strong className="m-fact-reading-value">{fact.display}</strong>
          {showSources ? (
            <span className="m-fact-reading-meta">
              <SourceBadge source={fact.source} isVerified={fact.isVerified} />
              {fact.period ? (
                <span className="m-muted">{t('facts.periodValue', { period: fact.period })}</span>
              ) : null}
            </span>
          ) : null}
        </>
      )}
    </li>
  )
}
