import { definePresenter } from '../../kernel/present'

/**
 * The columns of a claim and its parts that reach an answer, each named once (kernel/present.ts).
 * What the enterprise may not read — the recommendation, the budget, internal events — is left out by
 * the view that uses these (claims-read.service.ts).
 */

/** The claim's own columns in every list row; the item's snapshot, the payout and the clock are added beside. */
export const presentClaimColumns = definePresenter({
  id: 'id',
  number: 'number',
  itemId: 'item_id',
  policyId: 'policy_id',
  enterpriseId: 'enterprise_id',
  enterpriseName: 'enterprise_name',
  departmentId: 'department_id',
  departmentName: 'department_name',
  mode: 'mode',
  status: 'status',
  expectedAmount: 'expected_amount',
  approvedAmount: 'approved_amount',
  createdAt: 'created_at',
})

/** A stored file of a claim; its material key and round are added by the view. */
export const presentClaimFile = definePresenter({
  id: 'id',
  fileName: 'file_name',
  contentType: 'content_type',
  sizeBytes: 'size_bytes',
})

/** A timeline event as staff read it, with who else reads it. */
export const presentStaffClaimEvent = definePresenter({
  id: 'id',
  at: 'at',
  type: 'type',
  actorRole: 'actor_role',
  note: 'note',
  data: 'data',
  audience: 'audience',
  noteAudience: 'note_audience',
})
