import { registerRateable, type RateableCase } from '../ratings'
import { CLAIM_STATES } from './claim-states'
import { findRateableClaim, findUnratedDecidedClaims } from './claim-rateable.queries'

/**
 * Benefit claims are rated through the one ratings model (stage 'final'), once paid or rejected. The
 * enterprise rates on the claim's page (rateClaim keeps the rating on the claim too and writes the
 * ratings row in the same transaction). A payout is the last step of a paid claim, not a case of its
 * own: rating the claim rates its payout.
 */
type ClaimFacts = NonNullable<Awaited<ReturnType<typeof findRateableClaim>>>

function caseOf(claim: ClaimFacts): RateableCase {
  return {
    enterpriseId: claim.enterprise_id,
    departmentId: claim.department_id,
    rateable: claim.status === 'paid' || claim.status === 'rejected',
    closed: CLAIM_STATES[claim.status] === 'closed',
    finishedAt: claim.closed_at ?? claim.decided_at,
    title: claim.title,
    number: claim.number,
  }
}

registerRateable({
  subjectType: 'benefit_claim',
  acceptsStage: (stage) => stage === 'final',
  ratedThroughCase: true,
  resolve: async (db, id) => {
    const claim = await findRateableClaim(db, id)
    return claim ? caseOf(claim) : null
  },
  listRateable: async (db, filter) =>
    (await findUnratedDecidedClaims(db, filter)).map((c) => ({
      subjectId: c.id,
      stage: 'final',
      case: caseOf(c),
    })),
})
