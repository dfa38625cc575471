/** Paths the app links to from more than one place. */
export const paths = {
  home: '/',
  login: '/login',
  registerEnterprise: '/enterprises/new',
  /** Claim an enterprise already on the platform (its credit code filled in when known). */
  claimEnterprise: (uscc = '') => `/enterprises/claim${uscc ? `?uscc=${encodeURIComponent(uscc)}` : ''}`,
  enterprise: (id: string) => `/enterprises/${id}`,
  /** The enterprise's settlement account: the profile's 结算账户 tab. */
  enterpriseAccount: (id: string) => `/enterprises/${id}?tab=account`,
  inbox: '/inbox',
  appeals: '/appeals',
  newAppeal: '/appeals/new',
  appeal: (id: string) => `/appeals/${id}`,
  me: '/me',
  policies: '/policies',
  enterprisePolicies: (id: string) => `/enterprises/${id}/policies`,
  enterprisePolicy: (id: string, itemId: string) => `/enterprises/${id}/policies/${itemId}`,
  /** The facts form, optionally showing these facts first (the "what is missing" of a match). */
  enterpriseFacts: (id: string, keys: readonly string[] = []) =>
    `/enterprises/${id}/facts${keys.length ? `?keys=${encodeURIComponent(keys.join(','))}` : ''}`,
  enterpriseNeeds: (id: string) => `/enterprises/${id}/policy-needs`,
  /** The application form of a fast or standard benefit item. */
  enterpriseApply: (id: string, itemId: string) => `/enterprises/${id}/policies/${itemId}/apply`,
  /** 我的兑现: straight to the one enterprise's claims, or a choice of enterprise. */
  claims: '/claims',
  enterpriseClaims: (id: string) => `/enterprises/${id}/claims`,
  enterpriseClaim: (id: string, claimId: string) => `/enterprises/${id}/claims/${claimId}`,
  policyLibrary: '/library',
  publicPolicy: (id: string) => `/library/${id}`,
  calculator: '/calculator',
  /** The public catalogue of service matters (办事指南) and one matter's guide. */
  matters: '/matters',
  matter: (id: string) => `/matters/${id}`,
  /** The public statistics of online services (办事统计). */
  serviceStatistics: '/statistics/services',
  /** The enterprise's e-certificates, and the public check of one (what its QR encodes). */
  certificates: '/certificates',
  verifyCertificate: (payload: string) => `/certificates/verify?p=${encodeURIComponent(payload)}`,
  devInbox: '/dev/inbox',
  /** Asks for the current privacy notice and terms before anything else (then goes on to `next`). */
  consent: '/consent',
  legalDocument: (kind: string) => `/legal/${kind}`,
  legalDocumentVersion: (kind: string, version: number) => `/legal/${kind}/versions/${version}`,
  staffHome: '/staff',
  staffInbox: '/staff/inbox',
  staffLogin: '/staff/login',
  staffChangePassword: '/staff/change-password',
  staffConsent: '/staff/consent',
  staffLegalDocuments: '/staff/legal-documents',
  staffDepartments: '/staff/departments',
  staffUsers: '/staff/users',
  staffAudit: '/staff/audit',
  staffCalendar: '/staff/calendar',
  staffAccount: '/staff/account',
  staffAppealQueue: '/staff/appeals/queue',
  staffAppealInbox: '/staff/appeals/inbox',
  staffReturnVisits: '/staff/appeals/return-visits',
  staffAppealFigures: '/staff/appeals/figures',
  staffAppealOnBehalf: '/staff/appeals/on-behalf',
  staffAppealImport: '/staff/appeals/import',
  staffAppealSettings: '/staff/appeals/settings',
  staffAppealCategories: '/staff/appeals/categories',
  staffSupervision: '/staff/supervision',
  staffSelfInspections: '/staff/self-inspections',
  staffNewSelfInspection: '/staff/self-inspections/new',
  staffSelfInspection: (id: string) => `/staff/self-inspections/${encodeURIComponent(id)}`,
  staffMySelfInspections: '/staff/my-self-inspections',
  staffInspectionCaps: '/staff/inspection-caps',
  staffCommitments: '/staff/commitments',
  staffNewCommitment: '/staff/commitments/new',
  /** The ledger with one commitment's drawer open. */
  staffCommitment: (id: string) => `/staff/commitments?open=${encodeURIComponent(id)}`,
  /** 双随机一公开 in the console: the draws, the form that opens one, and one draw's ceremony. */
  staffRandomDraws: '/staff/random-draws',
  staffNewRandomDraw: '/staff/random-draws/new',
  staffRandomDraw: (id: string) => `/staff/random-draws/${encodeURIComponent(id)}`,
  staffInspection: (id: string) => `/staff/inspections/${encodeURIComponent(id)}`,
  /** A draw's public page (no sign-in). */
  publicDraw: (id: string) => `/draws/${encodeURIComponent(id)}`,
  staffSelfInspectionAnswer: (id: string) => `/staff/self-inspection-answers/${encodeURIComponent(id)}`,
  staffInspectionResults: '/staff/inspection-results',
  staffInspectionResult: (id: string) => `/staff/inspection-results/${encodeURIComponent(id)}`,
  staffAppeal: (id: string) => `/staff/appeals/${id}`,
  staffPolicies: '/staff/policies',
  staffNewPolicy: '/staff/policies/new',
  staffPolicy: (id: string) => `/staff/policies/${id}`,
  staffFactImports: '/staff/facts/imports',
  /** The catalogue editor: the department's matters as a tree, and one matter's versions and draft. */
  staffMatters: '/staff/matters',
  staffMatter: (id: string) => `/staff/matters/${id}`,
  staffEnterprises: '/staff/enterprises',
  staffEnterpriseClaims: '/staff/enterprise-claims',
  staffPolicyNeeds: '/staff/policy-needs',
  staffMatchRuns: '/staff/match-runs',
  staffClaims: '/staff/benefits/claims',
  staffClaim: (id: string) => `/staff/benefits/claims/${id}`,
  staffPayouts: '/staff/benefits/payouts',
  staffPayout: (itemId: string) => `/staff/benefits/payouts/${itemId}`,
  staffEvaluation: '/staff/benefits/evaluation',
  staffServiceFigures: '/staff/services/figures',
} as const

