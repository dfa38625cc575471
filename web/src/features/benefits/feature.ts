import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

export const benefitsFeature = defineFeature({
  name: 'benefits',
  staffPages: [
    {
      path: 'benefits/claims',
      page: lazyNamed(() => import('./staff/ClaimsWorkbenchPage'), 'ClaimsWorkbenchPage'),
    },
    {
      path: 'benefits/claims/:claimId',
      page: lazyNamed(() => import('./staff/StaffClaimPage'), 'StaffClaimPage'),
    },
    { path: 'benefits/payouts', page: lazyNamed(() => import('./staff/PayoutsPage'), 'PayoutsPage') },
    {
      path: 'benefits/payouts/:itemId',
      page: lazyNamed(() => import('./staff/PayoutReviewPage'), 'PayoutReviewPage'),
    },
    {
      path: 'benefits/evaluation',
      page: lazyNamed(() => import('./staff/EvaluationPage'), 'EvaluationPage'),
    },
  ],
  enterprisePages: [
    {
      path: 'enterprises/:id/policies/:itemId/apply',
      page: lazyNamed(() => import('./mobile/ApplyPage'), 'ApplyPage'),
    },
    {
      path: 'enterprises/:id/claims',
      page: lazyNamed(() => import('./mobile/MyClaimsPage'), 'MyClaimsPage'),
    },
    {
      path: 'enterprises/:id/claims/:claimId',
      page: lazyNamed(() => import('./mobile/ClaimDetailPage'), 'ClaimDetailPage'),
    },
    { path: 'claims', page: lazyNamed(() => import('./mobile/ClaimsEntryPage'), 'ClaimsEntryPage') },
  ],
  staffMenu: [
    // The paying department reviews and decides claims; the bureau's task force and leaders read them.
    {
      key: 'benefitClaims',
      path: paths.staffClaims,
      roles: ['handler', 'department_head', 'dispatcher', 'bureau_leader'],
      order: 140,
      icon: () => import('@ant-design/icons/AccountBookOutlined'),
    },
    // Payout lists of no-application items are the paying department's; its head confirms them.
    {
      key: 'benefitPayouts',
      path: paths.staffPayouts,
      roles: ['handler', 'department_head'],
      order: 150,
      icon: () => import('@ant-design/icons/PayCircleOutlined'),
    },
    // The effect of policies: the bureau for every item, a department for the items it pays.
    {
      key: 'benefitEvaluation',
      path: paths.staffEvaluation,
      roles: ['bureau_leader', 'dispatcher', 'admin', 'department_head', 'handler'],
      order: 160,
      icon: () => import('@ant-design/icons/FundOutlined'),
    },
  ],
  slots: {
    'policyItem.actions': () => import('./mobile/BenefitActions').then((m) => m.BenefitActions),
  },
})
