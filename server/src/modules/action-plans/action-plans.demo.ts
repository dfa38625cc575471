import { systemActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { cityToday } from '../../kernel/calendar/city-today'
import { addDays } from '../../kernel/calendar/zoned-time'
import type { Tx } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import * as q from './action-plans.queries'
import type { PlanTaskState } from './plan-task-states'

/**
 * Demo data: the STRUCTURE of 《大连市营商环境升级行动方案(2022-2024年)》 as far as it can be written
 * without the full text — its areas are the usual chapters of such a plan (market access, government
 * services, fair competition and regulation, factor supply, rule of law, policies for enterprises,
 * integrity, openness); the tasks are invented demo tasks in the plan's spirit, owned by demo
 * departments, in every state (decision 0064; the public page's footnote says so). Deadlines are
 * relative to today so that the demo always has a task near its deadline and one overdue. Once: a
 * database with any area keeps its own plan.
 */
const AREAS = [
  { name: '市场准入', summary: '降低准入门槛，压减开办企业环节和时间，推进“证照分离”“一业一证”。' },
  { name: '政务服务', summary: '推进“一网通办”“一件事一次办”，办事不找人、审批不见面。' },
  {
    name: '公平竞争与监管',
    summary: '清理妨碍统一市场和公平竞争的规定，推行“双随机、一公开”和包容审慎监管。',
  },
  { name: '要素保障', summary: '用地、用水用电用气、融资、人才等要素供给提速降费。' },
  { name: '法治保障', summary: '规范涉企执法，保护市场主体合法权益，畅通诉求渠道。' },
  { name: '惠企政策', summary: '政策找企业、免申即享，惠企资金直达快享。' },
  { name: '诚信建设', summary: '政府守信践诺，清理拖欠企业账款，健全信用修复。' },
  { name: '开放环境', summary: '提升跨境贸易便利化水平，优化口岸营商环境。' },
] as const

type DemoTask = {
  area: (typeof AREAS)[number]['name']
  title: string
  expectedOutput: string
  owner: string
  /** days from today (negative: the deadline has passed) */
  deadlineIn: number
  status: PlanTaskState
  progress: number
  report?: string
}

const TASKS: DemoTask[] = [
  {
    area: '市场准入',
    title: '企业开办全流程压缩至 1 个工作日内',
    expectedOutput: '企业开办“一网通办”平台全流程上线，平均办理时间统计表',
    owner: 'DL-SCJGJ',
    deadlineIn: -30,
    status: 'accepted',
    progress: 100,
    report: '企业开办平台已整合登记、刻章、申领发票、社保登记，2024 年平均用时 0.8 个工作日。',
  },
  {
    area: '市场准入',
    title: '推行经营主体登记确认制和住所申报承诺制',
    expectedOutput: '登记确认制实施办法及住所申报承诺制工作指引',
    owner: 'DL-SCJGJ',
    deadlineIn: 4,
    status: 'in_progress',
    progress: 60,
    report: '实施办法已完成征求意见，正在合法性审查。',
  },
  {
    area: '政务服务',
    title: '高频事项“一件事一次办”扩展至 30 项',
    expectedOutput: '“一件事”清单及办事指南，上线运行数据',
    owner: 'DL-YSJ',
    deadlineIn: 20,
    status: 'submitted',
    progress: 100,
    report: '已上线 32 项“一件事”，清单与指南已公布。',
  },
  {
    area: '政务服务',
    title: '社保、医保业务全程网办率达到 90%',
    expectedOutput: '全程网办事项清单和月度网办率统计',
    owner: 'DL-RSJ',
    deadlineIn: 45,
    status: 'returned',
    progress: 70,
    report: '网办率 85%，未达目标。',
  },
  {
    area: '公平竞争与监管',
    title: '开展妨碍统一市场和公平竞争政策措施清理',
    expectedOutput: '清理结果清单（废止、修订文件目录）',
    owner: 'DL-SFJ',
    deadlineIn: -3,
    status: 'in_progress',
    progress: 40,
    report: '已梳理规范性文件 214 件，初筛存在问题 6 件。',
  },
  {
    area: '公平竞争与监管',
    title: '涉企检查全面推行“扫码入企”',
    expectedOutput: '检查码系统上线，涉企检查登记率统计',
    owner: 'DL-SCJGJ',
    deadlineIn: 60,
    status: 'not_started',
    progress: 0,
  },
  {
    area: '要素保障',
    title: '工业项目“标准地”出让比例达到 50%',
    expectedOutput: '标准地出让清单及控制指标体系',
    owner: 'DL-ZRZYJ',
    deadlineIn: 90,
    status: 'in_progress',
    progress: 30,
    report: '控制指标体系已印发，首批 6 宗地块完成出让。',
  },
  {
    area: '要素保障',
    title: '小微企业低压接电“零投资”“三零”服务全覆盖',
    expectedOutput: '供电企业服务承诺及接电用时统计',
    owner: 'DL-GXJ',
    deadlineIn: -60,
    status: 'accepted',
    progress: 100,
    report: '低压小微企业接电平均用时 4.6 个工作日，“三零”服务覆盖率 100%。',
  },
  {
    area: '法治保障',
    title: '推行涉企轻微违法行为“首违不罚”清单',
    expectedOutput: '市级不予处罚和减轻处罚事项清单',
    owner: 'DL-SFJ',
    deadlineIn: 30,
    status: 'not_started',
    progress: 0,
  },
  {
    area: '惠企政策',
    title: '惠企政策“免申即享”事项不少于 20 项',
    expectedOutput: '“免申即享”事项清单和兑现资金统计',
    owner: 'DL-CZJ',
    deadlineIn: 15,
    status: 'in_progress',
    progress: 50,
    report: '已梳理可免申事项 14 项，正在与税务、人社共享数据。',
  },
  {
    area: '诚信建设',
    title: '清理拖欠中小企业账款做到“应清尽清”',
    expectedOutput: '拖欠账款台账及清偿进度月报',
    owner: 'DL-CZJ',
    deadlineIn: -10,
    status: 'not_started',
    progress: 0,
  },
  {
    area: '开放环境',
    title: '进出口整体通关时间较 2021 年压缩三分之一',
    expectedOutput: '通关时间统计及“提前申报”“两步申报”推广情况',
    owner: 'DL-HG',
    deadlineIn: 120,
    status: 'in_progress',
    progress: 45,
    report: '进口整体通关时间较 2021 年压缩 28%。',
  },
]

export async function seedDemoActionPlan(deps: AppDeps, tx: Tx): Promise<number> {
  if ((await q.countAreas(tx)) > 0) return 0
  const creator = await q.findUserIdByUsername(tx, 'dispatcher')
  const reporter = (await q.findUserIdByUsername(tx, 'depthead')) ?? creator
  if (!creator || !reporter) return 0
  const codes = [...new Set(TASKS.map((t) => t.owner))]
  const found = await q.findDepartmentIdsByCodes(tx, codes)
  const idOf = (code: string) => found.find((d) => d.code === code)?.id
  const now = new Date()
  const today = cityToday(deps, now)
  const areaIds = new Map<string, string>()
  for (const area of AREAS) {
    const row = await q.insertArea(tx, { name: area.name, summary: area.summary })
    if (row) areaIds.set(area.name, row.id)
  }
  let seeded = 0
  for (const task of TASKS) {
    const owner = idOf(task.owner)
    const areaId = areaIds.get(task.area)
    if (!owner || !areaId) continue
    const deadline = addDays(today, task.deadlineIn)
    const id = await q.insertTask(tx, {
      areaId,
      title: task.title,
      description: '',
      expectedOutput: task.expectedOutput,
      ownerDepartmentId: owner,
      deadline,
      createdBy: creator,
      at: now,
    })
    const submitted = task.status === 'accepted' || task.status === 'submitted' || task.status === 'returned'
    if (task.report)
      await q.insertReport(tx, {
        taskId: id,
        kind: submitted ? 'completion' : 'progress',
        percent: submitted ? 100 : task.progress,
        text: task.report,
        evidenceIds: [],
        by: reporter,
        at: now,
      })
    await q.updateTask(tx, id, {
      status: task.status,
      progress: task.progress,
      // an accepted demo task was submitted before its deadline
      submitted_at: submitted ? new Date(`${addDays(deadline, -1)}T02:00:00Z`) : null,
      accepted_at: task.status === 'accepted' ? now : null,
      review_note: task.status === 'returned' ? '网办率未达 90% 的目标，请补充整改措施后再报。' : null,
    })
    await q.insertTaskEvent(tx, id, {
      type: 'create',
      actorUserId: creator,
      actorRole: 'bureau',
      departmentId: owner,
      note: null,
      noteAudience: 'internal',
      data: { demo: true },
      audience: 'internal',
    })
    seeded++
  }
  await writeAudit(tx, systemActor('seed'), {
    action: 'action_plan.seed',
    entityType: 'action_plan_area',
    entityId: areaIds.values().next().value ?? null,
    after: { areas: AREAS.length, tasks: seeded, demo: true },
  })
  return seeded
}
