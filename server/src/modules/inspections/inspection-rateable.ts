import { registerRateable, type RateableCase } from '../ratings'
import { findCheckedInInspections, findRateableInspection } from './inspections.queries'

/**
 * The enterprise rates each visit (好差评 covers inspections too, 国办发〔2019〕51号): one rating (stage
 * 'final') once it checked the visit in, through the ratings sheet. The handling unit is the body
 * that inspected; the case counts as closed for the body's view once its result is in or it is closed.
 */
type InspectionFacts = NonNullable<Awaited<ReturnType<typeof findRateableInspection>>>

function caseOf(n: InspectionFacts): RateableCase {
  return {
    enterpriseId: n.enterprise_id,
    departmentId: n.department_id,
    rateable: n.checked_in_at !== null && ['checked_in', 'result_recorded', 'closed'].includes(n.status),
    closed: n.status === 'closed' || n.status === 'result_recorded',
    finishedAt: n.checked_in_at,
    // the body that visited: what the enterprise recognises on its list
    title: n.department_name,
    number: n.number,
  }
}

registerRateable({
  subjectType: 'inspection',
  acceptsStage: (stage) => stage === 'final',
  resolve: async (db, id) => {
    const inspection = await findRateableInspection(db, id)
    return inspection ? caseOf(inspection) : null
  },
  listRateable: async (db, filter) =>
    (await findCheckedInInspections(db, filter)).map((n) => ({
      subjectId: n.id,
      stage: 'final',
      case: caseOf(n),
    })),
})
