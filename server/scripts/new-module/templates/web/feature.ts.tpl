import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'

/** {{moduleTitle}} on the web: the enterprise's page of its {{casesWordsEn}} (app/feature.ts). */
export const {{moduleCamel}}Feature = defineFeature({
  name: '{{module}}',
  enterprisePages: [
    {
      path: '{{module}}',
      page: lazyNamed(() => import('./mobile/My{{casesPascal}}Page'), 'My{{casesPascal}}Page'),
    },
  ],
})
