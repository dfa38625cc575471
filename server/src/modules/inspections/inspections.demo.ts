import { systemActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { cityToday, cityYear } from '../../kernel/calendar/city-today'
import { addDays } from '../../kernel/calendar/zoned-time'
import type { Tx } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import { formatInspectionNumber, newCheckCode } from './inspection-check-code'
import * as dq from './inspection-demo.queries'
import * as rq from './inspection-registry.queries'
import * as q from './inspections.queries'
import type { InspectionState } from './inspection-states'
import type { InspectionKind, VisitPurpose } from './inspections.tables'

/**
 * Demo data of the inspection registry (Dalian): 市场监管局's published inspection items with their
 * legal basis (one unused for five years), two items of 应急管理局 and one of its drafts; the demo
 * inspectors 刘执法, 王执法 and 赵执法 certified; and inspections of the demo enterprise in different
 * states — one waiting for 赵处长's approval, one approved for this week (its code can be scanned),
 * one checked in last month (to rate), a closed guidance visit and one the enterprise refused — plus
 * one report of an unregistered visit. Once: a database with any item keeps its own.
 */
const MARKET = 'DL-SCJGJ'
const EMERGENCY = 'DL-YJJ'

const ITEMS: { code: string; body: string; name: string; basis: string; content: string; old?: true }[] = [
  {
    code: 'SC-SP-001',
    body: MARKET,
    name: '食品经营者经营条件和许可事项检查',
    basis: '《中华人民共和国食品安全法》第一百一十条；《食品生产经营监督检查管理办法》第十二条',
    content: '经营许可证、从业人员健康证明、进货查验记录、贮存条件',
  },
  {
    code: 'SC-SP-002',
    body: MARKET,
    name: '食品生产企业监督检查',
    basis: '《中华人民共和国食品安全法》第八十七条；《食品生产经营监督检查管理办法》（市场监管总局令第49号）',
    content: '生产环境、原料控制、出厂检验记录',
  },
  {
    code: 'SC-TZ-001',
    body: MARKET,
    name: '特种设备使用单位监督检查',
    basis: '《中华人民共和国特种设备安全法》第五十七条、第六十一条',
    content: '使用登记、定期检验、作业人员持证',
  },
  {
    code: 'SC-ZL-001',
    body: MARKET,
    name: '产品质量监督抽查',
    basis: '《中华人民共和国产品质量法》第十五条',
    content: '按抽查计划抽取样品，检验不收取费用',
  },
  {
    code: 'SC-JL-001',
    body: MARKET,
    name: '计量器具使用监督检查',
    basis: '《中华人民共和国计量法》第九条、第十八条',
    content: '强制检定计量器具的检定情况',
  },
  {
    code: 'SC-XY-001',
    body: MARKET,
    name: '企业年度报告公示信息检查',
    basis: '《企业信息公示暂行条例》第十四条',
    content: '年度报告公示信息的真实性',
  },
  {
    code: 'SC-YP-001',
    body: MARKET,
    name: '药品零售企业监督检查',
    basis: '《中华人民共和国药品管理法》第九十九条',
    content: '药品购进、储存、处方药销售',
  },
  {
    code: 'SC-JG-001',
    body: MARKET,
    name: '明码标价和价格行为检查',
    basis: '《中华人民共和国价格法》第十三条、第三十四条；《明码标价和禁止价格欺诈规定》',
    content: '明码标价、价格欺诈',
  },
  {
    code: 'SC-TM-001',
    body: MARKET,
    name: '商品条码使用检查',
    basis: '《商品条码管理办法》第二十二条',
    content: '系统成员证书、条码使用',
    old: true,
  },
  {
    code: 'YJ-AQ-001',
    body: EMERGENCY,
    name: '生产经营单位安全生产监督检查',
    basis: '《中华人民共和国安全生产法》第六十五条',
    content: '安全生产责任制、隐患排查治理、应急预案',
  },
  {
    code: 'YJ-WH-001',
    body: EMERGENCY,
    name: '危险化学品经营单位安全检查',
    basis: '《危险化学品安全管理条例》第六条、第三十四条',
    content: '经营许可、储存场所、安全管理制度',
  },
]

const INSPECTORS = [
  { username: 'inspector', certificateNo: '21020024001' },
  { username: 'inspector2', certificateNo: '21020024002' },
  { username: 'inspector3', certificateNo: '21020024003' },
]

export async function seedDemoInspections(deps: AppDeps, tx: Tx, demoPhone: string): Promise<number> {
  if ((await dq.countInspectionItems(tx)) > 0) return 0
  const bodies = await dq.findDepartmentIdsByCodes(tx, [MARKET, EMERGENCY])
  const bodyId = (code: string) => bodies.find((b) => b.code === code)?.id
  const market = bodyId(MARKET)
  const emergency = bodyId(EMERGENCY)
  const users = await dq.findUserIdsByUsernames(tx, [
    ...INSPECTORS.map((i) => i.username),
    'depthead',
    'handler',
  ])
  const userId = (username: string) => users.find((u) => u.username === username)?.id
  if (!market || !emergency) return 0

  const now = new Date()
  const today = cityToday(deps, now)
  const seed = systemActor('seed')
  const itemIds = new Map<string, string>()
  for (const item of ITEMS) {
    const id = await rq.insertInspectionItem(tx, {
      code: item.code,
      name: item.name,
      departmentId: bodyId(item.body)!,
      basis: item.basis,
      content: item.content,
    })
    await dq.setItemDates(tx, id, {
      publishedAt: item.old ? new Date('2018-03-01T02:00:00Z') : new Date(now.getTime() - 400 * 86_400_000),
      lastUsedOn: item.old ? '2019-05-20' : null,
    })
    itemIds.set(item.code, id)
  }
  // A draft of 应急管理局: not yet published, so no plan may name it.
  await rq.insertInspectionItem(tx, {
    code: 'YJ-FX-001',
    departmentId: emergency,
    name: '粉尘涉爆企业专项检查',
    basis: '《工贸企业粉尘防爆安全规定》（应急管理部令第6号）第二十七条',
    content: '除尘系统、防爆措施',
  })
  await writeAudit(tx, seed, {
    action: 'inspection_item.seed',
    entityType: 'inspection_item',
    entityId: itemIds.get('SC-SP-001')!,
    after: { items: ITEMS.length + 1 },
  })

  for (const inspector of INSPECTORS) {
    const id = userId(inspector.username)
    if (!id) continue
    await rq.insertInspector(tx, {
      userId: id,
      departmentId: market,
      certificateNo: inspector.certificateNo,
      certifiedUntil: addDays(today, 3 * 365),
    })
  }

  const [enterprise] = await dq.findEnterprisesOfPhone(tx, demoPhone)
  const planner = userId('inspector')
  const head = userId('depthead')
  const team = ['inspector', 'inspector2'].map(userId).filter((id): id is string => !!id)
  if (!enterprise || !planner || !head || team.length < 2) return ITEMS.length
  const year = cityYear(deps, now)

  const plan = async (p: {
    kind: InspectionKind
    visitPurpose?: VisitPurpose
    items: string[]
    from: number
    days: number
    purpose: string
    state: InspectionState
    visitors?: string[]
    note?: string
  }) => {
    const plannedOn = addDays(today, p.from)
    const number = formatInspectionNumber(year, await q.nextInspectionSerial(tx, year))
    const id = await q.insertInspection(tx, {
      number,
      checkCode: newCheckCode(),
      kind: p.kind,
      visitPurpose: p.visitPurpose ?? null,
      enterpriseId: enterprise.id,
      departmentId: market,
      plannedOn,
      windowEndsOn: addDays(plannedOn, p.days),
      purpose: p.purpose,
      plannedBy: planner,
      itemIds: p.items.map((code) => itemIds.get(code)!),
      inspectorIds: p.kind === 'service_visit' ? [] : team,
      visitorIds: p.visitors ?? [],
    })
    const event = (type: string, actor: string | null, audience: 'internal' | 'enterprise', note?: string) =>
      q.insertInspectionEvent(tx, id, {
        type,
        actorUserId: actor,
        actorRole:
          actor === head ? 'department_head' : actor === enterprise.user_id ? 'enterprise' : 'inspector',
        departmentId: market,
        note: note ?? null,
        noteAudience: audience,
        data: {},
        audience,
      })
    await event('plan', planner, 'internal')
    const past = new Date(now.getTime() + p.from * 86_400_000)
    const approved = p.state !== 'planned'
    if (approved) await event('approve', head, 'enterprise')
    if (p.state === 'checked_in' || p.state === 'closed')
      await event('check_in', enterprise.user_id, 'enterprise')
    if (p.state === 'refused') await event('refuse', enterprise.user_id, 'enterprise', p.note)
    if (p.state === 'closed') await event('close', planner, 'enterprise')
    await q.updateInspection(tx, id, {
      status: p.state,
      approved_by: approved ? head : null,
      approved_at: approved ? new Date(past.getTime() - 3 * 86_400_000) : null,
      checked_in_at: p.state === 'checked_in' || p.state === 'closed' ? past : null,
      checked_in_by: p.state === 'checked_in' || p.state === 'closed' ? enterprise.user_id : null,
      closed_at: p.state === 'closed' || p.state === 'refused' ? past : null,
      decision_note: p.note ?? null,
    })
    if (approved)
      await rq.markItemsUsed(
        tx,
        p.items.map((code) => itemIds.get(code)!),
        plannedOn,
      )
    await writeAudit(tx, seed, {
      action: 'inspection.seed',
      entityType: 'inspection',
      entityId: id,
      after: { number, status: p.state },
    })
  }

  await plan({
    kind: 'routine',
    items: ['SC-SP-001', 'SC-JG-001'],
    from: 3,
    days: 4,
    purpose: '年度日常监督检查：食品经营条件与明码标价',
    state: 'planned',
  })
  await plan({
    kind: 'special',
    items: ['SC-TZ-001'],
    from: 0,
    days: 6,
    purpose: '电梯等特种设备安全专项检查（冬季安全生产）',
    state: 'approved',
  })
  await plan({
    kind: 'routine',
    items: ['SC-JL-001', 'SC-XY-001'],
    from: -30,
    days: 3,
    purpose: '计量器具使用和年报公示信息检查',
    state: 'checked_in',
  })
  await plan({
    kind: 'service_visit',
    visitPurpose: 'guidance',
    items: ['SC-XY-001'],
    from: -60,
    days: 2,
    purpose: '信用修复政策上门指导（服务走访）',
    state: 'closed',
    visitors: [userId('handler')].filter((id): id is string => !!id),
  })
  await plan({
    kind: 'case',
    items: ['SC-ZL-001'],
    from: -90,
    days: 1,
    purpose: '投诉举报核查：产品质量',
    state: 'refused',
    note: '执法人员未出示执法证件，企业要求改期',
  })
  await q.insertUnregisteredVisitReport(tx, {
    enterpriseId: enterprise.id,
    reportedBy: enterprise.user_id,
    bodyName: '自称区消防检查人员',
    note: '两人上门称要检查消防通道，未出示检查码和执法证件，已拒绝入企。',
    presentedCode: null,
    visitedOn: addDays(today, -10),
  })
  return ITEMS.length
}
