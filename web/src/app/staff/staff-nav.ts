import type { StaffRole } from '../session'
import { paths } from '../routes'

/**
 * The console's pages and who may open each. The server checks every request anyway; this only
 * keeps the menu to what the user's roles can use (MISSION.md roles).
 */
export type StaffPageKey =
  | 'home'
  | 'inbox'
  | 'appealQueue'
  | 'appealOnBehalf'
  | 'appealImport'
  | 'appealInbox'
  | 'returnVisits'
  | 'supervision'
  | 'policies'
  | 'factImports'
  | 'enterprises'
  | 'enterpriseClaims'
  | 'policyNeeds'
  | 'matchRuns'
  | 'benefitClaims'
  | 'benefitPayouts'
  | 'benefitEvaluation'
  | 'appealFigures'
  | 'appealSettings'
  | 'appealCategories'
  | 'departments'
  | 'users'
  | 'audit'
  | 'calendar'
  | 'legalDocuments'
  | 'account'

type StaffPage = { key: StaffPageKey; path: string; roles: readonly StaffRole[] | 'any' }

export const STAFF_PAGES: readonly StaffPage[] = [
  { key: 'home', path: paths.staffHome, roles: 'any' },
  // Everyone's own messages (dispatches, deadlines, claims to review …).
  { key: 'inbox', path: paths.staffInbox, roles: 'any' },
  // The task force triages and dispatches; the bureau's leaders and admins read the same queues.
  { key: 'appealQueue', path: paths.staffAppealQueue, roles: ['dispatcher', 'bureau_leader', 'admin'] },
  // Hotline calls, company visits and federation batches are filed by the task force only.
  { key: 'appealOnBehalf', path: paths.staffAppealOnBehalf, roles: ['dispatcher'] },
  { key: 'appealImport', path: paths.staffAppealImport, roles: ['dispatcher'] },
  { key: 'appealInbox', path: paths.staffAppealInbox, roles: ['handler', 'department_head'] },
  // Return visits are the task force's own, never the handling department's (被满意 guard).
  { key: 'returnVisits', path: paths.staffReturnVisits, roles: ['dispatcher'] },
  // The bureau pursues breaches; a department head reads the cases against their department.
  {
    key: 'supervision',
    path: paths.staffSupervision,
    roles: ['dispatcher', 'bureau_leader', 'department_head'],
  },
  // Policy writers (handlers, heads, the leadership) and the task force, which reads every draft.
  {
    key: 'policies',
    path: paths.staffPolicies,
    roles: ['handler', 'department_head', 'bureau_leader', 'dispatcher'],
  },
  // Departments send the data they verify (tax, social security …); admins may send any source.
  { key: 'factImports', path: paths.staffFactImports, roles: ['handler', 'department_head', 'admin'] },
  // The registry: the bureau reads every enterprise, and who registered from outside the city and why.
  { key: 'enterprises', path: paths.staffEnterprises, roles: ['dispatcher', 'bureau_leader', 'admin'] },
  // Claims by business licence and "not my company" disputes: the task force decides, leaders read.
  { key: 'enterpriseClaims', path: paths.staffEnterpriseClaims, roles: ['dispatcher', 'bureau_leader'] },
  // Needs are demand signals for the bureau and the policy departments; the bureau answers them.
  {
    key: 'policyNeeds',
    path: paths.staffPolicyNeeds,
    roles: ['bureau_leader', 'dispatcher', 'department_head', 'handler'],
  },
  { key: 'matchRuns', path: paths.staffMatchRuns, roles: ['bureau_leader', 'dispatcher', 'admin'] },
  // The paying department reviews and decides claims; the bureau's task force and leaders read them.
  {
    key: 'benefitClaims',
    path: paths.staffClaims,
    roles: ['handler', 'department_head', 'dispatcher', 'bureau_leader'],
  },
  // Payout lists of no-application items are the paying department's; its head confirms them.
  { key: 'benefitPayouts', path: paths.staffPayouts, roles: ['handler', 'department_head'] },
  // The effect of policies: the bureau for every item, a department for the items it pays.
  {
    key: 'benefitEvaluation',
    path: paths.staffEvaluation,
    roles: ['bureau_leader', 'dispatcher', 'admin', 'department_head', 'handler'],
  },
  {
    key: 'appealFigures',
    path: paths.staffAppealFigures,
    roles: ['dispatcher', 'bureau_leader', 'admin', 'department_head'],
  },
  // Admins change the appeal rules; the task force and the leadership read them.
  { key: 'appealSettings', path: paths.staffAppealSettings, roles: ['admin', 'dispatcher', 'bureau_leader'] },
  { key: 'appealCategories', path: paths.staffAppealCategories, roles: ['admin'] },
  { key: 'departments', path: paths.staffDepartments, roles: ['admin'] },
  // Department heads see their own department's people, read-only.
  { key: 'users', path: paths.staffUsers, roles: ['admin', 'department_head'] },
  { key: 'audit', path: paths.staffAudit, roles: ['admin', 'discipline_inspector'] },
  // Everyone reads the working calendar; only admins change it.
  { key: 'calendar', path: paths.staffCalendar, roles: 'any' },
  // The privacy notice, terms of use and staff notice: admins publish new versions.
  { key: 'legalDocuments', path: paths.staffLegalDocuments, roles: ['admin'] },
  { key: 'account', path: paths.staffAccount, roles: 'any' },
]

export function staffPagesFor(roles: readonly string[]): StaffPage[] {
  return STAFF_PAGES.filter((page) => page.roles === 'any' || page.roles.some((role) => roles.includes(role)))
}

/**
 * The page a console path belongs to ('/staff/users' → users), or the page it lies under
 * ('/staff/policies/<id>' → policies, so the menu marks it and the same roles guard it); undefined
 * for unknown paths.
 */
export function staffPageOf(pathname: string): StaffPage | undefined {
  const trimmed = pathname.replace(/\/+$/, '') || '/'
  const exact = STAFF_PAGES.find((page) => page.path === trimmed)
  if (exact) return exact
  return STAFF_PAGES.filter((page) => page.key !== 'home' && trimmed.startsWith(`${page.path}/`)).sort(
    (a, b) => b.path.length - a.path.length,
  )[0]
}

export function canOpenStaffPath(pathname: string, roles: readonly string[]): boolean {
  const page = staffPageOf(pathname)
  if (!page) return true // unknown paths show the not-found page, not a refusal
  return staffPagesFor(roles).includes(page)
}
