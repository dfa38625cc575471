import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

export const supervisionFeature = defineFeature({
  name: 'supervision',
  staffPages: [
    { path: 'supervision', page: lazyNamed(() => import('./SupervisionCasesPage'), 'SupervisionCasesPage') },
  ],
  staffMenu: [
    // The bureau pursues breaches; a department head reads the cases against their department.
    {
      key: 'supervision',
      path: paths.staffSupervision,
      roles: ['dispatcher', 'bureau_leader', 'department_head'],
      order: 70,
      icon: () => import('@ant-design/icons/AlertOutlined'),
    },
  ],
})
