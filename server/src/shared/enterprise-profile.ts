/**
 * The fields of an enterprise profile version, in display order. Pure: the server versions exactly
 * these, the web labels and edits them.
 */
export const ENTERPRISE_EDITABLE_FIELDS = [
  'name',
  'legalRepresentative',
  'divisionCode',
  'industryCode',
  'sizeClass',
  'foundedOn',
  'employees',
  'annualRevenue',
  'tags',
  'address',
  'contactPhone',
] as const

/** The credit tier is part of the profile, but set by the bureau (from the credit system), not by the enterprise. */
export const ENTERPRISE_PROFILE_FIELDS = [...ENTERPRISE_EDITABLE_FIELDS, 'creditTier'] as const
export type EnterpriseProfileField = (typeof ENTERPRISE_PROFILE_FIELDS)[number]
