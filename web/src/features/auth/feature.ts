import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

export const authFeature = defineFeature({
  name: 'auth',
  staffEntryPages: [
    { path: 'login', page: lazyNamed(() => import('./StaffLoginPage'), 'StaffLoginPage') },
    {
      path: 'change-password',
      page: lazyNamed(() => import('./ForcedPasswordChangePage'), 'ForcedPasswordChangePage'),
    },
  ],
  staffPages: [{ path: 'account', page: lazyNamed(() => import('./StaffAccountPage'), 'StaffAccountPage') }],
  enterprisePages: [
    { path: 'login', page: lazyNamed(() => import('./EnterpriseLoginPage'), 'EnterpriseLoginPage') },
    { path: 'me', page: lazyNamed(() => import('./MyAccountPage'), 'MyAccountPage') },
  ],
  staffMenu: [
    {
      key: 'account',
      path: paths.staffAccount,
      roles: 'any',
      order: 250,
      icon: () => import('@ant-design/icons/UserOutlined'),
    },
  ],
})
