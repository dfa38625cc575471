import type { Commitment, Complaint } from '../commitments.api'

/** Every state's label: adding a state to the contract fails the type check until it has one. */
export const STATE_LABELS = {
  open: 'commitments.states.open',
  overdue: 'commitments.states.overdue',
  rescheduled: 'commitments.states.rescheduled',
  settled: 'commitments.states.settled',
} as const satisfies Record<Commitment['status'], string>

export const STATE_COLORS = {
  open: 'primary',
  overdue: 'danger',
  rescheduled: 'warning',
  settled: 'success',
} as const satisfies Record<Commitment['status'], string>

export const COMPLAINT_LABELS = {
  submitted: 'commitments.complaint.states.submitted',
  not_founded: 'commitments.complaint.states.not_founded',
  rectified: 'commitments.complaint.states.rectified',
  breach: 'commitments.complaint.states.breach',
} as const satisfies Record<Complaint['status'], string>

export const KIND_LABELS = {
  investment_promise: 'commitments.kinds.investment_promise',
  procurement_contract: 'commitments.kinds.procurement_contract',
  construction_contract: 'commitments.kinds.construction_contract',
  services_contract: 'commitments.kinds.services_contract',
  payable: 'commitments.kinds.payable',
} as const satisfies Record<Commitment['kind'], string>

export const EVENT_LABELS: Record<string, string> = {
  register: 'commitments.events.register',
  overdue: 'commitments.events.overdue',
  pay: 'commitments.events.pay',
  fulfil: 'commitments.events.fulfil',
  reschedule: 'commitments.events.reschedule',
  complain: 'commitments.events.complain',
  complaint_verified: 'commitments.events.complaint_verified',
}
