import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

export const calendarFeature = defineFeature({
  name: 'calendar',
  staffPages: [{ path: 'calendar', page: lazyNamed(() => import('./CalendarPage'), 'CalendarPage') }],
  staffMenu: [
    // Everyone reads the working calendar; only admins change it.
    {
      key: 'calendar',
      path: paths.staffCalendar,
      roles: 'any',
      order: 230,
      icon: () => import('@ant-design/icons/CalendarOutlined'),
    },
  ],
})
