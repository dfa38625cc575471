import { Link } from 'react-router'
import { ChevronIcon } from '../../../app/enterprise/icons'
import { formatAmount } from '../policy-labels'
import type { MatchView } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import type { ClaimStatus } from '../../../app/shared-api/benefits'
import { ClaimStatusTag } from '../../../ui/mobile/ClaimStatusTag'
import { ModeTag } from './PolicyTags'

/** One item in a list of matches: what it is, where it comes from, how much, how it is obtained. */
export function MatchCard({
  match,
  to,
  isNew,
  claimStatus,
}: {
  match: MatchView
  to: string
  isNew: boolean
  /** the enterprise's active claim on the item, if any */
  claimStatus?: ClaimStatus
}) {
  const { t, language } = usePolicyText()
  const { item, explanation } = match
  const failed = explanation.conditions.filter((c) => c.result === 'fail').length
  return (
    <Link to={to} className="m-link-card m-match-card">
      <span className="m-link-card-body">
        <span className="m-match-card-head">
          {isNew ? <span className="m-new-mark">{t('policies.mine.new')}</span> : null}
          <span className="m-link-card-title">{item.title}</span>
        </span>
        <span className="m-muted m-match-card-policy">
          {item.policyTitle}
          {item.documentNumber ? ` · ${item.documentNumber}` : ''}
        </span>
        <span className="m-match-card-foot">
          <ModeTag mode={item.mode} />
          {claimStatus ? <ClaimStatusTag status={claimStatus} /> : null}
          {explanation.amount !== null ? (
            <span className="m-match-amount">{formatAmount(explanation.amount, language)}</span>
          ) : null}
        </span>
        {explanation.outcome === 'undetermined' && explanation.missingFacts.length ? (
          <span className="m-match-missing">
            {t('policies.mine.missing', {
              facts: explanation.missingFacts.map((f) => f.label).join(t('policies.listSeparator')),
            })}
          </span>
        ) : null}
        {explanation.outcome === 'ineligible' && failed ? (
          <span className="m-muted">{t('policies.mine.failedCount', { count: failed })}</span>
        ) : null}
      </span>
      <ChevronIcon />
    </Link>
  )
}
