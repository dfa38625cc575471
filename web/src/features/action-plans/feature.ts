import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'

/**
 * The action plan (行动方案): the public progress page (`/action-plan`, no sign-in) and, in the
 * console, the plan's tasks — the bureau writes and reviews them, an owner unit reports on its own
 * (app/feature.ts).
 */
export const actionPlansFeature = defineFeature({
  name: 'action-plans',
  staffPages: [
    {
      path: 'action-plan',
      page: lazyNamed(() => import('./staff/PlanTasksPage'), 'PlanTasksPage'),
    },
    {
      path: 'action-plan/:id',
      page: lazyNamed(() => import('./staff/PlanTaskPage'), 'PlanTaskPage'),
    },
  ],
  staffMenu: [
    // The bureau writes and reviews; owner units report on their own tasks; the server scopes both.
    {
      key: 'actionPlan',
      path: '/staff/action-plan',
      roles: ['dispatcher', 'bureau_leader', 'handler', 'department_head'],
      order: 73.5,
      icon: () => import('@ant-design/icons/ScheduleOutlined'),
    },
  ],
  enterprisePages: [
    { path: 'action-plan', page: lazyNamed(() => import('./public/ActionPlanPage'), 'ActionPlanPage') },
  ],
})
