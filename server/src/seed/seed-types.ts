import type { StaffRole } from '../kernel/auth/actor'
import type { SeedMatter } from './cities/dalian-matters'
import type { MatterRules } from '../modules/services/matter-rules'

export type CitySeed = {
  root: { code: string; name: string; divisionCode: string }
  departments: {
    code: string
    name: string
    shortName?: string
    /** other forms people write it in (发改委, 城管 …): recognised in appeals, an admin extends them */
    recognisedNames?: string[]
    isBureau?: boolean
    isFallbackOwner?: boolean
    divisions?: { code: string; name: string; recognisedNames?: string[] }[]
  }[]
  districts: { code: string; name: string; divisionCode: string; recognisedNames?: string[] }[]
  enterpriseWeights: Record<string, number>
  demoAccounts: { username: string; displayName: string; department: string; roles: StaffRole[] }[]
  demoEnterprisePhone: string
  /** The appeal catalogue; `department` (a code above) is the cold-start route until routing has learned. */
  appealCategories: {
    code: string
    name: string
    nameEn: string
    department: string | null
    tier?: 'urgent' | 'fast' | 'normal' | 'complex'
    /** words of an appeal that point to this category's function (留抵退税, 施工许可 …) */
    keywords?: string[]
  }[]
  /** Which departments' data verifies each fact source (their staff import it). */
  factSources: Partial<
    Record<
      'tax' | 'social_security' | 'market_regulation' | 'science' | 'statistics' | 'other_department',
      string[]
    >
  >
  /** A sample of the city's service matters (demo data; a deployment loads the full catalogue). */
  serviceMatters: SeedMatter[]
  /** How some of those matters are reviewed and decided (review steps, 即办件 conditions, certificate), by code. */
  matterRules?: Record<string, MatterRules>
}
