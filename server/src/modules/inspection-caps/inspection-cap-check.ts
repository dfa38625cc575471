import { addDays } from '../../kernel/calendar/zoned-time'
import type { Tx } from '../../kernel/db/database'
import { AppError } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import { registerPlanCheck, type PlannedInspection } from '../inspections'
import { cappedItemsOf, findCapBreach, isCapExempt, quarterRange, tierOf, yearRange } from './cap-arithmetic'
import { loadCapSettingsAt } from './cap-settings.service'
import './inspection-caps.messages'
import * as q from './inspection-caps.queries'

/**
 * The cap check planning runs inside its transaction before the inspection is written (decision
 * 0060). Refuses: INSPECTION_CAP_REACHED (which cap, the count, the limit),
 * INSPECTION_CAP_NO_GRANTED_EXEMPTION (a plan claiming the bureau's exemption without an unused
 * granted one). A documented exemption or a re-check passes uncounted; 'bureau_granted' uses up one
 * granted request. Whatever passes may get a note proposing a joint visit (综合查一次).
 */
export async function checkInspectionCaps(tx: Tx, plan: PlannedInspection, at: Date = new Date()) {
  const { settings } = await loadCapSettingsAt(tx, plan.plannedOn)
  if (!isCapExempt(plan.kind, plan.capExemption)) {
    await q.lockEnterpriseCaps(tx, plan.enterpriseId)
    const year = yearRange(plan.plannedOn)
    const quarter = quarterRange(plan.plannedOn)
    const isVisit = plan.kind === 'service_visit'
    const cappedItems = isVisit ? [] : cappedItemsOf(settings, plan.itemIds)
    // One round trip each, on the transaction's one connection: the tier, the year's counts, and
    // only what this kind of plan answers to (items with a cap; the quarter's visits).
    const tier = isVisit ? null : await q.findCreditTier(tx, plan.enterpriseId)
    const counted = isVisit
      ? { body: 0, total: 0 }
      : await q.countCappedInspections(tx, {
          ...year,
          enterpriseId: plan.enterpriseId,
          departmentId: plan.departmentId,
        })
    const items = cappedItems.length
      ? await q.countItemInspections(tx, { ...year, enterpriseId: plan.enterpriseId, itemIds: cappedItems })
      : new Map<string, number>()
    const serviceVisits = isVisit
      ? await q.countServiceVisits(tx, { ...quarter, enterpriseId: plan.enterpriseId })
      : 0
    const breach = findCapBreach({
      settings,
      tier: tierOf(tier),
      kind: plan.kind,
      itemIds: plan.itemIds,
      counts: { ...counted, items, serviceVisits },
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
    } else if (breach) {
      throw new AppError('INSPECTION_CAP_REACHED', {
        params: {
          cap: translate(`inspectionCaps.cap.${breach.cap}`),
          count: breach.count,
          limit: breach.limit,
        },
      })
    }
  }
  return { notes: await proposeJointVisit(tx, plan, settings.jointWindowDays) }
}

/** Other bodies' inspections of the enterprise within the window: one joint visit is proposed. */
async function proposeJointVisit(tx: Tx, plan: PlannedInspection, windowDays: number): Promise<string[]> {
  if (plan.kind === 'service_visit') return []
  const nearby = await q.findOtherBodiesNearby(tx, {
    enterpriseId: plan.enterpriseId,
    departmentId: plan.departmentId,
    from: addDays(plan.plannedOn, -windowDays),
    to: addDays(plan.plannedOn, windowDays),
  })
  if (!nearby.length) return []
  return [
    translate('inspectionCaps.jointNote', {
      days: windowDays,
      count: nearby.length,
      numbers: nearby.map((n) => n.number).join('、'),
    }),
  ]
}

registerPlanCheck('inspection-caps', (tx, plan) => checkInspectionCaps(tx, plan))
