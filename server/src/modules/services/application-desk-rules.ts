import type { ApplicationState } from './application-states'

/**
 * When the 办不成事 desk takes an application: it ended without what the enterprise asked for
 * (refused, not accepted, terminated), or it is stuck — a clock ran out with nobody acting on it,
 * or the applicant cannot meet the supplement request. Anything else is on its way and is not a
 * "cannot get it done" yet; a withdrawn application was the enterprise's own choice.
 * Pure: the service reads the stored columns and the instant, and gets one reason or none.
 */
export const DESK_REASONS = [
  'refused',
  'not_accepted',
  'terminated',
  'completeness_overdue',
  'decision_overdue',
  'special_step_overdue',
  'supplement_unmeetable',
] as const
export type DeskReason = (typeof DESK_REASONS)[number]

export type DeskFacts = {
  status: ApplicationState
  completeness_due_at: Date | null
  decision_due_at: Date | null
  special_step_due_at: Date | null
}

export function deskReasonOf(row: DeskFacts, now: Date): DeskReason | null {
  const passed = (due: Date | null) => due !== null && due.getTime() < now.getTime()
  switch (row.status) {
    case 'refused':
    case 'not_accepted':
    case 'terminated':
      return row.status
    // The check is late: the department owes an answer it did not give (the clock will deem it
    // accepted, but the enterprise need not wait for that to say so).
    case 'submitted':
      return passed(row.completeness_due_at) ? 'completeness_overdue' : null
    // Past the promised limit (the decision clock, extensions included) without a decision.
    case 'accepted':
      return passed(row.decision_due_at) ? 'decision_overdue' : null
    case 'special_step':
      return passed(row.special_step_due_at) ? 'special_step_overdue' : null
    // Only the applicant knows it cannot supply what was asked: the tap itself says so.
    case 'supplement_requested':
      return 'supplement_unmeetable'
    default:
      return null
  }
}

/** How the reason reads in the appeal the desk files (stored text, in the city's language). */
export const DESK_REASON_TEXT: Record<DeskReason, string> = {
  refused: '申请被作出不予许可决定',
  not_accepted: '申请不予受理',
  terminated: '容缺受理后办件被终止',
  completeness_overdue: '超过受理审查时限仍未受理或告知补正',
  decision_overdue: '超过承诺办结时限仍未作出决定',
  special_step_overdue: '特殊环节超过其时限仍未结束',
  supplement_unmeetable: '企业无法按补正告知提供材料',
}
