import type { Application } from './services.api'

/** Every state's label: adding a state to the contract fails the type check until it has one. */
export const APPLICATION_STATE_LABELS = {
  draft: 'services.states.draft',
  submitted: 'services.states.submitted',
  supplement_requested: 'services.states.supplement_requested',
  accepted: 'services.states.accepted',
  special_step: 'services.states.special_step',
  approved: 'services.states.approved',
  refused: 'services.states.refused',
  not_accepted: 'services.states.not_accepted',
  withdrawn: 'services.states.withdrawn',
  terminated: 'services.states.terminated',
} as const satisfies Record<Application['status'], string>
