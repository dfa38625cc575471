import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'

/**
 * Misconduct reports on the web: the public form and the receipt-code lookup (`/report`, no sign-in),
 * and discipline inspection's reports in the console. No other role has a menu entry or a page.
 */
export const misconductReportsFeature = defineFeature({
  name: 'misconduct-reports',
  staffPages: [
    { path: 'misconduct-reports', page: lazyNamed(() => import('./staff/ReportsPage'), 'ReportsPage') },
  ],
  staffMenu: [
    {
      key: 'misconductReports',
      path: '/staff/misconduct-reports',
      roles: ['discipline_inspector'],
      order: 72,
      icon: () => import('@ant-design/icons/SafetyCertificateOutlined'),
    },
  ],
  enterprisePages: [{ path: 'report', page: lazyNamed(() => import('./public/ReportPage'), 'ReportPage') }],
})
