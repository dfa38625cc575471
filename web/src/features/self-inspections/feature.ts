import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

/**
 * Self-inspection (自查自纠) in the console: the bureau issues tasks with a checklist, follows the
 * board and reviews each department's copy; a department answers its copies and tracks its
 * rectifications to done (app/feature.ts).
 */
export const selfInspectionsFeature = defineFeature({
  name: 'self-inspections',
  staffPages: [
    {
      path: 'self-inspections',
      page: lazyNamed(() => import('./staff/SelfInspectionTasksPage'), 'SelfInspectionTasksPage'),
    },
    {
      path: 'self-inspections/new',
      page: lazyNamed(() => import('./staff/NewSelfInspectionTaskPage'), 'NewSelfInspectionTaskPage'),
    },
    {
      path: 'self-inspections/:id',
      page: lazyNamed(() => import('./staff/SelfInspectionTaskPage'), 'SelfInspectionTaskPage'),
    },
    {
      path: 'my-self-inspections',
      page: lazyNamed(() => import('./staff/MySelfInspectionsPage'), 'MySelfInspectionsPage'),
    },
    {
      path: 'self-inspection-answers/:id',
      page: lazyNamed(() => import('./staff/SelfInspectionAnswerPage'), 'SelfInspectionAnswerPage'),
    },
  ],
  staffMenu: [
    // The bureau issues and reviews; the server refuses anyone else.
    {
      key: 'selfInspections',
      path: paths.staffSelfInspections,
      roles: ['dispatcher', 'bureau_leader'],
      order: 72,
      icon: () => import('@ant-design/icons/FileSearchOutlined'),
    },
    // A department answers its own copies and tracks its rectifications.
    {
      key: 'mySelfInspections',
      path: paths.staffMySelfInspections,
      roles: ['handler', 'department_head'],
      order: 73,
      icon: () => import('@ant-design/icons/FileDoneOutlined'),
    },
  ],
})
