import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'

/**
 * Rating rectifications (差评整改) and rating appeals (评价申诉) on the web: the staff's list by due
 * date, the case page with every allowed move (the bureau's verification screen among them), the
 * appeal review; the enterprise's progress on the phone (app/feature.ts).
 */
const READERS = ['handler', 'department_head', 'dispatcher', 'bureau_leader', 'admin'] as const

export const rectificationsFeature = defineFeature({
  name: 'rectifications',
  staffPages: [
    {
      path: 'rectifications',
      page: lazyNamed(() => import('./staff/RectificationsPage'), 'RectificationsPage'),
    },
    {
      path: 'rectifications/:id',
      page: lazyNamed(() => import('./staff/RectificationPage'), 'RectificationPage'),
    },
    {
      path: 'rating-appeals',
      page: lazyNamed(() => import('./staff/RatingAppealsPage'), 'RatingAppealsPage'),
    },
  ],
  staffMenu: [
    {
      key: 'rectifications',
      path: '/staff/rectifications',
      roles: [...READERS],
      order: 72,
      icon: () => import('@ant-design/icons/ToolOutlined'),
    },
    {
      key: 'ratingAppeals',
      path: '/staff/rating-appeals',
      roles: [...READERS],
      order: 74,
      icon: () => import('@ant-design/icons/SafetyCertificateOutlined'),
    },
  ],
  enterprisePages: [
    {
      path: 'rectifications',
      page: lazyNamed(() => import('./mobile/MyRectificationsPage'), 'MyRectificationsPage'),
    },
    {
      path: 'rectifications/:id',
      page: lazyNamed(() => import('./mobile/MyRectificationPage'), 'MyRectificationPage'),
    },
  ],
})
