import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

/**
 * Random draws (双随机一公开): the public page of a draw (`/draws/:id`, no sign-in), and in the console
 * the draws, the form that opens one, and one draw's ceremony — each party commits and reveals, the
 * bureau or the body's head freezes, draws and publishes (app/feature.ts).
 */
export const randomDrawsFeature = defineFeature({
  name: 'random-draws',
  enterprisePages: [
    { path: 'draws/:id', page: lazyNamed(() => import('./public/PublicDrawPage'), 'PublicDrawPage') },
  ],
  staffPages: [
    { path: 'random-draws', page: lazyNamed(() => import('./staff/RandomDrawsPage'), 'RandomDrawsPage') },
    {
      path: 'random-draws/new',
      page: lazyNamed(() => import('./staff/NewRandomDrawPage'), 'NewRandomDrawPage'),
    },
    { path: 'random-draws/:id', page: lazyNamed(() => import('./staff/RandomDrawPage'), 'RandomDrawPage') },
  ],
  staffMenu: [
    // Those who open draws (the bureau, a body's head) and every role a party may hold (discipline
    // inspection stands as the supervisor); the server shows each only the draws that are theirs.
    // The administrator comes for the publication deadline, set on the same page.
    {
      key: 'randomDraws',
      path: paths.staffRandomDraws,
      roles: ['dispatcher', 'bureau_leader', 'department_head', 'discipline_inspector', 'admin'],
      order: 74.5,
      icon: () => import('@ant-design/icons/InteractionOutlined'),
    },
  ],
})
