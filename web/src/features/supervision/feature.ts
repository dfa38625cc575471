import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

export const supervisionFeature = defineFeature({
  name: 'supervision',
  staffPages: [
    { path: 'supervision', page: lazyNamed(() => import('./SupervisionCasesPage'), 'SupervisionCasesPage') },
    {
      path: 'supervision/:id',
      page: lazyNamed(() => import('./SupervisionCasePage'), 'SupervisionCasePage'),
    },
    {
      path: 'supervision/:id/respond',
      page: lazyNamed(() => import('./SupervisionRespondPage'), 'SupervisionRespondPage'),
    },
  ],
  staffMenu: [
    // The bureau pursues units up the ladder; discipline inspection reads every case; a department's
    // heads answer the cases against it and its handlers read them.
    {
      key: 'supervision',
      path: paths.staffSupervision,
      roles: ['dispatcher', 'bureau_leader', 'department_head', 'handler', 'discipline_inspector'],
      order: 70,
      icon: () => import('@ant-design/icons/AlertOutlined'),
    },
  ],
})
