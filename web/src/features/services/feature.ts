import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'

/** Services on the web: the enterprise's page of its applications (app/feature.ts). */
export const servicesFeature = defineFeature({
  name: 'services',
  enterprisePages: [
    {
      path: 'services',
      page: lazyNamed(() => import('./mobile/MyApplicationsPage'), 'MyApplicationsPage'),
    },
  ],
})
