import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

export const policiesFeature = defineFeature({
  name: 'policies',
  staffPages: [
    { path: 'policies', page: lazyNamed(() => import('./staff/PolicyListPage'), 'PolicyListPage') },
    { path: 'policies/new', page: lazyNamed(() => import('./staff/NewPolicyPage'), 'NewPolicyPage') },
    { path: 'policies/:id', page: lazyNamed(() => import('./staff/PolicyEditorPage'), 'PolicyEditorPage') },
    {
      path: 'policy-needs',
      page: lazyNamed(() => import('./staff/NeedsDashboardPage'), 'NeedsDashboardPage'),
    },
    { path: 'match-runs', page: lazyNamed(() => import('./staff/MatchRunsPage'), 'MatchRunsPage') },
  ],
  enterprisePages: [
    {
      path: 'enterprises/:id/policies',
      page: lazyNamed(() => import('./mobile/MyPoliciesPage'), 'MyPoliciesPage'),
    },
    {
      path: 'enterprises/:id/policies/:itemId',
      page: lazyNamed(() => import('./mobile/PolicyMatchPage'), 'PolicyMatchPage'),
    },
    {
      path: 'enterprises/:id/policy-needs',
      page: lazyNamed(() => import('./mobile/PolicyNeedsPage'), 'PolicyNeedsPage'),
    },
    { path: 'policies', page: lazyNamed(() => import('./mobile/PoliciesEntryPage'), 'PoliciesEntryPage') },
    { path: 'library', page: lazyNamed(() => import('./public/PolicyLibraryPage'), 'PolicyLibraryPage') },
    { path: 'library/:id', page: lazyNamed(() => import('./public/PublicPolicyPage'), 'PublicPolicyPage') },
    { path: 'calculator', page: lazyNamed(() => import('./public/CalculatorPage'), 'CalculatorPage') },
  ],
  staffMenu: [
    // Policy writers (handlers, heads, the leadership) and the task force, which reads every draft.
    {
      key: 'policies',
      path: paths.staffPolicies,
      roles: ['handler', 'department_head', 'bureau_leader', 'dispatcher'],
      order: 80,
      icon: () => import('@ant-design/icons/FileProtectOutlined'),
    },
    // Needs are demand signals for the bureau and the policy departments; the bureau answers them.
    {
      key: 'policyNeeds',
      path: paths.staffPolicyNeeds,
      roles: ['bureau_leader', 'dispatcher', 'department_head', 'handler'],
      order: 120,
      icon: () => import('@ant-design/icons/BulbOutlined'),
    },
    {
      key: 'matchRuns',
      path: paths.staffMatchRuns,
      roles: ['bureau_leader', 'dispatcher', 'admin'],
      order: 130,
      icon: () => import('@ant-design/icons/ThunderboltOutlined'),
    },
  ],
})
