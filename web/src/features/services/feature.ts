import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

/**
 * Services on the web: the public catalogue of service matters and their guides, and the
 * enterprise's page of its applications (app/feature.ts).
 */
export const servicesFeature = defineFeature({
  name: 'services',
  enterprisePages: [
    {
      path: 'services',
      page: lazyNamed(() => import('./mobile/MyApplicationsPage'), 'MyApplicationsPage'),
    },
    { path: 'matters', page: lazyNamed(() => import('./public/MatterListPage'), 'MatterListPage') },
    { path: 'matters/:id', page: lazyNamed(() => import('./public/MatterGuidePage'), 'MatterGuidePage') },
    {
      path: 'statistics/services',
      page: lazyNamed(() => import('./public/ServiceStatisticsPage'), 'ServiceStatisticsPage'),
    },
  ],
  staffPages: [
    {
      path: 'services/figures',
      page: lazyNamed(() => import('./staff/ServiceFiguresPage'), 'ServiceFiguresPage'),
    },
  ],
  staffMenu: [
    // The bureau reads every department's figures; a department head their own (the server scopes).
    {
      key: 'serviceFigures',
      path: paths.staffServiceFigures,
      roles: ['dispatcher', 'bureau_leader', 'admin', 'department_head'],
      order: 175,
      icon: () => import('@ant-design/icons/FundOutlined'),
    },
  ],
})
