import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

export const auditFeature = defineFeature({
  name: 'audit',
  staffPages: [{ path: 'audit', page: lazyNamed(() => import('./AuditPage'), 'AuditPage') }],
  staffMenu: [
    {
      key: 'audit',
      path: paths.staffAudit,
      roles: ['admin', 'discipline_inspector'],
      order: 220,
      icon: () => import('@ant-design/icons/AuditOutlined'),
    },
  ],
})
