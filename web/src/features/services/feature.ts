import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'

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
  ],
  staffPages: [
    {
      path: 'bundle-monitor',
      page: lazyNamed(() => import('./staff/BundleMonitorPage'), 'BundleMonitorPage'),
    },
  ],
  staffMenu: [
    // the bureau follows every bundle; a department the ones with a part of its own (the server's rule)
    {
      key: 'bundleMonitor',
      path: '/staff/bundle-monitor',
      roles: ['admin', 'bureau_leader', 'handler', 'department_head'],
      order: 120,
      icon: () => import('@ant-design/icons/ApartmentOutlined'),
    },
  ],
})
