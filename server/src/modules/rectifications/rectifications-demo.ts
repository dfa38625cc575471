import { systemActor } from '../../kernel/auth/actor'
import type { AppDeps } from '../../kernel/http/app-env'
import { applySystemRectificationAction } from './rectification-action'
import { openRectification } from './rectification-opening'
import * as q from './rectifications.queries'

/**
 * Demo data (npm start with demo data on): three bad ratings by the demo enterprise of 市场监督管理局's
 * work — one being fixed and overdue, one whose evidence waits for the task force's verification,
 * one verified and fed back, waiting for the rater's rating of the fix. Once: a database with any
 * rectification keeps its own.
 */
const DEMO_UNIT = 'DL-SCJGJ'
const DAY = 86_400_000

export async function seedDemoRectifications(deps: AppDeps, demoPhone: string): Promise<number> {
  const rater = await q.findDemoRater(deps.db, demoPhone)
  const unitId = await q.findDepartmentIdByCode(deps.db, DEMO_UNIT)
  if (!rater || rater.has_rectifications || !unitId) return 0
  const seed = systemActor('seed')
  const now = Date.now()
  const cases = [
    { title: '演示：营业执照变更窗口排队两小时', level: 1, daysAgo: 30, stage: 'open' },
    { title: '演示：食品经营许可现场核查一再改期', level: 2, daysAgo: 6, stage: 'evidence_submitted' },
    { title: '演示：股权出质登记材料反复退回', level: 2, daysAgo: 20, stage: 'feedback_given' },
  ] as const
  return deps.db.transaction().execute(async (tx) => {
    for (const c of cases) {
      const rating = await q.insertDemoRating(tx, {
        departmentId: unitId,
        enterpriseId: rater.enterprise_id,
        ratedBy: rater.user_id,
        level: c.level,
        comment: c.title.replace('演示：', ''),
        ratedAt: new Date(now - c.daysAgo * DAY),
      })
      const id = await openRectification(
        tx,
        {
          id: rating.id,
          subjectType: rating.subject_type,
          subjectId: rating.subject_id,
          stage: rating.stage,
          departmentId: rating.department_id,
          enterpriseId: rating.enterprise_id,
          kind: rating.kind,
          level: rating.level,
          comment: rating.comment,
          ratedBy: rating.rated_by,
          ratedAt: rating.rated_at,
        },
        c.title,
      )
      if (!id || c.stage === 'open') continue
      const step = async (
        action: 'submit_evidence' | 'verify' | 'give_feedback',
        changes: object,
        note: string,
      ) => {
        const row = await q.lockRectification(tx, id)
        await applySystemRectificationAction(tx, seed, row!, action, async ({ now: at }) => ({
          changes: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v === 'now' ? at : v])),
          event: {
            audience: 'enterprise',
            note,
            noteAudience: action === 'give_feedback' ? 'enterprise' : 'internal',
          },
        }))
      }
      const measures = '演示数据：已约谈窗口负责人，增设自助终端并公开服务承诺'
      await step('submit_evidence', { measures, evidence_submitted_at: 'now' }, measures)
      if (c.stage !== 'feedback_given') continue
      await step(
        'verify',
        {
          contacted_at: 'now',
          contact_outcome: 'confirmed',
          contact_note: '演示数据：电话回访，企业认可',
          verified_at: 'now',
        },
        '演示数据：电话回访，企业认可',
      )
      await step(
        'give_feedback',
        { feedback_note: '已增设自助终端，登记材料一次告知', feedback_at: 'now' },
        '已增设自助终端，登记材料一次告知',
      )
    }
    return cases.length
  })
}
