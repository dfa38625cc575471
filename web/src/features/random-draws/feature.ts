import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'

/** Random draws (双随机一公开): the public page of a draw (`/draws/:id`, no sign-in). */
export const randomDrawsFeature = defineFeature({
  name: 'random-draws',
  enterprisePages: [
    { path: 'draws/:id', page: lazyNamed(() => import('./public/PublicDrawPage'), 'PublicDrawPage') },
  ],
})
