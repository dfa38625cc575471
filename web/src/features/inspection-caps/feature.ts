import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

/**
 * Inspection caps (检查频次上限、综合查一次) in the console: the bureau's caps, exemptions, joint
 * visits and high-frequency list; the administrator reads and versions the caps (app/feature.ts).
 */
export const inspectionCapsFeature = defineFeature({
  name: 'inspection-caps',
  staffPages: [
    {
      path: 'inspection-caps',
      page: lazyNamed(() => import('./staff/InspectionCapsPage'), 'InspectionCapsPage'),
    },
  ],
  staffMenu: [
    {
      key: 'inspectionCaps',
      path: paths.staffInspectionCaps,
      roles: ['dispatcher', 'bureau_leader', 'admin'],
      order: 74,
      icon: () => import('@ant-design/icons/SafetyCertificateOutlined'),
    },
  ],
})
