import { cityToday } from '../../kernel/calendar/city-today'
import { addDays } from '../../kernel/calendar/zoned-time'
import type { UserActor } from '../../kernel/auth/actor'
import type { AppDeps } from '../../kernel/http/app-env'
import * as q from './inspection-results-demo.queries'
import { addLeniencyEntry, recordResult } from './inspection-results.service'

/**
 * Demo data of the result step (Dalian): the demo inspector 刘执法 of 市场监督管理局, certified, with
 * two inspections of the demo enterprise — one whose result is recorded (a first offence let off under
 * SAMR-FO-01, its correction due with a re-check to follow) and one checked in and waiting for its
 * result, so the form can be tried — and a Dalian list entry beside the national ones. Once: a
 * database with any result keeps its own.
 */
export async function seedDemoInspectionResults(deps: AppDeps, demoPhone: string): Promise<number> {
  if ((await q.countResults(deps.db)) > 0) return 0
  const inspector = await q.findUser(deps.db, 'inspector')
  const admin = await q.findUser(deps.db, 'admin')
  const enterprise = await q.findEnterpriseOfPhone(deps.db, demoPhone)
  if (!inspector?.department_id || !enterprise) return 0
  const body = inspector.department_id
  await q.certifyInspector(deps.db, inspector.id, body)
  const itemId = await q.ensureItem(deps.db, body)
  const now = new Date()
  const today = cityToday(deps, now)
  const actor = staffActor(inspector.id, body, 'inspector', '刘执法')

  if (admin?.department_id && !(await q.findEntryIdByCode(deps.db, 'DL-FO-01')))
    await addLeniencyEntry(deps, staffActor(admin.id, admin.department_id, 'admin', 'admin'), {
      code: 'DL-FO-01',
      list: 'first_offence',
      scope: 'municipal',
      title: '户外招牌设置后未按规定设置安全警示标识',
      provision: '《大连市户外广告设施和招牌设置管理条例》第二十二条',
      conditions: [
        { key: 'first_offence', text: '两年内无同类违法记录' },
        { key: 'no_harm', text: '未造成人身伤害或者财产损失' },
        { key: 'corrected_in_time', text: '在责令改正期限内补设警示标识' },
      ],
      lookbackMonths: 24,
      source: '大连市市场监管领域首违不罚事项清单（演示数据，非正式文件）',
      issuer: '大连市市场监督管理局',
      effectiveOn: '2025-07-01',
    })

  const recorded = await q.insertDemoInspection(deps.db, {
    number: 'JC-DEMO-2101-0001',
    enterpriseId: enterprise.enterprise_id,
    departmentId: body,
    plannedOn: addDays(today, -1),
    status: 'checked_in',
    plannedBy: inspector.id,
    itemId,
    inspectorId: inspector.id,
    checkedInAt: new Date(now.getTime() - 86_400_000),
  })
  const entryId = await q.findEntryIdByCode(deps.db, 'SAMR-FO-01')
  if (recorded && entryId)
    await recordResult(deps, actor, recorded.id, {
      version: recorded.version,
      outcome: 'problem_found',
      summary: '营业执照未悬挂于经营场所醒目位置，属首次违法且危害后果轻微，依清单不予处罚，责令限期改正。',
      internalNote: '现场负责人配合检查，已承诺当日悬挂。',
      problems: [
        {
          description: '营业执照正本存放于办公室抽屉，未置于经营场所醒目位置',
          provision: '《市场主体登记管理条例》第三十六条',
          decision: 'leniency',
          leniencyEntryId: entryId,
          confirmedConditions: ['first_offence', 'minor_harm', 'corrected_in_time'],
          correction: '将营业执照正本悬挂于经营场所醒目位置，拍照上传',
          correctionWorkingDays: 5,
        },
      ],
    })
  await q.insertDemoInspection(deps.db, {
    number: 'JC-DEMO-2101-0002',
    enterpriseId: enterprise.enterprise_id,
    departmentId: body,
    plannedOn: today,
    status: 'checked_in',
    plannedBy: inspector.id,
    itemId,
    inspectorId: inspector.id,
    checkedInAt: now,
  })
  return 1
}

/** The demo's staff as the services see a signed-in user (the seed acts through the same rules). */
function staffActor(
  userId: string,
  departmentId: string,
  role: 'inspector' | 'admin',
  label: string,
): UserActor {
  return {
    kind: 'user',
    userId,
    userKind: 'staff',
    label,
    departmentId,
    roles: [{ role, departmentId }],
    sessionId: 'seed',
    mustChangePassword: false,
    consentPending: false,
  }
}
