import { ErrorBlock } from 'antd-mobile'
import { useState } from 'react'
import { formatAmount } from '../policy-labels'
import type { MatchList, MatchView } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { ExplanationView } from '../mobile/ExplanationView'
import { ModeTag, OutcomeTag } from '../mobile/PolicyTags'

type Props = { result: MatchList; onEditFacts: (keys: string[]) => void }

/** Every item in force with its outcome for the facts typed in; each opens to its explanation. */
export function CalculatorResults({ result, onEditFacts }: Props) {
  const { t } = usePolicyText()
  if (result.items.length === 0)
    return (
      <ErrorBlock
        status="empty"
        title={t('policies.mine.noneInForce')}
        description={t('policies.calculator.noneHint')}
      />
    )
  return (
    <>
      <p className="m-muted m-tab-hint">{t('policies.calculator.resultsIntro')}</p>
      <ul className="m-plain-list">
        {result.items.map((match) => (
          <li key={match.item.id}>
            <ResultCard match={match} onEditFacts={onEditFacts} />
          </li>
        ))}
      </ul>
    </>
  )
}

function ResultCard({ match, onEditFacts }: { match: MatchView; onEditFacts: (keys: string[]) => void }) {
  const { t, language } = usePolicyText()
  const [isOpen, setOpen] = useState(false)
  const { item, explanation } = match
  const bodyId = `calc-result-${item.id}`
  return (
    <div className="m-section m-calc-result">
      <button
        type="button"
        className="m-calc-result-head"
        aria-expanded={isOpen}
        aria-controls={bodyId}
        onClick={() => setOpen((open) => !open)}
      >
        <span className="m-tag-list">
          <OutcomeTag outcome={explanation.outcome} />
          <ModeTag mode={item.mode} />
        </span>
        <span className="m-link-card-title">{item.title}</span>
        <span className="m-muted">
          {item.policyTitle}
          {item.documentNumber ? ` · ${item.documentNumber}` : ''}
        </span>
        <span className="m-calc-result-foot">
          {explanation.amount !== null ? (
            <strong className="m-match-amount">{formatAmount(explanation.amount, language)}</strong>
          ) : (
            <span />
          )}
          <span className="m-text-link">
            {isOpen ? t('policies.calculator.hideWhy') : t('policies.calculator.showWhy')}
          </span>
        </span>
      </button>
      {isOpen ? (
        <div id={bodyId} className="m-calc-result-body">
          <ExplanationView explanation={explanation} showSources={false} onCompleteFacts={onEditFacts} />
        </div>
      ) : null}
    </div>
  )
}
