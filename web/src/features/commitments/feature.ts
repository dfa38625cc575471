import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'

/**
 * The ledger of the government's word (守信践诺, 清欠): on the phone, an enterprise's commitments and
 * payables with their interest, and its complaints; the public yearly publication of overdue
 * payments; in the console, the ledger for the bureau and the owning units, the registering of
 * commitments and payables, payments, agreed repayment plans and the verification of complaints
 * (app/feature.ts).
 */
export const commitmentsFeature = defineFeature({
  name: 'commitments',
  enterprisePages: [
    { path: 'commitments', page: lazyNamed(() => import('./mobile/MyCommitmentsPage'), 'MyCommitmentsPage') },
    {
      path: 'commitments/publications',
      page: lazyNamed(() => import('./mobile/PublicationPage'), 'PublicationPage'),
    },
    { path: 'commitments/:id', page: lazyNamed(() => import('./mobile/CommitmentPage'), 'CommitmentPage') },
  ],
  staffPages: [
    { path: 'commitments', page: lazyNamed(() => import('./staff/CommitmentsPage'), 'CommitmentsPage') },
    {
      path: 'commitments/new',
      page: lazyNamed(() => import('./staff/NewCommitmentPage'), 'NewCommitmentPage'),
    },
  ],
  staffMenu: [
    // the bureau sees and verifies all; a unit's handlers and heads what their role owns
    {
      key: 'commitments',
      path: '/staff/commitments',
      roles: ['dispatcher', 'bureau_leader', 'handler', 'department_head'],
      order: 75,
      icon: () => import('@ant-design/icons/AuditOutlined'),
    },
  ],
})
