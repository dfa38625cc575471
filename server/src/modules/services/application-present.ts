import { definePresenter } from '../../kernel/present'

/**
 * What anyone holding a role on an application reads of it here: its state and its licensing clock
 * (the same dates its notices told the applicant). The staff's full read is the review page's.
 */
export const presentApplication = definePresenter({
  id: 'id',
  enterpriseId: 'enterprise_id',
  title: 'title',
  status: 'status',
  createdAt: 'created_at',
  submittedAt: 'submitted_at',
  version: 'version',
  matterId: 'matter_id',
  receivedAt: 'received_at',
  completenessDueAt: 'completeness_due_at',
  supplementItems: 'supplement_items',
  supplementDueAt: 'supplement_due_at',
  supplementAnsweredAt: 'supplement_answered_at',
  acceptedAt: 'accepted_at',
  acceptedFrom: 'accepted_from',
  deemedAccepted: 'deemed_accepted',
  notAcceptedReason: 'not_accepted_reason',
  notAcceptedReferTo: 'not_accepted_refer_to',
  decisionDueAt: 'decision_due_at',
  statutoryDueAt: 'statutory_due_at',
  extensionDays: 'extension_days',
  specialStepKind: 'special_step_kind',
  specialStepDueAt: 'special_step_due_at',
  toleranceItems: 'tolerance_items',
  toleranceSignedAt: 'tolerance_signed_at',
  toleranceDueAt: 'tolerance_due_at',
  toleranceFulfilledAt: 'tolerance_fulfilled_at',
})

/** A notice as issued: who issued it stays with the staff. */
export const presentNotice = definePresenter({
  id: 'id',
  kind: 'kind',
  issuedAt: 'issued_at',
  title: 'title',
  body: 'body',
})
