import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

export const appealsFeature = defineFeature({
  name: 'appeals',
  staffPages: [
    { path: 'appeals/queue', page: lazyNamed(() => import('./staff/AppealQueuePage'), 'AppealQueuePage') },
    {
      path: 'appeals/inbox',
      page: lazyNamed(() => import('./staff/DepartmentInboxPage'), 'DepartmentInboxPage'),
    },
    {
      path: 'appeals/return-visits',
      page: lazyNamed(() => import('./staff/ReturnVisitsPage'), 'ReturnVisitsPage'),
    },
    {
      path: 'appeals/figures',
      page: lazyNamed(() => import('./staff/AppealFiguresPage'), 'AppealFiguresPage'),
    },
    { path: 'appeals/on-behalf', page: lazyNamed(() => import('./staff/OnBehalfPage'), 'OnBehalfPage') },
    { path: 'appeals/import', page: lazyNamed(() => import('./staff/ImportPage'), 'ImportPage') },
    {
      path: 'appeals/settings',
      page: lazyNamed(() => import('./staff/AppealSettingsPage'), 'AppealSettingsPage'),
    },
    { path: 'appeals/categories', page: lazyNamed(() => import('./staff/CategoriesPage'), 'CategoriesPage') },
    { path: 'appeals/:id', page: lazyNamed(() => import('./staff/StaffAppealPage'), 'StaffAppealPage') },
  ],
  enterprisePages: [
    { path: 'appeals', page: lazyNamed(() => import('./mobile/MyAppealsPage'), 'MyAppealsPage') },
    { path: 'appeals/new', page: lazyNamed(() => import('./mobile/NewAppealPage'), 'NewAppealPage') },
    { path: 'appeals/:id', page: lazyNamed(() => import('./mobile/AppealDetailPage'), 'AppealDetailPage') },
  ],
  staffMenu: [
    // The task force triages and dispatches; the bureau's leaders and admins read the same queues.
    {
      key: 'appealQueue',
      path: paths.staffAppealQueue,
      roles: ['dispatcher', 'bureau_leader', 'admin'],
      order: 20,
      icon: () => import('@ant-design/icons/FileSearchOutlined'),
    },
    // Hotline calls, company visits and federation batches are filed by the task force only.
    {
      key: 'appealOnBehalf',
      path: paths.staffAppealOnBehalf,
      roles: ['dispatcher'],
      order: 30,
      icon: () => import('@ant-design/icons/CustomerServiceOutlined'),
    },
    {
      key: 'appealImport',
      path: paths.staffAppealImport,
      roles: ['dispatcher'],
      order: 40,
      icon: () => import('@ant-design/icons/CloudUploadOutlined'),
    },
    {
      key: 'appealInbox',
      path: paths.staffAppealInbox,
      roles: ['handler', 'department_head'],
      order: 50,
      icon: () => import('@ant-design/icons/InboxOutlined'),
    },
    // Return visits are the task force's own, never the handling department's (被满意 guard).
    {
      key: 'returnVisits',
      path: paths.staffReturnVisits,
      roles: ['dispatcher'],
      order: 60,
      icon: () => import('@ant-design/icons/PhoneOutlined'),
    },
    {
      key: 'appealFigures',
      path: paths.staffAppealFigures,
      roles: ['dispatcher', 'bureau_leader', 'admin', 'department_head'],
      order: 170,
      icon: () => import('@ant-design/icons/BarChartOutlined'),
    },
    // Admins change the appeal rules; the task force and the leadership read them.
    {
      key: 'appealSettings',
      path: paths.staffAppealSettings,
      roles: ['admin', 'dispatcher', 'bureau_leader'],
      order: 180,
      icon: () => import('@ant-design/icons/SettingOutlined'),
    },
    {
      key: 'appealCategories',
      path: paths.staffAppealCategories,
      roles: ['admin'],
      order: 190,
      icon: () => import('@ant-design/icons/AppstoreOutlined'),
    },
  ],
})
