import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

/**
 * Services on the web: the public catalogue of service matters and their guides, the
 * enterprise's page of its applications, and the department's review queue and application page
 * in the console (app/feature.ts).
 */
export const servicesFeature = defineFeature({
  name: 'services',
  staffPages: [
    { path: 'services/queue', page: lazyNamed(() => import('./staff/ServiceQueuePage'), 'ServiceQueuePage') },
    {
      path: 'services/applications/:id',
      page: lazyNamed(() => import('./staff/StaffApplicationPage'), 'StaffApplicationPage'),
    },
    {
      path: 'matters',
      page: lazyNamed(() => import('./staff/MatterCataloguePage'), 'MatterCataloguePage'),
    },
    {
      path: 'matters/:id',
      page: lazyNamed(() => import('./staff/MatterEditorPage'), 'MatterEditorPage'),
    },
    {
      path: 'bundle-monitor',
      page: lazyNamed(() => import('./staff/BundleMonitorPage'), 'BundleMonitorPage'),
    },
    {
      path: 'services/figures',
      page: lazyNamed(() => import('./staff/ServiceFiguresPage'), 'ServiceFiguresPage'),
    },
  ],
  staffMenu: [
    // the department reviews; the bureau's leaders and administrators read the same queue
    {
      key: 'serviceQueue',
      path: '/staff/services/queue',
      roles: ['handler', 'department_head', 'bureau_leader', 'admin'],
      order: 55,
      icon: () => import('@ant-design/icons/AuditOutlined'),
    },
    // the competent department writes its guides; the bureau's leaders and administrators any
    {
      key: 'matterCatalogue',
      path: paths.staffMatters,
      roles: ['handler', 'department_head', 'bureau_leader', 'admin'],
      order: 95,
      icon: () => import('@ant-design/icons/ProfileOutlined'),
    },
    // the bureau follows every bundle; a department the ones with a part of its own (the server's rule)
    {
      key: 'bundleMonitor',
      path: '/staff/bundle-monitor',
      roles: ['admin', 'bureau_leader', 'handler', 'department_head'],
      order: 120,
      icon: () => import('@ant-design/icons/ApartmentOutlined'),
    },
    // The bureau reads every department's figures; a department head their own (the server scopes).
    {
      key: 'serviceFigures',
      path: paths.staffServiceFigures,
      roles: ['dispatcher', 'bureau_leader', 'admin', 'department_head'],
      order: 175,
      icon: () => import('@ant-design/icons/FundOutlined'),
    },
  ],
  enterprisePages: [
    {
      path: 'services',
      page: lazyNamed(() => import('./mobile/MyApplicationsPage'), 'MyApplicationsPage'),
    },
    { path: 'matters', page: lazyNamed(() => import('./public/MatterListPage'), 'MatterListPage') },
    { path: 'matters/:id', page: lazyNamed(() => import('./public/MatterGuidePage'), 'MatterGuidePage') },
    // the apply flow: the form engine loads with these pages only, never on the first load
    { path: 'matters/:id/apply', page: lazyNamed(() => import('./apply/ApplyStartPage'), 'ApplyStartPage') },
    {
      path: 'matters/:id/apply/:enterpriseId',
      page: lazyNamed(() => import('./apply/ApplyStartPage'), 'OpenApplicationPage'),
    },
    {
      path: 'services/applications/:id/apply',
      page: lazyNamed(() => import('./apply/ApplyPage'), 'ApplyPage'),
    },
    {
      path: 'services/applications/:id',
      page: lazyNamed(() => import('./apply/ApplicationPage'), 'ApplicationPage'),
    },
    // bundles (一件事一次办): the list and guide for anyone, applying and following for enterprises
    { path: 'bundles', page: lazyNamed(() => import('./public/BundleListPage'), 'BundleListPage') },
    { path: 'bundles/:id', page: lazyNamed(() => import('./public/BundleGuidePage'), 'BundleGuidePage') },
    {
      path: 'bundles/:id/apply',
      page: lazyNamed(() => import('./mobile/BundleApplyPage'), 'BundleApplyPage'),
    },
    {
      path: 'bundles/:id/apply/:enterpriseId',
      page: lazyNamed(() => import('./mobile/BundleApplyPage'), 'BundleOpenPage'),
    },
    {
      path: 'bundle-applications',
      page: lazyNamed(() => import('./mobile/MyBundleApplicationsPage'), 'MyBundleApplicationsPage'),
    },
    {
      path: 'bundle-applications/:id',
      page: lazyNamed(() => import('./mobile/BundleApplicationPage'), 'BundleApplicationPage'),
    },
    {
      path: 'statistics/services',
      page: lazyNamed(() => import('./public/ServiceStatisticsPage'), 'ServiceStatisticsPage'),
    },
  ],
})
