import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

export const enterprisesFeature = defineFeature({
  name: 'enterprises',
  staffPages: [
    {
      path: 'enterprises',
      page: lazyNamed(() => import('./staff/EnterpriseRegistryPage'), 'EnterpriseRegistryPage'),
    },
  ],
  enterprisePages: [
    {
      path: 'enterprises/new',
      page: lazyNamed(() => import('./RegisterEnterprisePage'), 'RegisterEnterprisePage'),
    },
    {
      path: 'enterprises/:id',
      page: lazyNamed(() => import('./EnterpriseProfilePage'), 'EnterpriseProfilePage'),
    },
  ],
  staffMenu: [
    // The registry: the bureau reads every enterprise, and who registered from outside the city and why.
    {
      key: 'enterprises',
      path: paths.staffEnterprises,
      roles: ['dispatcher', 'bureau_leader', 'admin'],
      order: 100,
      icon: () => import('@ant-design/icons/ShopOutlined'),
    },
  ],
})
