import type { RawValue } from '../shared/rules/evaluate'

/**
 * Demo facts for demo enterprises: plausible for each one's size, trade and recognitions, the same
 * every time (seeded by the credit code). About one fact in seven is left out, so the platform shows
 * "what is missing" too; most are verified by the department that holds them, the rest declared.
 */
export type DemoProfile = {
  uscc: string
  sizeClass: 'large' | 'medium' | 'small' | 'micro'
  employees: number
  annualRevenue: number | null
  industryCode: string
  tags: string[]
  foundedOn: string
}

export type DemoFact = {
  key: string
  period: string
  value: RawValue
  source: 'declared' | 'tax' | 'social_security' | 'science' | 'market_regulation'
}

function seededRandom(text: string): () => number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  let a = h >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const round = (n: number, to: number) => Math.round(n / to) * to
const share = (n: number) => Math.round(n * 1000) / 1000

export function generateDemoFacts(e: DemoProfile, year: number): DemoFact[] {
  const r = seededRandom(e.uscc)
  const period = String(year - 1)
  const revenue = e.annualRevenue ?? round(e.employees * (200_000 + r() * 600_000), 1000)
  const isTech =
    /^(C3[4-9]|C2[67]|I6[345]|M7[3-5])/.test(e.industryCode) ||
    e.tags.includes('tech_sme') ||
    e.tags.includes('high_tech')
  const isHighTech = e.tags.includes('high_tech')
  const facts: DemoFact[] = []
  const add = (key: string, value: RawValue, verifier: DemoFact['source'], periodic = true) => {
    if (r() < 0.14) return // left out: the enterprise has not declared it and no department sent it
    facts.push({ key, period: periodic ? period : '', value, source: r() < 0.6 ? verifier : 'declared' })
  }
  const margin = -0.04 + r() * 0.16
  add('taxableIncome', round(revenue * margin, 100), 'tax')
  add('totalAssets', round(revenue * (0.4 + r() * 1.1), 1000), 'tax')
  const smallScale = revenue < 5_000_000 && r() < 0.85
  add('isSmallScaleTaxpayer', smallScale, 'tax', false)
  add('monthlySales', round(revenue / 12, 100), 'tax')
  if (!smallScale) add('inputVat', round(revenue * 0.06 * (0.3 + r() * 0.5), 100), 'tax')
  add('isRestrictedIndustry', r() < 0.02, 'tax', false)
  const rdRatio = isTech ? (isHighTech ? 0.04 + r() * 0.06 : r() * 0.06) : r() < 0.2 ? r() * 0.02 : 0
  add('rdExpense', round(revenue * rdRatio, 100), 'tax')
  if (isTech) {
    add('rdIntensity3y', share(rdRatio * (0.85 + r() * 0.3)), 'science')
    add('domesticRdShare', share(0.7 + r() * 0.3), 'science')
    add('scienceStaffShare', share(isHighTech ? 0.12 + r() * 0.35 : r() * 0.3), 'science')
    add('highTechRevenueShare', share(isHighTech ? 0.6 + r() * 0.3 : r() * 0.7), 'science')
    add('hasCoreIp', isHighTech || r() < 0.5, 'science', false)
    add('inSupportedTechField', isHighTech || r() < 0.7, 'science', false)
    const founded = Number(e.foundedOn.slice(0, 4))
    facts.push({
      key: 'nicheMarketYears',
      period: '',
      value: Math.max(0, Math.min(year - founded, Math.floor(r() * 12))),
      source: 'declared',
    })
    if (r() < 0.2) add('equityFinancing2y', round(5_000_000 + r() * 45_000_000, 10_000), 'declared')
  }
  add('noMajorIncident', r() < 0.97, 'declared', false)
  const insured = Math.max(1, Math.round(e.employees * (0.85 + r() * 0.15)))
  add('insuredEmployees', insured, 'social_security')
  add('layoffRate', share(r() < 0.6 ? 0 : r() * r() * 0.12), 'social_security')
  add('unemploymentInsurancePaid', round(insured * 80_000 * 0.005, 10), 'social_security')
  add('unemploymentInsuranceMonths', 6 + Math.floor(r() * 110), 'social_security', false)
  const disabled = share(r() < 0.5 ? 0 : r() * 0.02)
  add('disabledEmploymentRatio', disabled, 'declared')
  if (e.employees > 30)
    add('disabilityLevyDue', round(Math.max(0, 0.015 - disabled) * e.employees * 80_000, 10), 'tax')
  // The market-regulation department's credit risk classification (A–D), never declared: drawn last so
  // every fact above stays as it was. Individual businesses and about one enterprise in ten are not
  // rated, so the demo shows an unknown tier too.
  if (!e.tags.includes('individual_business') && r() < 0.9) {
    const x = r()
    const tier = x < 0.3 ? 'A' : x < 0.85 ? 'B' : x < 0.97 ? 'C' : 'D'
    facts.push({ key: 'creditTier', period: '', value: tier, source: 'market_regulation' })
  }
  // When each recognition was granted, from a generator of its own so every value above stays as it
  // was: within the last five years, so some are still valid (the item that grants it is not offered
  // again) and some have lapsed (it is). About one in eight is left out: the enterprise is asked.
  const dates = seededRandom(`${e.uscc}:recognitions`)
  const grantedOn = () => {
    const day = Math.floor(dates() * 5 * 365) + 1
    return new Date(Date.UTC(year, 0, 1) - day * 86_400_000).toISOString().slice(0, 10)
  }
  if (e.tags.includes('high_tech') && dates() >= 0.125)
    facts.push({ key: 'highTechRecognizedOn', period: '', value: grantedOn(), source: 'science' })
  if (e.tags.includes('specialized_sme') && dates() >= 0.125)
    facts.push({ key: 'specializedSmeRecognizedOn', period: '', value: grantedOn(), source: 'declared' })
  return facts
}
