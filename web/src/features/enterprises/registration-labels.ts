import type { Translate } from '../../app/i18n'
import { cityDateOf } from '../../ui/format'
import type { Enterprise } from './enterprises.api'

/**
 * The credit tier as people read it: the tier with the department whose data gave it and the day it
 * arrived, or 未知 — never a tier nobody gave (docs/decisions/0019).
 */
export function creditTierText(tx: Translate, tier: Enterprise['creditTier']): string {
  if (!tier) return tx('enterprise.creditTier.unknown')
  return tx('enterprise.creditTier.known', {
    tier: tier.tier,
    source: tx(`facts.sources.${tier.source}`),
    date: cityDateOf(new Date(tier.recordedAt)),
  })
}

/** Where the credit code says the enterprise was registered: 北京市海淀区（110108）. */
export function registrationPlaceText(tx: Translate, registration: Enterprise['registration']): string {
  return tx('enterprise.registration.place', {
    division: registration.divisionName ?? registration.divisionCode,
    code: registration.divisionCode,
  })
}

export function outOfCityReasonText(tx: Translate, registration: Enterprise['registration']): string {
  return registration.outOfCityReason
    ? tx(`enterprise.outOfCityReasons.${registration.outOfCityReason}`)
    : tx('enterprise.registration.noReason')
}
