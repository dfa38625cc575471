import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { PROBLEM_PATHS } from './problem-classes.api'

/**
 * Problem classes (堵点难点) and the monthly problem (每月一题) in the console: the bureau's
 * proposals from clustering, the class page (cases, tasks, outputs, close) and the list of classes.
 * The appeal pages show the classes an appeal is in through the `appeal.problemClasses` slot.
 */
export const problemClassesFeature = defineFeature({
  name: 'problem-classes',
  staffPages: [
    {
      path: 'problem-classes',
      page: lazyNamed(() => import('./staff/ProblemClassesPage'), 'ProblemClassesPage'),
    },
    {
      path: 'problem-classes/proposals',
      page: lazyNamed(() => import('./staff/ProposalsPage'), 'ProposalsPage'),
    },
    {
      path: 'problem-classes/:id',
      page: lazyNamed(() => import('./staff/ProblemClassPage'), 'ProblemClassPage'),
    },
  ],
  staffMenu: [
    // the bureau runs the monthly problem; a unit reads those it owns or holds a task of
    {
      key: 'problemClasses',
      path: PROBLEM_PATHS.list,
      roles: ['dispatcher', 'bureau_leader', 'handler', 'department_head'],
      order: 72,
      icon: () => import('@ant-design/icons/AimOutlined'),
    },
    {
      key: 'problemProposals',
      path: PROBLEM_PATHS.proposals,
      roles: ['dispatcher', 'bureau_leader'],
      order: 73,
      icon: () => import('@ant-design/icons/ClusterOutlined'),
    },
  ],
  slots: {
    'appeal.problemClasses': () => import('./AppealProblemClasses').then((m) => m.AppealProblemClasses),
  },
})
