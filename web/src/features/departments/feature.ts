import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

export const departmentsFeature = defineFeature({
  name: 'departments',
  staffPages: [
    { path: 'departments', page: lazyNamed(() => import('./DepartmentsPage'), 'DepartmentsPage') },
  ],
  staffMenu: [
    {
      key: 'departments',
      path: paths.staffDepartments,
      roles: ['admin'],
      order: 200,
      icon: () => import('@ant-design/icons/ClusterOutlined'),
    },
  ],
})
