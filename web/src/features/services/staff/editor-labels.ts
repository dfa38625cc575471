import type { MatterContent } from '../services.api'

/** Label keys of the editor's enumerations: a new value in the contract fails the type check here. */
export const REVIEW_ROLE_LABELS = {
  handler: 'services.staff.roles.handler',
  department_head: 'services.staff.roles.department_head',
} as const satisfies Record<MatterContent['reviewSteps'][number]['role'], string>

export const CERTIFICATE_KIND_LABELS = {
  licence: 'services.staff.certificateKinds.licence',
  approval: 'services.staff.certificateKinds.approval',
  filing: 'services.staff.certificateKinds.filing',
  other: 'services.staff.certificateKinds.other',
} as const satisfies Record<NonNullable<MatterContent['certificateKind']>, string>
