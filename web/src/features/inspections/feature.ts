import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'

/**
 * Inspections without disturbance (涉企检查) on the web: the enterprise's 检查记录 and the page its
 * phone opens when it scans a check code; in the console the registry (items, inspectors), the plan
 * form, the list and queue, each inspection with its moves and its QR code, and the bureau's reports
 * of visits without a code (app/feature.ts).
 */
export const inspectionsFeature = defineFeature({
  name: 'inspections',
  enterprisePages: [
    { path: 'inspections', page: lazyNamed(() => import('./mobile/MyInspectionsPage'), 'MyInspectionsPage') },
    {
      path: 'inspections/check/:code',
      page: lazyNamed(() => import('./mobile/CheckInspectionPage'), 'CheckInspectionPage'),
    },
  ],
  staffPages: [
    { path: 'inspections', page: lazyNamed(() => import('./staff/InspectionsPage'), 'InspectionsPage') },
    {
      path: 'inspections/new',
      page: lazyNamed(() => import('./staff/PlanInspectionPage'), 'PlanInspectionPage'),
    },
    { path: 'inspections/:id', page: lazyNamed(() => import('./staff/InspectionPage'), 'InspectionPage') },
  ],
  staffMenu: [
    // The registry for admins and heads, plans for inspectors and heads, the reports for the bureau.
    {
      key: 'inspections',
      path: '/staff/inspections',
      roles: ['admin', 'department_head', 'inspector', 'dispatcher', 'bureau_leader'],
      order: 74,
      icon: () => import('@ant-design/icons/SafetyCertificateOutlined'),
    },
  ],
})
