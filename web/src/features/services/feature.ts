import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

/**
 * Services on the web: the public catalogue of service matters and their guides, and the
 * enterprise's page of its applications (app/feature.ts).
 */
export const servicesFeature = defineFeature({
  name: 'services',
  staffPages: [
    {
      path: 'matters',
      page: lazyNamed(() => import('./staff/MatterCataloguePage'), 'MatterCataloguePage'),
    },
    {
      path: 'matters/:id',
      page: lazyNamed(() => import('./staff/MatterEditorPage'), 'MatterEditorPage'),
    },
  ],
  staffMenu: [
    // the competent department writes its guides; the bureau's leaders and administrators any
    {
      key: 'matterCatalogue',
      path: paths.staffMatters,
      roles: ['handler', 'department_head', 'bureau_leader', 'admin'],
      order: 95,
      icon: () => import('@ant-design/icons/ProfileOutlined'),
    },
  ],
  enterprisePages: [
    {
      path: 'services',
      page: lazyNamed(() => import('./mobile/MyApplicationsPage'), 'MyApplicationsPage'),
    },
    { path: 'matters', page: lazyNamed(() => import('./public/MatterListPage'), 'MatterListPage') },
    { path: 'matters/:id', page: lazyNamed(() => import('./public/MatterGuidePage'), 'MatterGuidePage') },
  ],
})
