import { currentLocale } from '../../kernel/context'
import type { Executor } from '../../kernel/db/database'
import { AppError } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { explainForEnterprise, explainForEnterprises, findInForceItem } from '../matching'
import type { CompiledItem, Explanation } from '../policies'
import type { ClaimRow } from './benefits.queries'
import { snapshotOf } from './claim-action'
import { toFen } from './payout-rules'

/**
 * Eligibility comes from the policies module only (its explanation of one item for one enterprise);
 * this turns it into the reasons a person reads and into the refusal a consent or application gets.
 */
export async function eligibilityNow(
  deps: AppDeps,
  db: Executor,
  enterpriseId: string,
  itemId: string,
): Promise<{ item: CompiledItem; explanation: Explanation } | undefined> {
  return explainForEnterprise(deps, db, enterpriseId, itemId)
}

/** The same for many enterprises and one item, read in a few queries; nothing when the item is not in force. */
export async function eligibilityOfMany(
  deps: AppDeps,
  db: Executor,
  enterpriseIds: readonly string[],
  itemId: string,
): Promise<Map<string, Explanation>> {
  return (await explainForEnterprises(deps, db, enterpriseIds, itemId))?.explanations ?? new Map()
}

/** Why an enterprise is not eligible now: each failed condition, or the facts that are missing. */
export function reasonsOf(explanation: Explanation | undefined): string[] {
  if (!explanation) return [translate('benefits.reasons.notInForce')]
  if (explanation.outcome === 'ineligible')
    return explanation.conditions
      .filter((c) => c.result === 'fail')
      .map((c) => translate('benefits.reasons.failed', { conditions: c.text }))
  if (explanation.outcome === 'undetermined') {
    const glue = currentLocale() === 'en' ? ', ' : '、'
    return [
      translate('benefits.reasons.missing', {
        facts: explanation.missingFacts.map((f) => f.label).join(glue),
      }),
    ]
  }
  return []
}

export function notEligible(explanation: Explanation | undefined): AppError {
  return new AppError('BENEFIT_NOT_ELIGIBLE', {
    params: { reasons: reasonsOf(explanation).join(translate('benefits.reasons.separator')) },
  })
}

/**
 * The budget cap that applies to a claim's payout: the item's cap as in force now (a revision may have
 * raised it), else the cap recorded when the claim was made.
 */
export async function budgetCapOf(deps: AppDeps, db: Executor, claim: ClaimRow): Promise<number | null> {
  const item = await findInForceItem(deps, db, claim.item_id)
  return item ? item.budgetCap : snapshotOf(claim).budgetCap
}

/** The amount a claim expects: the item's amount for this enterprise, in yuan to the fen. */
export function expectedAmountOf(explanation: Explanation): number | null {
  return explanation.amount === null ? null : toFen(explanation.amount) / 100
}
