import { registerRateable, type RateableCase } from '../ratings'
import type { AppealRow } from './appeal-row.queries'
import { holdingOf } from './appeal-access'
import { findRepliedAppeals } from './appeal-rateable.queries'
import { findAppeal } from './appeal-row.queries'

/**
 * Appeals are rated through the one ratings model, one rating per answer cycle (stage 'cycle-N'):
 * the enterprise rates on the appeal's page, where its rating also confirms the answer or reopens the
 * appeal (appeals-closing.service.ts writes the ratings row in the same transaction). An appeal left
 * unrated closes as "no rating" by its own rule: it never gets a default rating.
 */
const STAGE = /^cycle-([1-9][0-9]{0,2})$/

export const appealStage = (cycle: number) => `cycle-${cycle}`

function caseOf(
  appeal: Pick<
    AppealRow,
    'enterprise_id' | 'title' | 'number' | 'status' | 'cycle' | 'replied_at' | 'closed_at'
  >,
  cycle: number,
  departmentId: string | null,
): RateableCase {
  return {
    enterpriseId: appeal.enterprise_id,
    departmentId,
    rateable: appeal.status === 'replied' && appeal.cycle === cycle,
    closed: appeal.closed_at !== null,
    finishedAt: appeal.cycle === cycle ? appeal.replied_at : null,
    title: appeal.title,
    number: appeal.number,
  }
}

registerRateable({
  subjectType: 'appeal',
  acceptsStage: (stage) => STAGE.test(stage),
  ratedThroughCase: true,
  resolve: async (db, id, stage) => {
    const appeal = await findAppeal(db, id)
    if (!appeal) return null
    const cycle = Number(STAGE.exec(stage)?.[1])
    if (!(cycle >= 1 && cycle <= appeal.cycle)) return null
    return caseOf(appeal, cycle, (await holdingOf(db, id)).leadDepartmentId)
  },
  listRateable: async (db, filter) =>
    (await findRepliedAppeals(db, filter)).map((a) => ({
      subjectId: a.id,
      stage: appealStage(a.cycle),
      case: caseOf(a, a.cycle, a.lead_department_id),
    })),
})
