import type { PayoutList } from '../benefits.api'
import { budgetBar, type SelectionSummary } from '../payout-selection'
import { useBenefitText } from '../use-benefit-text'

/**
 * The item's budget cap as one bar: paid before, this batch, and what would go over it (red). The
 * same numbers are written out beside it; the bar is a picture of them.
 */
export function BudgetBar({ budget, summary }: { budget: PayoutList['budget']; summary: SelectionSummary }) {
  const text = useBenefitText()
  const { t } = text
  const bar = budgetBar(budget, summary)
  return (
    <div className="s-budget">
      {bar ? (
        <div
          className="s-budget-bar"
          role="img"
          aria-label={t('benefits.payouts.budgetBarLabel', {
            used: text.money(budget.used),
            adding: text.money(summary.payAmount),
            cap: text.money(budget.cap),
          })}
        >
          <span className="s-budget-used" style={{ width: `${bar.used * 100}%` }} />
          <span className="s-budget-adding" style={{ width: `${bar.adding * 100}%` }} />
          <span className="s-budget-over" style={{ width: `${bar.over * 100}%` }} />
        </div>
      ) : null}
      <dl className="s-budget-figures">
        <div>
          <dt>{t('benefits.staff.budgetCap')}</dt>
          <dd>{budget.cap === null ? t('benefits.staff.noCap') : text.money(budget.cap)}</dd>
        </div>
        <div>
          <dt>
            <i className="s-budget-swatch s-budget-used" aria-hidden="true" />
            {t('benefits.staff.budgetUsed')}
          </dt>
          <dd>{text.money(budget.used)}</dd>
        </div>
        <div>
          <dt>
            <i className="s-budget-swatch s-budget-adding" aria-hidden="true" />
            {t('benefits.payouts.thisBatch')}
          </dt>
          <dd>{text.money(summary.payAmount)}</dd>
        </div>
        <div>
          <dt>{summary.fits ? t('benefits.payouts.remainingAfter') : t('benefits.payouts.overBy')}</dt>
          <dd className={summary.fits ? undefined : 's-danger-text'}>
            {summary.fits
              ? summary.remainingAfter === null
                ? t('benefits.staff.noCap')
                : text.money(summary.remainingAfter)
              : text.money(summary.over)}
          </dd>
        </div>
      </dl>
    </div>
  )
}
