import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'

/**
 * The cockpit on the web (issue 13 item 8): the console page for the bureau and department heads, the
 * bureau leader's home, and the public open data page with the metric dictionary.
 */
export const cockpitFeature = defineFeature({
  name: 'cockpit',
  staffPages: [{ path: 'cockpit', page: lazyNamed(() => import('./staff/CockpitPage'), 'CockpitPage') }],
  staffMenu: [
    // The bureau reads the city; a department head their own units (the server scopes).
    {
      key: 'cockpit',
      path: '/staff/cockpit',
      roles: ['bureau_leader', 'dispatcher', 'admin', 'department_head'],
      order: 5,
      icon: () => import('@ant-design/icons/DashboardOutlined'),
    },
  ],
  enterprisePages: [
    { path: 'open-data', page: lazyNamed(() => import('./public/OpenDataPage'), 'OpenDataPage') },
  ],
  slots: {
    'staffHome.top': () => import('./staff/CockpitHome').then((m) => m.CockpitHome),
  },
})
