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

/**
 * Every profile field is the enterprise's to keep. The credit tier is not among them: it is a fact the
 * market-regulation department's data gives, or unknown (docs/decisions/0019).
 */
export const ENTERPRISE_PROFILE_FIELDS = ENTERPRISE_EDITABLE_FIELDS
export type EnterpriseProfileField = (typeof ENTERPRISE_PROFILE_FIELDS)[number]

/**
 * Why an enterprise whose credit code was issued outside the city registers here: a provincial or
 * national authority registered it; it operates here (a plant, project or shop) but is registered
 * elsewhere; it is moving its registration here; something else. Each comes with a written note.
 */
export const OUT_OF_CITY_REASONS = ['higher_authority', 'operates_here', 'relocating', 'other'] as const
export type OutOfCityReason = (typeof OUT_OF_CITY_REASONS)[number]
