import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

export const enterpriseClaimsFeature = defineFeature({
  name: 'enterprise-claims',
  staffPages: [
    {
      path: 'enterprise-claims',
      page: lazyNamed(() => import('./staff/EnterpriseClaimsPage'), 'EnterpriseClaimsPage'),
    },
  ],
  enterprisePages: [
    {
      path: 'enterprises/claim',
      page: lazyNamed(() => import('./mobile/ClaimEnterprisePage'), 'ClaimEnterprisePage'),
    },
  ],
  staffMenu: [
    // Claims by business licence and "not my company" disputes: the task force decides, leaders read.
    {
      key: 'enterpriseClaims',
      path: paths.staffEnterpriseClaims,
      roles: ['dispatcher', 'bureau_leader'],
      order: 110,
      icon: () => import('@ant-design/icons/SafetyCertificateOutlined'),
    },
  ],
  slots: {
    'enterpriseProfile.membershipClaims': () =>
      import('./mobile/MembershipClaimsSection').then((m) => m.MembershipClaimsSection),
  },
})
