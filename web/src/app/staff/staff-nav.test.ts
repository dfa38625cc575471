import { describe, expect, it } from 'vitest'
import { catalogs } from '../catalogs'
import { canOpenStaffPath, STAFF_PAGES, staffPageOf, staffPagesFor } from './staff-nav'

const en = catalogs.en
const zhCN = catalogs['zh-CN']

const keys = (roles: string[]) => staffPagesFor(roles).map((page) => page.key)

describe('staff menu by role', () => {
  it('shows admins everything', () => {
    expect(keys(['admin'])).toEqual([
      'home',
      'cockpit',
      'benchmarks',
      'inbox',
      'appealQueue',
      'serviceQueue',
      'rectifications',
      'ratingAppeals',
      'inspections',
      'inspectionCaps',
      'randomDraws', // the publication deadline is set there
      'factImports',
      'matterCatalogue',
      'enterprises',
      'bundleMonitor',
      'matchRuns',
      'benefitEvaluation',
      'appealFigures',
      'serviceFigures',
      'appealSettings',
      'appealCategories',
      'departments',
      'users',
      'audit',
      'calendar',
      'legalDocuments',
      'account',
    ])
  })

  it('shows department heads the users page but not departments or audit', () => {
    expect(keys(['department_head'])).toEqual([
      'home',
      'cockpit',
      'benchmarks',
      'inbox',
      'appealInbox',
      'serviceQueue',
      'supervision',
      'problemClasses',
      'rectifications',
      'mySelfInspections',
      'actionPlan',
      'ratingAppeals',
      'inspections',
      'randomDraws',
      'commitments',
      'policies',
      'factImports',
      'matterCatalogue',
      'policyNeeds',
      'bundleMonitor',
      'benefitClaims',
      'benefitPayouts',
      'benefitEvaluation',
      'appealFigures',
      'serviceFigures',
      'users',
      'calendar',
      'account',
    ])
  })

  it('shows discipline inspectors their reports, the supervision cases, the exposure board and the audit trail', () => {
    expect(keys(['discipline_inspector'])).toEqual([
      'home',
      'inbox',
      'supervision',
      'misconductReports',
      'exposures',
      'randomDraws',
      'audit',
      'calendar',
      'account',
    ])
  })

  it('shows other staff their appeal pages and the common ones', () => {
    expect(keys(['handler'])).toEqual([
      'home',
      'inbox',
      'appealInbox',
      'serviceQueue',
      'supervision',
      'problemClasses',
      'rectifications',
      'mySelfInspections',
      'actionPlan',
      'ratingAppeals',
      'commitments',
      'policies',
      'factImports',
      'matterCatalogue',
      'policyNeeds',
      'bundleMonitor',
      'benefitClaims',
      'benefitPayouts',
      'benefitEvaluation',
      'calendar',
      'account',
    ])
    expect(keys(['dispatcher', 'inspector'])).toEqual([
      'home',
      'cockpit',
      'benchmarks',
      'inbox',
      'appealQueue',
      'appealOnBehalf',
      'appealImport',
      'returnVisits',
      'supervision',
      'problemClasses',
      'rectifications',
      'selfInspections',
      'inspectionResults',
      'problemProposals',
      'actionPlan',
      'ratingAppeals',
      'exposures',
      'inspections',
      'inspectionCaps',
      'randomDraws',
      'commitments',
      'policies',
      'enterprises',
      'enterpriseClaims',
      'policyNeeds',
      'matchRuns',
      'benefitClaims',
      'benefitEvaluation',
      'appealFigures',
      'serviceFigures',
      'appealSettings',
      'calendar',
      'account',
    ])
    expect(keys(['bureau_leader'])).toEqual([
      'home',
      'cockpit',
      'benchmarks',
      'inbox',
      'appealQueue',
      'serviceQueue',
      'supervision',
      'problemClasses',
      'rectifications',
      'selfInspections',
      'problemProposals',
      'actionPlan',
      'ratingAppeals',
      'exposures',
      'inspections',
      'inspectionCaps',
      'randomDraws',
      'commitments',
      'policies',
      'matterCatalogue',
      'enterprises',
      'enterpriseClaims',
      'policyNeeds',
      'bundleMonitor',
      'matchRuns',
      'benefitClaims',
      'benefitEvaluation',
      'appealFigures',
      'serviceFigures',
      'appealSettings',
      'calendar',
      'account',
    ])
    expect(keys(['department_head', 'discipline_inspector'])).toEqual([
      'home',
      'cockpit',
      'benchmarks',
      'inbox',
      'appealInbox',
      'serviceQueue',
      'supervision',
      'problemClasses',
      'rectifications',
      'misconductReports',
      'mySelfInspections',
      'actionPlan',
      'ratingAppeals',
      'exposures',
      'inspections',
      'randomDraws',
      'commitments',
      'policies',
      'factImports',
      'matterCatalogue',
      'policyNeeds',
      'bundleMonitor',
      'benefitClaims',
      'benefitPayouts',
      'benefitEvaluation',
      'appealFigures',
      'serviceFigures',
      'users',
      'audit',
      'calendar',
      'account',
    ])
  })

  it('counts a page under a menu entry as that entry', () => {
    expect(staffPageOf('/staff/policies/0d9c2a3e-0000-4000-8000-000000000000')?.key).toBe('policies')
    expect(staffPageOf('/staff/policies/new')?.key).toBe('policies')
    expect(staffPageOf('/staff/appeals/0d9c2a3e-0000-4000-8000-000000000000')).toBeUndefined()
    expect(canOpenStaffPath('/staff/policies/new', ['inspector'])).toBe(false)
  })

  it('keeps matching runs to the bureau and fact imports to departments', () => {
    expect(canOpenStaffPath('/staff/match-runs', ['handler'])).toBe(false)
    expect(canOpenStaffPath('/staff/match-runs', ['bureau_leader'])).toBe(true)
    expect(canOpenStaffPath('/staff/facts/imports', ['dispatcher'])).toBe(false)
    expect(canOpenStaffPath('/staff/policies', ['inspector'])).toBe(false)
  })

  it('keeps payout lists to the paying department and counts a claim or an item under its entry', () => {
    expect(staffPageOf('/staff/benefits/claims/0d9c2a3e-0000-4000-8000-000000000000')?.key).toBe(
      'benefitClaims',
    )
    expect(staffPageOf('/staff/benefits/payouts/0d9c2a3e-0000-4000-8000-000000000000')?.key).toBe(
      'benefitPayouts',
    )
    expect(canOpenStaffPath('/staff/benefits/payouts', ['bureau_leader'])).toBe(false)
    expect(canOpenStaffPath('/staff/benefits/claims', ['admin'])).toBe(false)
    expect(canOpenStaffPath('/staff/benefits/evaluation', ['admin'])).toBe(true)
    expect(canOpenStaffPath('/staff/benefits/evaluation', ['inspector'])).toBe(false)
  })

  it('guards paths the same way', () => {
    expect(canOpenStaffPath('/staff/departments', ['handler'])).toBe(false)
    expect(canOpenStaffPath('/staff/departments/', ['admin'])).toBe(true)
    expect(canOpenStaffPath('/staff/no-such-page', ['handler'])).toBe(true)
    expect(canOpenStaffPath('/staff/appeals/queue', ['handler'])).toBe(false)
    expect(canOpenStaffPath('/staff/appeals/return-visits', ['bureau_leader'])).toBe(false)
    expect(canOpenStaffPath('/staff/appeals/on-behalf', ['bureau_leader'])).toBe(false)
    expect(canOpenStaffPath('/staff/appeals/import', ['dispatcher'])).toBe(true)
    expect(canOpenStaffPath('/staff/appeals/categories', ['dispatcher'])).toBe(false)
    expect(canOpenStaffPath('/staff/appeals/settings', ['bureau_leader'])).toBe(true)
    expect(canOpenStaffPath('/staff/supervision', ['handler'])).toBe(true)
    expect(canOpenStaffPath('/staff/supervision', ['inspector'])).toBe(false)
    expect(canOpenStaffPath('/staff/self-inspections', ['handler'])).toBe(false)
    expect(canOpenStaffPath('/staff/self-inspections/new', ['department_head'])).toBe(false)
    expect(canOpenStaffPath('/staff/my-self-inspections', ['dispatcher'])).toBe(false)
    // A draw's page: those who open draws and those who may stand as parties (the server narrows it).
    expect(canOpenStaffPath('/staff/random-draws/new', ['department_head'])).toBe(true)
    expect(
      canOpenStaffPath('/staff/random-draws/0e692f3e-7e62-4cf7-a1db-93f6ef0f82af', ['discipline_inspector']),
    ).toBe(true)
    expect(canOpenStaffPath('/staff/random-draws', ['handler'])).toBe(false)
    // A case page: the server decides who may see the appeal.
    expect(canOpenStaffPath('/staff/appeals/0e692f3e-7e62-4cf7-a1db-93f6ef0f82af', ['handler'])).toBe(true)
  })

  it('has a label and a home-page description for every entry a feature declares', () => {
    const at = (catalog: object, path: string) =>
      path
        .split('.')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], catalog)
    for (const catalog of [zhCN, en])
      for (const page of STAFF_PAGES) {
        expect({ key: page.key, label: typeof at(catalog, `nav.staff.${page.key}`) }).toEqual({
          key: page.key,
          label: 'string',
        })
        if (page.key !== 'home')
          expect({ key: page.key, describe: typeof at(catalog, `staff.home.describe.${page.key}`) }).toEqual({
            key: page.key,
            describe: 'string',
          })
      }
  })

  it('gives every entry its own key and path', () => {
    expect(new Set(STAFF_PAGES.map((page) => page.key)).size).toBe(STAFF_PAGES.length)
    expect(new Set(STAFF_PAGES.map((page) => page.path)).size).toBe(STAFF_PAGES.length)
  })
})
