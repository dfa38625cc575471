import { registerRateable, type RateableCase } from '../ratings'
import { APPLICATION_STATE_CATEGORIES } from './application-states'
import {
  findDecidedApplications,
  findRateableApplication,
  RATEABLE_STATES,
} from './application-rateable.queries'

/**
 * Service applications are rated through the one ratings model (issue 12's "rate it", issue 13):
 * one rating (stage 'final') once decided — approved, refused or not accepted — by the enterprise
 * on the application's page, through POST /api/v1/ratings.
 */
type ApplicationFacts = NonNullable<Awaited<ReturnType<typeof findRateableApplication>>>

function caseOf(a: ApplicationFacts): RateableCase {
  return {
    enterpriseId: a.enterprise_id,
    departmentId: a.department_id,
    rateable: (RATEABLE_STATES as readonly string[]).includes(a.status),
    closed: APPLICATION_STATE_CATEGORIES[a.status] === 'closed',
    finishedAt: a.closed_at ?? a.decided_at,
    title: a.title,
    number: null,
  }
}

registerRateable({
  subjectType: 'application',
  acceptsStage: (stage) => stage === 'final',
  resolve: async (db, id) => {
    const application = await findRateableApplication(db, id)
    return application ? caseOf(application) : null
  },
  listRateable: async (db, filter) =>
    (await findDecidedApplications(db, filter)).map((a) => ({
      subjectId: a.id,
      stage: 'final',
      case: caseOf(a),
    })),
})
