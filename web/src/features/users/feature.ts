import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

export const usersFeature = defineFeature({
  name: 'users',
  staffPages: [{ path: 'users', page: lazyNamed(() => import('./UsersPage'), 'UsersPage') }],
  staffMenu: [
    // Department heads see their own department's people, read-only.
    {
      key: 'users',
      path: paths.staffUsers,
      roles: ['admin', 'department_head'],
      order: 210,
      icon: () => import('@ant-design/icons/TeamOutlined'),
    },
  ],
})
