import type { DeskState } from './services.api'

/** The desk's reason in the UI: every reason of the contract has its sentence (a test checks both languages). */
export const DESK_REASON_LABELS = {
  refused: 'services.desk.reasons.refused',
  not_accepted: 'services.desk.reasons.not_accepted',
  terminated: 'services.desk.reasons.terminated',
  completeness_overdue: 'services.desk.reasons.completeness_overdue',
  decision_overdue: 'services.desk.reasons.decision_overdue',
  special_step_overdue: 'services.desk.reasons.special_step_overdue',
  supplement_unmeetable: 'services.desk.reasons.supplement_unmeetable',
} as const satisfies Record<NonNullable<DeskState['reason']>, string>

/** What the desk card shows: the appeal it became, the button, or nothing (an application on its way). */
export function deskViewOf(state: DeskState | undefined): 'filed' | 'offer' | 'none' {
  if (!state) return 'none'
  if (state.appeal) return 'filed'
  return state.eligible && state.reason ? 'offer' : 'none'
}
