import { BrowserRouter, Route, Routes } from 'react-router'
import { lazyNamed } from './lazy-page'
import { RootLayout } from './RootLayout'
import { isStaffPath } from './routes'

/*
 * Two shells behind one index.html. Everything UI-library-specific is behind a dynamic import:
 * the enterprise app (antd-mobile) and the staff console (antd) are separate chunks, and each page
 * is its own chunk on top of its shell. This file and RootLayout must stay free of antd/antd-mobile.
 *
 * Declarative routes (<BrowserRouter>), not the data router: no page uses loaders or actions, and
 * the data router adds ~16 kB gzip to the entry chunk every phone downloads first.
 */
const loadEnterpriseShell = () => import('./enterprise/EnterpriseShell')
const loadStaffRoot = () => import('./staff/StaffRoot')

const EnterpriseShell = lazyNamed(loadEnterpriseShell, 'EnterpriseShell')
const StaffRoot = lazyNamed(loadStaffRoot, 'StaffRoot')
const StaffShell = lazyNamed(() => import('./staff/StaffShell'), 'StaffShell')

// Enterprise and public pages
const HomePage = lazyNamed(() => import('./enterprise/HomePage'), 'HomePage')
const EnterpriseLoginPage = lazyNamed(
  () => import('../features/auth/EnterpriseLoginPage'),
  'EnterpriseLoginPage',
)
const MyAccountPage = lazyNamed(() => import('../features/auth/MyAccountPage'), 'MyAccountPage')
const RegisterEnterprisePage = lazyNamed(
  () => import('../features/enterprises/RegisterEnterprisePage'),
  'RegisterEnterprisePage',
)
const EnterpriseProfilePage = lazyNamed(
  () => import('../features/enterprises/EnterpriseProfilePage'),
  'EnterpriseProfilePage',
)
const InboxPage = lazyNamed(() => import('../features/notifications/InboxPage'), 'InboxPage')
const DevInboxPage = lazyNamed(() => import('../features/notifications/DevInboxPage'), 'DevInboxPage')
const MyAppealsPage = lazyNamed(() => import('../features/appeals/mobile/MyAppealsPage'), 'MyAppealsPage')
const NewAppealPage = lazyNamed(() => import('../features/appeals/mobile/NewAppealPage'), 'NewAppealPage')
const AppealDetailPage = lazyNamed(
  () => import('../features/appeals/mobile/AppealDetailPage'),
  'AppealDetailPage',
)
const PoliciesEntryPage = lazyNamed(
  () => import('../features/policies/mobile/PoliciesEntryPage'),
  'PoliciesEntryPage',
)
const MyPoliciesPage = lazyNamed(() => import('../features/policies/mobile/MyPoliciesPage'), 'MyPoliciesPage')
const PolicyMatchPage = lazyNamed(
  () => import('../features/policies/mobile/PolicyMatchPage'),
  'PolicyMatchPage',
)
const PolicyNeedsPage = lazyNamed(
  () => import('../features/policies/mobile/PolicyNeedsPage'),
  'PolicyNeedsPage',
)
const ApplyPage = lazyNamed(() => import('../features/benefits/mobile/ApplyPage'), 'ApplyPage')
const ClaimsEntryPage = lazyNamed(
  () => import('../features/benefits/mobile/ClaimsEntryPage'),
  'ClaimsEntryPage',
)
const MyClaimsPage = lazyNamed(() => import('../features/benefits/mobile/MyClaimsPage'), 'MyClaimsPage')
const ClaimDetailPage = lazyNamed(
  () => import('../features/benefits/mobile/ClaimDetailPage'),
  'ClaimDetailPage',
)
const MyFactsPage = lazyNamed(() => import('../features/facts/mobile/MyFactsPage'), 'MyFactsPage')
const PolicyLibraryPage = lazyNamed(
  () => import('../features/policies/public/PolicyLibraryPage'),
  'PolicyLibraryPage',
)
const PublicPolicyPage = lazyNamed(
  () => import('../features/policies/public/PublicPolicyPage'),
  'PublicPolicyPage',
)
const CalculatorPage = lazyNamed(() => import('../features/policies/public/CalculatorPage'), 'CalculatorPage')
const ConsentPage = lazyNamed(() => import('../features/privacy/ConsentPage'), 'ConsentPage')
const LegalDocumentPage = lazyNamed(
  () => import('../features/privacy/LegalDocumentPage'),
  'LegalDocumentPage',
)
const EnterpriseNotFoundPage = lazyNamed(() => import('./enterprise/NotFoundPage'), 'NotFoundPage')

