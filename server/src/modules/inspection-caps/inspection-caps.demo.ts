import { systemActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { cityToday } from '../../kernel/calendar/city-today'
import { addDays } from '../../kernel/calendar/zoned-time'
import type { AppDeps } from '../../kernel/http/app-env'
import { DEFAULT_CAP_SETTINGS } from './cap-arithmetic'
import * as q from './inspection-caps.queries'

/**
 * Demo data for Dalian: the year's caps as a version the bureau's leadership adopted on 1 January
 * (the defaults of decision 0060), and two exemption requests of 市场监督管理局 — one waiting for the
 * task force, one granted. Once: a database with any cap version keeps its own.
 */
export async function seedDemoInspectionCapsIfEmpty(deps: AppDeps): Promise<number> {
  return deps.db.transaction().execute(async (tx) => {
    await q.lockDemoSeeding(tx)
    if ((await q.countCapVersions(tx)) > 0) return 0
    const leader = await q.findUserIdByUsername(tx, 'leader')
    const dispatcher = await q.findUserIdByUsername(tx, 'dispatcher')
    const inspector = await q.findUserIdByUsername(tx, 'inspector')
    const market = await q.findDepartmentIdByCode(tx, 'DL-SCJGJ')
    const [first, second] = await q.findSomeEnterpriseIds(tx, 2)
    if (!leader || !dispatcher || !inspector || !market || !first || !second) return 0
    const seed = systemActor('seed')
    const now = new Date()
    const today = cityToday(deps, now)
    const version = await q.insertCapVersion(tx, {
      effectiveFrom: `${today.slice(0, 4)}-01-01`,
      settings: DEFAULT_CAP_SETTINGS,
      note: '依据国办发〔2024〕54号，按企业信用风险分类（A–D）设定本年度涉企检查频次上限；服务走访每季度不超过 2 次',
      createdBy: leader,
    })
    if (!version) return 0
    await writeAudit(tx, seed, {
      action: 'inspection_caps.add_version',
      entityType: 'inspection_cap_version',
      entityId: version.id,
      after: { effectiveFrom: version.effective_from, note: version.note },
    })
    const pending = await q.insertExemptionRequest(tx, {
      enterpriseId: first,
      departmentId: market,
      itemIds: [],
      plannedOn: addDays(today, 10),
      reason:
        '该企业本年度已接受本局 2 次检查（B 级上限 2 次），因电梯等特种设备专项整治须再检查一次，申请豁免',
      requestedBy: inspector,
      at: now,
    })
    const granted = await q.insertExemptionRequest(tx, {
      enterpriseId: second,
      departmentId: market,
      itemIds: [],
      plannedOn: addDays(today, 5),
      reason: '省市场监管局部署的食品安全抽检批次须覆盖该企业，本局年度检查次数已满，申请豁免一次',
      requestedBy: inspector,
      at: now,
    })
    await q.decideExemptionRequest(tx, {
      id: granted,
      version: 1,
      status: 'granted',
      decidedBy: dispatcher,
      note: '属省级部署的专项抽检，同意豁免一次，请在检查中一并完成日常监管事项',
      at: now,
    })
    for (const id of [pending, granted])
      await writeAudit(tx, seed, {
        action: 'inspection_caps.request_exemption',
        entityType: 'inspection_cap_exemption_request',
        entityId: id,
      })
    return 1
  })
}
