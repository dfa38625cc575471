import { systemActor } from '../../kernel/auth/actor'
import type { AppDeps } from '../../kernel/http/app-env'
import * as q from './supervision.queries'
import { escalateSupervisionCaseWork, openSupervisionCase } from './supervision.service'
import { runSystemSupervisionAction } from './supervision-action'

/**
 * The demo's supervision cases (npm start with demo data), one at each step of the ladder: one the
 * market regulator (市场监督管理局: handler / depthead) owes a response to, one the tax bureau
 * (税务: taxhead) answered for the bureau to verify, and one of repeated bad ratings of the human
 * resources bureau (人社: rsjhead) that already climbed to bureau level. Once: a database with any
 * supervision case keeps its own. Answers how many it opened.
 */
export async function seedDemoSupervisionCases(
  deps: AppDeps,
  departmentIdOf: (code: string) => string | undefined,
) {
  const seed = systemActor('seed')
  return deps.db.transaction().execute(async (tx) => {
    if (await q.anySupervisionCase(tx)) return 0
    const market = departmentIdOf('DL-SCJGJ')
    const tax = departmentIdOf('DL-TAX')
    const hr = departmentIdOf('DL-RSJ')
    if (!market || !tax || !hr) return 0
    const now = new Date()
    await openSupervisionCase(deps, tx, seed, {
      source: 'manual',
      subjectType: 'department',
      subjectId: market,
      departmentId: market,
      reason: '多家企业反映食品经营许可窗口要求重复提交已提交过的材料，督促限期整改',
    })
    const answered = await openSupervisionCase(deps, tx, seed, {
      source: 'manual',
      subjectType: 'department',
      subjectId: tax,
      departmentId: tax,
      reason: '企业反映出口退税审核进度不透明、多次询问无答复',
    })
    const row = await q.lockSupervisionCase(tx, answered.id)
    if (row)
      await runSystemSupervisionAction(deps, tx, seed, row, 'respond', now, async () => ({
        changes: { responded_at: now },
        event: {
          note: '已在电子税务局开通退税进度查询，并安排专人三个工作日内回电答复企业。',
          data: { evidence: ['退税进度查询功能上线通知', '专人回访记录表'] },
          departmentId: tax,
        },
      }))
    const rated = await openSupervisionCase(deps, tx, seed, {
      source: 'bad_ratings',
      subjectType: 'department',
      subjectId: hr,
      departmentId: hr,
      reason: 'bad_ratings',
      data: { ratings: [], windowDays: 30 },
    })
    const climbing = await q.lockSupervisionCase(tx, rated.id)
    if (climbing)
      await runSystemSupervisionAction(deps, tx, seed, climbing, 'escalate', now, (ctx) =>
        escalateSupervisionCaseWork(ctx, '演示：科室级期限内未反馈，升级为局级督办'),
      )
    return 3
  })
}