export function isStaffPath(pathname: string): boolean {
  return pathname === '/staff' || pathname.startsWith('/staff/')
}

/** The login page for wherever the user is, remembering where to come back to. */
export function loginPathFor(pathname: string, search = ''): string {
  const login = isStaffPath(pathname) ? paths.staffLogin : paths.login
  if (pathname === login || pathname === paths.staffChangePassword || pathname === paths.staffConsent)
    return login
  const here = `${pathname}${search}`
  const isHome = here === paths.home || here === paths.staffHome
  return isHome ? login : `${login}?next=${encodeURIComponent(here)}`
}

/** Pages a signed-in user who has not accepted the current documents may still open. */
export function isConsentFreePath(pathname: string): boolean {
  return (
    pathname === paths.consent ||
    pathname === paths.staffConsent ||
    pathname === paths.me ||
    pathname.startsWith('/legal/')
  )
}

/** The consent page for wherever the user is, remembering where to go on to. */
export function consentPathFor(pathname: string, search = ''): string {
  const page = isStaffPath(pathname) ? paths.staffConsent : paths.consent
  const here = `${pathname}${search}`
  const isHome = here === paths.home || here === paths.staffHome || isConsentFreePath(pathname)
  return isHome ? page : `${page}?next=${encodeURIComponent(here)}`
}

/** Only same-app paths are followed after sign-in: `next` comes from the URL, anyone can set it. */
export function safeNextPath(next: string | null | undefined, fallback: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback
  return next
}
