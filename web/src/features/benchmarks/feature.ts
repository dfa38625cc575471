import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'

/**
 * Benchmarks (对标, issue 14 item 7) in the console: the table by indicator for the bureau and
 * department heads (the bureau leader and the admin enter values), and the gap card on the leader's
 * home beside the cockpit.
 */
export const benchmarksFeature = defineFeature({
  name: 'benchmarks',
  staffPages: [
    { path: 'benchmarks', page: lazyNamed(() => import('./staff/BenchmarksPage'), 'BenchmarksPage') },
  ],
  staffMenu: [
    // The server refuses everyone else; department heads read, the leader and the admin also enter.
    {
      key: 'benchmarks',
      path: '/staff/benchmarks',
      roles: ['bureau_leader', 'admin', 'dispatcher', 'department_head'],
      order: 6,
      icon: () => import('@ant-design/icons/AimOutlined'),
    },
  ],
  slots: {
    'staffHome.top': () => import('./staff/BenchmarksHomeCard').then((m) => m.BenchmarksHomeCard),
  },
})
