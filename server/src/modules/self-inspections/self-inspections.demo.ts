import { systemActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { cityToday } from '../../kernel/calendar/city-today'
import { addDays } from '../../kernel/calendar/zoned-time'
import type { Tx } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import * as q from './self-inspections.queries'

/**
 * Demo data: a Dalian task — 涉企收费自查 — issued by the task force to 市场监督管理局, 税务 and 人社.
 * 市场监督管理局 has answered and submitted (one problem, with its plan), so the bureau has a copy to
 * review; 税务 has a draft; 人社 has not started. Once: a database with any task keeps its own.
 */
const DEPARTMENTS = ['DL-SCJGJ', 'DL-TAX', 'DL-RSJ'] as const

const ITEMS = [
  {
    text: '是否存在收费目录清单之外的涉企收费项目',
    guidance: '对照《辽宁省涉企行政事业性收费目录清单》逐项核对本部门及所属单位 2025 年以来的收费。',
  },
  {
    text: '是否存在指定中介、强制企业接受有偿服务的情形',
    guidance: '核查行政审批、检查各环节是否要求企业使用指定机构出具的报告或服务。',
  },
  {
    text: '是否存在应减免未减免、应退未退的收费或保证金',
    guidance: '核对小微企业减免政策落实、到期保证金退还情况，列出台账。',
  },
]

export async function seedDemoSelfInspections(deps: AppDeps, tx: Tx): Promise<number> {
  if ((await q.countTasks(tx)) > 0) return 0
  const found = await q.findDepartmentIdsByCodes(tx, DEPARTMENTS)
  const issuer = await q.findUserIdByUsername(tx, 'dispatcher')
  const depthead = await q.findUserIdByUsername(tx, 'depthead')
  const taxhandler = await q.findUserIdByUsername(tx, 'taxhandler')
  const idOf = (code: string) => found.find((d) => d.code === code)?.id
  const [market, tax, hr] = DEPARTMENTS.map(idOf)
  if (!market || !tax || !hr || !issuer) return 0
  const now = new Date()
  const today = cityToday(deps, now)
  const seed = systemActor('seed')
  const event = (type: string, actorUserId: string | null, note: string | null = null) => ({
    type,
    actorUserId,
    actorRole: actorUserId ? 'staff' : 'system',
    departmentId: null,
    note,
    noteAudience: 'internal' as const,
    data: {},
    audience: 'internal' as const,
  })

  const taskId = await q.insertTask(tx, {
    title: '涉企收费自查',
    scope:
      '本部门及所属事业单位、行业协会商会 2025 年 1 月以来向企业收取的行政事业性收费、经营服务性收费和保证金。',
    basis:
      '《关于开展涉企违规收费专项整治工作的通知》；国务院办公厅关于进一步优化营商环境降低市场主体制度性交易成本的意见（国办发〔2022〕30号）',
    deadline: addDays(today, 14),
    issuedBy: issuer,
    at: now,
  })
  await q.insertItems(tx, taskId, ITEMS)
  const items = await q.findItems(tx, taskId)
  const answers = await q.insertAnswers(tx, taskId, [market, tax, hr])
  for (const a of answers) await q.insertAnswerEvent(tx, a.id, event('issue', issuer))
  const answerOf = (departmentId: string) => answers.find((a) => a.department_id === departmentId)!.id

  // 市场监督管理局: answered every item and submitted; one problem with its plan.
  const marketAnswer = answerOf(market)
  const [i1, i2, i3] = items as [(typeof items)[number], (typeof items)[number], (typeof items)[number]]
  await q.upsertFinding(tx, marketAnswer, {
    itemId: i1.id,
    finding: 'no_problem',
    description: '核对收费项目 9 项，均在目录清单内。',
    evidenceIds: [],
    plan: null,
  })
  await q.upsertFinding(tx, marketAnswer, {
    itemId: i2.id,
    finding: 'problem',
    description: '某区市场监管所在食品经营许可现场核查中向企业推荐特定检测机构 2 次。',
    evidenceIds: [],
    plan: {
      measure: '通报相关所站，停止推荐特定机构；在办事指南中写明企业可自主选择检测机构',
      owner: '食品经营监管处',
      dueDate: addDays(today, 30),
    },
  })
  await q.upsertFinding(tx, marketAnswer, {
    itemId: i3.id,
    finding: 'no_problem',
    description: '小微企业减免政策已落实；到期保证金 3 笔均已退还。',
    evidenceIds: [],
    plan: null,
  })
  await q.updateAnswer(tx, marketAnswer, { status: 'submitted', submitted_at: now })
  await q.insertAnswerEvent(tx, marketAnswer, event('save', depthead ?? null))
  await q.insertAnswerEvent(tx, marketAnswer, event('submit', depthead ?? null))

  // 税务: a draft with the first item answered.
  const taxAnswer = answerOf(tax)
  await q.upsertFinding(tx, taxAnswer, {
    itemId: i1.id,
    finding: 'no_problem',
    description: '税务部门不收取行政事业性收费，已核对代征项目。',
    evidenceIds: [],
    plan: null,
  })
  await q.updateAnswer(tx, taxAnswer, { status: 'draft' })
  await q.insertAnswerEvent(tx, taxAnswer, event('save', taxhandler ?? null))

  await writeAudit(tx, seed, {
    action: 'self_inspection_task.issue',
    entityType: 'self_inspection_task',
    entityId: taskId,
    after: { title: '涉企收费自查', demo: true, departments: DEPARTMENTS },
  })
  return 1
}
