import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

/**
 * The result of an inspection (issue 14 item 4): in the console an inspector's inspections waiting for
 * a result or a re-check, and the result form with the no-penalty lists (首违不罚, 轻微不罚); on the
 * enterprise's phone the result of one of its inspections.
 */
export const inspectionResultsFeature = defineFeature({
  name: 'inspection-results',
  enterprisePages: [
    {
      path: 'inspections/:id/result',
      page: lazyNamed(() => import('./mobile/EnterpriseResultPage'), 'EnterpriseResultPage'),
    },
  ],
  staffPages: [
    {
      path: 'inspection-results',
      page: lazyNamed(() => import('./staff/InspectionResultsPage'), 'InspectionResultsPage'),
    },
    {
      path: 'inspection-results/:id',
      page: lazyNamed(() => import('./staff/InspectionResultPage'), 'InspectionResultPage'),
    },
  ],
  staffMenu: [
    // Certified inspectors record results; the server refuses anyone else.
    {
      key: 'inspectionResults',
      path: paths.staffInspectionResults,
      roles: ['inspector'],
      order: 72.5,
      icon: () => import('@ant-design/icons/AuditOutlined'),
    },
  ],
})
