import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

export const notificationsFeature = defineFeature({
  name: 'notifications',
  staffPages: [{ path: 'inbox', page: lazyNamed(() => import('./StaffInboxPage'), 'StaffInboxPage') }],
  enterprisePages: [
    { path: 'inbox', page: lazyNamed(() => import('./InboxPage'), 'InboxPage') },
    { path: 'dev/inbox', page: lazyNamed(() => import('./DevInboxPage'), 'DevInboxPage') },
  ],
  staffMenu: [
    // Everyone's own messages (dispatches, deadlines, claims to review …).
    {
      key: 'inbox',
      path: paths.staffInbox,
      roles: 'any',
      order: 10,
      icon: () => import('@ant-design/icons/MailOutlined'),
    },
  ],
})
