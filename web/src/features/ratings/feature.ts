import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'

/**
 * Ratings on the web (好差评, issue 13): the enterprise's 待评价 list and the rating sheet on the
 * phone, the public statistics (`/ratings/statistics`), a 评价 button on each finished case's page, and a case's ratings on its console page
 * (app/feature.ts, app/slot-types.ts).
 */
export const ratingsFeature = defineFeature({
  name: 'ratings',
  enterprisePages: [
    // public, no sign-in: given and default ratings apart, and those excluded after an upheld appeal
    {
      path: 'ratings/statistics',
      page: lazyNamed(() => import('./public/RatingStatisticsPage'), 'RatingStatisticsPage'),
    },
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
