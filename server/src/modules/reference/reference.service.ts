import { cityProfile } from '../../kernel/city'
import { currentLocale } from '../../kernel/context'
import type { AppDeps } from '../../kernel/http/app-env'
import { ENTERPRISE_TAGS, TAG_NAMES } from '../../shared/enterprise-tags'
import { INDUSTRY_SECTIONS } from '../../shared/industries'
import { notFound } from '../../kernel/errors'
import { childDivisions, describeDivision, isInCity } from './divisions'

// Reference data is public and the same for everyone: no permission check.

export function listDivisions(deps: AppDeps, parent?: string) {
  return childDivisions(parent ?? cityProfile(deps.config.city).divisionCode)
}

/** One division by code; an unknown code is NOT_FOUND (the web's check says "does not exist"). */
export function lookupDivision(deps: AppDeps, code: string) {
  const division = describeDivision(code)
  if (!division) throw notFound()
  return { ...division, isInCity: isInCity(code, cityProfile(deps.config.city).divisionCode) }
}

export function listIndustries() {
  const en = currentLocale() === 'en'
  return INDUSTRY_SECTIONS.map((s) => ({
    code: s.code,
    name: en ? s.nameEn : s.nameZh,
    divisions: s.divisions.map(([code, name]) => ({ code: `${s.code}${code}`, name })),
  }))
}

export function listEnterpriseTags() {
  const en = currentLocale() === 'en'
  return ENTERPRISE_TAGS.map((code) => ({ code, name: en ? TAG_NAMES[code].en : TAG_NAMES[code].zh }))
}

export function describeCity(deps: AppDeps) {
  const city = cityProfile(deps.config.city)
  const en = currentLocale() === 'en'
  return {
    key: city.key,
    name: en ? city.nameEn : city.nameZh,
    divisionCode: city.divisionCode,
    bureauName: en ? city.bureauNameEn : city.bureauNameZh,
  }
}
