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
  ],
})
