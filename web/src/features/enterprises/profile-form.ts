import { ENTERPRISE_EDITABLE_FIELDS } from '@shared/enterprise-profile'
import type { Enterprise, RegisterEnterpriseBody, SizeClass, UpdateEnterpriseBody } from './enterprises.api'

/** The profile form holds what the inputs hold (numbers as typed text); these convert both ways. */
export type ProfileFormValues = {
  name: string
  legalRepresentative: string
  divisionCode: string
  industryCode: string
  sizeClass: SizeClass | undefined
  foundedOn: string
  employees: string
  annualRevenue: string
  tags: string[]
  address: string
  contactPhone: string
}

export const PROFILE_FIELDS = ENTERPRISE_EDITABLE_FIELDS

export type ProfileBody = Omit<RegisterEnterpriseBody, 'uscc'>

export function profileFormValues(enterprise: Enterprise): ProfileFormValues {
  return {
    name: enterprise.name,
    legalRepresentative: enterprise.legalRepresentative,
    divisionCode: enterprise.divisionCode,
    industryCode: enterprise.industryCode,
    sizeClass: enterprise.sizeClass,
    foundedOn: enterprise.foundedOn,
    employees: String(enterprise.employees),
    annualRevenue: enterprise.annualRevenue === null ? '' : String(enterprise.annualRevenue),
    tags: [...enterprise.tags],
    address: enterprise.address ?? '',
    contactPhone: enterprise.contactPhone ?? '',
  }
}

const blankToNull = (text: string | undefined) => (text && text.trim() ? text.trim() : null)

/**
 * What the API takes. Text that is not a number is passed on as NaN → null would hide the
 * mistake, so the form's own rules stop it first; the server checks again either way.
 */
export function profileBody(values: ProfileFormValues): ProfileBody {
  const revenue = blankToNull(values.annualRevenue)
  return {
    name: values.name.trim(),
    legalRepresentative: values.legalRepresentative.trim(),
    divisionCode: values.divisionCode,
    industryCode: values.industryCode,
    sizeClass: values.sizeClass as SizeClass,
    foundedOn: values.foundedOn,
    employees: Number(values.employees),
    annualRevenue: revenue === null ? null : Number(revenue),
    // Tags are picked from the server's own list; it rejects anything else.
    tags: (values.tags ?? []) as ProfileBody['tags'],
    address: blankToNull(values.address),
    contactPhone: blankToNull(values.contactPhone),
  }
}

/** Only the fields that differ from the saved profile, so the new version records what changed. */
export function changedProfileFields(
  saved: Enterprise,
  body: ProfileBody,
): Omit<UpdateEnterpriseBody, 'version'> {
  const changes: Record<string, unknown> = {}
  for (const key of PROFILE_FIELDS) {
    const before = saved[key]
    const after = body[key]
    const same =
      Array.isArray(before) && Array.isArray(after)
        ? before.length === after.length && [...before].sort().join() === [...after].sort().join()
        : before === after
    if (!same) changes[key] = after
  }
  return changes as Omit<UpdateEnterpriseBody, 'version'>
}