// Staff console pages
const StaffLoginPage = lazyNamed(() => import('../features/auth/StaffLoginPage'), 'StaffLoginPage')
const ForcedPasswordChangePage = lazyNamed(
  () => import('../features/auth/ForcedPasswordChangePage'),
  'ForcedPasswordChangePage',
)
const StaffConsentPage = lazyNamed(
  () => import('../features/privacy/staff/StaffConsentPage'),
  'StaffConsentPage',
)
const LegalDocumentsPage = lazyNamed(
  () => import('../features/privacy/staff/LegalDocumentsPage'),
  'LegalDocumentsPage',
)
const StaffHomePage = lazyNamed(() => import('./staff/StaffHomePage'), 'StaffHomePage')
const StaffAccountPage = lazyNamed(() => import('../features/auth/StaffAccountPage'), 'StaffAccountPage')
const DepartmentsPage = lazyNamed(() => import('../features/departments/DepartmentsPage'), 'DepartmentsPage')
const UsersPage = lazyNamed(() => import('../features/users/UsersPage'), 'UsersPage')
const AuditPage = lazyNamed(() => import('../features/audit/AuditPage'), 'AuditPage')
const CalendarPage = lazyNamed(() => import('../features/calendar/CalendarPage'), 'CalendarPage')
const AppealQueuePage = lazyNamed(
  () => import('../features/appeals/staff/AppealQueuePage'),
  'AppealQueuePage',
)
const DepartmentInboxPage = lazyNamed(
  () => import('../features/appeals/staff/DepartmentInboxPage'),
  'DepartmentInboxPage',
)
const StaffAppealPage = lazyNamed(
  () => import('../features/appeals/staff/StaffAppealPage'),
  'StaffAppealPage',
)
const ReturnVisitsPage = lazyNamed(
  () => import('../features/appeals/staff/ReturnVisitsPage'),
  'ReturnVisitsPage',
)
const AppealFiguresPage = lazyNamed(
  () => import('../features/appeals/staff/AppealFiguresPage'),
  'AppealFiguresPage',
)
const OnBehalfPage = lazyNamed(() => import('../features/appeals/staff/OnBehalfPage'), 'OnBehalfPage')
const ImportPage = lazyNamed(() => import('../features/appeals/staff/ImportPage'), 'ImportPage')
const AppealSettingsPage = lazyNamed(
  () => import('../features/appeals/staff/AppealSettingsPage'),
  'AppealSettingsPage',
)
const CategoriesPage = lazyNamed(() => import('../features/appeals/staff/CategoriesPage'), 'CategoriesPage')
const SupervisionCasesPage = lazyNamed(
  () => import('../features/supervision/SupervisionCasesPage'),
  'SupervisionCasesPage',
)
const PolicyListPage = lazyNamed(() => import('../features/policies/staff/PolicyListPage'), 'PolicyListPage')
const NewPolicyPage = lazyNamed(() => import('../features/policies/staff/NewPolicyPage'), 'NewPolicyPage')
const PolicyEditorPage = lazyNamed(
  () => import('../features/policies/staff/PolicyEditorPage'),
  'PolicyEditorPage',
)
const FactImportsPage = lazyNamed(() => import('../features/facts/staff/FactImportsPage'), 'FactImportsPage')
const EnterpriseRegistryPage = lazyNamed(
  () => import('../features/enterprises/staff/EnterpriseRegistryPage'),
  'EnterpriseRegistryPage',
)
const StaffInboxPage = lazyNamed(() => import('../features/notifications/StaffInboxPage'), 'StaffInboxPage')
const EnterpriseClaimsPage = lazyNamed(
  () => import('../features/enterprise-claims/staff/EnterpriseClaimsPage'),
  'EnterpriseClaimsPage',
)
const ClaimEnterprisePage = lazyNamed(
  () => import('../features/enterprise-claims/mobile/ClaimEnterprisePage'),
  'ClaimEnterprisePage',
)
const NeedsDashboardPage = lazyNamed(
  () => import('../features/policies/staff/NeedsDashboardPage'),
  'NeedsDashboardPage',
)
const MatchRunsPage = lazyNamed(() => import('../features/policies/staff/MatchRunsPage'), 'MatchRunsPage')
const ClaimsWorkbenchPage = lazyNamed(
  () => import('../features/benefits/staff/ClaimsWorkbenchPage'),
  'ClaimsWorkbenchPage',
)
const StaffClaimPage = lazyNamed(() => import('../features/benefits/staff/StaffClaimPage'), 'StaffClaimPage')
const PayoutsPage = lazyNamed(() => import('../features/benefits/staff/PayoutsPage'), 'PayoutsPage')
const PayoutReviewPage = lazyNamed(
  () => import('../features/benefits/staff/PayoutReviewPage'),
  'PayoutReviewPage',
)
const EvaluationPage = lazyNamed(() => import('../features/benefits/staff/EvaluationPage'), 'EvaluationPage')
const StaffNotFoundPage = lazyNamed(() => import('./staff/StaffNotFoundPage'), 'StaffNotFoundPage')

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<RootLayout />}>
          <Route path="/staff" element={<StaffRoot />}>
            <Route path="login" element={<StaffLoginPage />} />
            <Route path="change-password" element={<ForcedPasswordChangePage />} />
            <Route path="consent" element={<StaffConsentPage />} />
            <Route element={<StaffShell />}>
              <Route index element={<StaffHomePage />} />
              <Route path="departments" element={<DepartmentsPage />} />
              <Route path="users" element={<UsersPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="calendar" element={<CalendarPage />} />
              <Route path="legal-documents" element={<LegalDocumentsPage />} />
              <Route path="account" element={<StaffAccountPage />} />
              <Route path="appeals/queue" element={<AppealQueuePage />} />
              <Route path="appeals/inbox" element={<DepartmentInboxPage />} />
              <Route path="appeals/return-visits" element={<ReturnVisitsPage />} />
              <Route path="appeals/figures" element={<AppealFiguresPage />} />
              <Route path="appeals/on-behalf" element={<OnBehalfPage />} />
              <Route path="appeals/import" element={<ImportPage />} />
              <Route path="appeals/settings" element={<AppealSettingsPage />} />
              <Route path="appeals/categories" element={<CategoriesPage />} />
              <Route path="supervision" element={<SupervisionCasesPage />} />
              <Route path="appeals/:id" element={<StaffAppealPage />} />
              <Route path="policies" element={<PolicyListPage />} />
              <Route path="policies/new" element={<NewPolicyPage />} />
              <Route path="policies/:id" element={<PolicyEditorPage />} />
              <Route path="facts/imports" element={<FactImportsPage />} />
              <Route path="enterprises" element={<EnterpriseRegistryPage />} />
              <Route path="enterprise-claims" element={<EnterpriseClaimsPage />} />
              <Route path="inbox" element={<StaffInboxPage />} />
              <Route path="policy-needs" element={<NeedsDashboardPage />} />
              <Route path="match-runs" element={<MatchRunsPage />} />
              <Route path="benefits/claims" element={<ClaimsWorkbenchPage />} />
              <Route path="benefits/claims/:claimId" element={<StaffClaimPage />} />
              <Route path="benefits/payouts" element={<PayoutsPage />} />
              <Route path="benefits/payouts/:itemId" element={<PayoutReviewPage />} />
              <Route path="benefits/evaluation" element={<EvaluationPage />} />
              <Route path="*" element={<StaffNotFoundPage />} />
            </Route>
          </Route>
          <Route path="/" element={<EnterpriseShell />}>
            <Route index element={<HomePage />} />
            <Route path="login" element={<EnterpriseLoginPage />} />
            <Route path="consent" element={<ConsentPage />} />
            <Route path="legal/:kind" element={<LegalDocumentPage />} />
            <Route path="legal/:kind/versions/:version" element={<LegalDocumentPage />} />
            <Route path="enterprises/new" element={<RegisterEnterprisePage />} />
            <Route path="enterprises/claim" element={<ClaimEnterprisePage />} />
            <Route path="enterprises/:id" element={<EnterpriseProfilePage />} />
            <Route path="enterprises/:id/policies" element={<MyPoliciesPage />} />
            <Route path="enterprises/:id/policies/:itemId" element={<PolicyMatchPage />} />
            <Route path="enterprises/:id/policies/:itemId/apply" element={<ApplyPage />} />
            <Route path="enterprises/:id/claims" element={<MyClaimsPage />} />
            <Route path="enterprises/:id/claims/:claimId" element={<ClaimDetailPage />} />
            <Route path="claims" element={<ClaimsEntryPage />} />
            <Route path="enterprises/:id/facts" element={<MyFactsPage />} />
            <Route path="enterprises/:id/policy-needs" element={<PolicyNeedsPage />} />
            <Route path="policies" element={<PoliciesEntryPage />} />
            <Route path="library" element={<PolicyLibraryPage />} />
            <Route path="library/:id" element={<PublicPolicyPage />} />
            <Route path="calculator" element={<CalculatorPage />} />
            <Route path="appeals" element={<MyAppealsPage />} />
            <Route path="appeals/new" element={<NewAppealPage />} />
            <Route path="appeals/:id" element={<AppealDetailPage />} />
            <Route path="inbox" element={<InboxPage />} />
            <Route path="me" element={<MyAccountPage />} />
            <Route path="dev/inbox" element={<DevInboxPage />} />
            <Route path="*" element={<EnterpriseNotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </BrowserRouter>
  )
}

/** Starts fetching the shell for the first URL while translations and the session load. */
export function preloadShell(pathname: string): Promise<unknown> {
  return (isStaffPath(pathname) ? loadStaffRoot() : loadEnterpriseShell()).catch(() => undefined)
}
