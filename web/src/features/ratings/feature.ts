import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'

/**
 * Ratings on the web (好差评, issue 13): the enterprise's 待评价 list and the rating sheet on the
 * phone, a 评价 button on each finished case's page, and a case's ratings on its console page
 * (app/feature.ts, app/slot-types.ts).
 */
export const ratingsFeature = defineFeature({
  name: 'ratings',
  enterprisePages: [
    { path: 'ratings', page: lazyNamed(() => import('./mobile/ToRatePage'), 'ChooseToRatePage') },
    { path: 'ratings/:enterpriseId', page: lazyNamed(() => import('./mobile/ToRatePage'), 'ToRatePage') },
    {
      path: 'ratings/:enterpriseId/rate/:subjectType/:subjectId/:stage',
      page: lazyNamed(() => import('./mobile/RatingSheetPage'), 'RatingSheetPage'),
    },
  ],
  slots: {
    'case.rating': () => import('./mobile/RateCaseCard').then((m) => m.RateCaseCard),
    'staffCase.ratings': () => import('./staff/CaseRatingsCard').then((m) => m.CaseRatingsCard),
  },
})
