import { addDays } from '../../kernel/calendar/zoned-time'
import type { Tx } from '../../kernel/db/database'
import { AppError } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import { registerPlanCheck, type PlannedInspection } from '../inspections'
import { cappedItemsOf, findCapBreach, isCapExempt, quarterRange, tierOf, yearRange } from './cap-arithmetic'
import { capSettingsOf } from './cap-settings.service'
import './inspection-caps.messages'
import * as q from './inspection-caps.queries'

/**
 * The cap check planning runs inside its transaction before the inspection is written (decision
 * 0060), in two statements (the round trips are the cost). Refuses: INSPECTION_CAP_REACHED (which cap, the count, the limit),
 * INSPECTION_CAP_NO_GRANTED_EXEMPTION (a plan claiming the bureau's exemption without an unused
 * granted one). A documented exemption or a re-check passes uncounted; 'bureau_granted' uses up one
 * granted request. Whatever passes may get a note proposing a joint visit (综合查一次).
 */
export async function checkInspectionCaps(tx: Tx, plan: PlannedInspection, at: Date = new Date()) {
  const context = await q.lockAndReadCapContext(tx, plan)
  const settings = capSettingsOf(context.settings)
  const year = yearRange(plan.plannedOn)
  const windowDays = settings.jointWindowDays
  const counts = await q.countForPlan(tx, {
    enterpriseId: plan.enterpriseId,
    departmentId: plan.departmentId,
    itemIds: cappedItemsOf(settings, plan.itemIds),
    year,
    quarter: quarterRange(plan.plannedOn),
    near: { from: addDays(plan.plannedOn, -windowDays), to: addDays(plan.plannedOn, windowDays) },
  })
  if (plan.capExemption === 'bureau_granted') {
    // The planner claims the bureau's exemption: one granted request is used up, over the cap or not,
    // so no inspection carries 'bureau_granted' without a decision behind it.
    const used = await q.useGrantedExemption(tx, {
      ...year,
      enterpriseId: plan.enterpriseId,
      departmentId: plan.departmentId,
      itemIds: plan.itemIds,
      plannedOn: plan.plannedOn,
      usedBy: plan.plannedBy,
      inspectionId: plan.inspectionId ?? null,
      at,
    })
    if (!used) throw new AppError('INSPECTION_CAP_NO_GRANTED_EXEMPTION')
  } else if (!isCapExempt(plan.kind, plan.capExemption)) {
    const breach = findCapBreach({
      settings,
      tier: tierOf(context.tier),
      kind: plan.kind,
      itemIds: plan.itemIds,
      counts,
    })
    if (breach)
      throw new AppError('INSPECTION_CAP_REACHED', {
        params: {
          cap: translate(`inspectionCaps.cap.${breach.cap}`),
          count: breach.count,
          limit: breach.limit,
        },
      })
  }
  // Other bodies coming within the window: one joint visit is proposed (综合查一次).
  if (plan.kind === 'service_visit' || !counts.nearby.length) return { notes: [] }
  return {
    notes: [
      translate('inspectionCaps.jointNote', {
        days: windowDays,
        count: counts.nearby.length,
        numbers: counts.nearby.join('、'),
      }),
    ],
  }
}

registerPlanCheck('inspection-caps', (tx, plan) => checkInspectionCaps(tx, plan))
