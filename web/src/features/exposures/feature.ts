import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'

/** The exposure board: the public page (`/exposures`, no sign-in) and its back office in the console. */
export const exposuresFeature = defineFeature({
  name: 'exposures',
  staffPages: [
    { path: 'exposures', page: lazyNamed(() => import('./staff/ExposuresPage'), 'ExposuresPage') },
  ],
  staffMenu: [
    // discipline inspection and the bureau propose and review; the task force proposes
    {
      key: 'exposures',
      path: '/staff/exposures',
      roles: ['discipline_inspector', 'bureau_leader', 'dispatcher'],
      order: 74,
      icon: () => import('@ant-design/icons/NotificationOutlined'),
    },
  ],
  enterprisePages: [
    { path: 'exposures', page: lazyNamed(() => import('./public/ExposureBoardPage'), 'ExposureBoardPage') },
  ],
})
